import { DEFAULT_FIELD_LABELS, readLabelledFields } from './fields';

const body = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
const read = (html: string) => readLabelledFields(body(html), DEFAULT_FIELD_LABELS);

describe('readLabelledFields', () => {
  it('reads English labels in label/value pairs of several shapes', () => {
    expect(
      read(`
        <dl><dt><span>Account Owner</span></dt><dd><a>Jane Doe</a></dd></dl>
        <table><tr><td>Annual Revenue</td><td>$1,000</td></tr></table>
        <div><label>Renewal Date:</label><div><input value="2026-01-31"></div></div>`),
    ).toEqual({ owner: 'Jane Doe', annualValue: '$1,000', contractEnd: '2026-01-31' });
  });

  it('reads Chinese labels, full-width colons included', () => {
    expect(
      read(`
        <div class="row"><span>客户负责人：</span><span>张伟</span></div>
        <div class="row"><span>到期日期</span><span>2026-06-30</span></div>
        <div class="row"><span>年合同额</span><span>¥ 50万</span></div>`),
    ).toEqual({ owner: '张伟', contractEnd: '2026-06-30', annualValue: '¥ 50万' });
  });

  it('matches labels whole and case-insensitively', () => {
    expect(read('<p><span>OWNER</span><span>Ann</span></p>')).toEqual({ owner: 'Ann' });
    expect(read('<p><span>Owner since</span><span>2019</span></p><p><span>Co-owner</span><span>Bob</span></p>')).toEqual({});
  });

  it('reads a value shown above its label', () => {
    expect(read('<div><div>Jane Doe</div><div>Owner</div></div><div><div>$9</div><div>ARR</div></div>')).toEqual({
      owner: 'Jane Doe',
      annualValue: '$9',
    });
  });

  it('leaves out empty fields instead of borrowing the next field value', () => {
    const html = `
      <div class="f"><div class="l"><span>Owner</span></div><div class="v"></div></div>
      <div class="f"><div class="l"><span>Phone</span></div><div class="v">555-0100</div></div>
      <div class="f"><div class="l"><span>ARR</span></div><div class="v">--</div></div>
      <div class="f"><div class="l"><span>Website</span></div><div class="v">acme.example</div></div>`;
    expect(read(html)).toEqual({});
  });

  it('does not read the cell before a label that ends a row', () => {
    expect(read('<table><tr><td>Rating</td><td>Hot</td><td>Owner</td></tr></table>')).toEqual({});
  });

  it('takes the first labelled value in document order', () => {
    expect(read('<p><b>Owner</b><i>First</i></p><p><b>Owner</b><i>Second</i></p>')).toEqual({ owner: 'First' });
    // An empty first one does not hide a later filled one.
    expect(read('<p><b>Owner</b><i>-</i></p><p><b>Owner</b><i>Second</i></p>')).toEqual({ owner: 'Second' });
  });

  it('ignores table headings, hidden views and assistive text', () => {
    const html = `
      <table><thead><tr><th>Name</th><th>Owner</th><th>Amount</th></tr></thead><tbody><tr><td>Deal</td><td>Sam</td><td>$1</td></tr></tbody></table>
      <div hidden><span>Annual Revenue</span><span>$999</span></div>
      <div aria-hidden="true"><span>ARR</span><span>$998</span></div>
      <div><span>Contract End Date</span><span>2026-01-01<button><span class="slds-assistive-text">Edit Contract End Date</span></button></span></div>`;
    expect(read(html)).toEqual({ contractEnd: '2026-01-01' });
  });

  it('skips help icons next to a label and reads the value after them', () => {
    const html = '<div><div><span>Owner</span><lightning-helptext><button>?</button></lightning-helptext><svg></svg></div><div>Jane</div></div>';
    expect(read(html)).toEqual({ owner: 'Jane' });
  });

  it('reads form controls: inputs and selects', () => {
    expect(
      read(`
        <div><label>Owner</label><select><option>Ann</option><option selected>Bob</option></select></div>
        <div><label>ARR</label><textarea>12k</textarea></div>`),
    ).toEqual({ owner: 'Bob', annualValue: '12k' });
  });

  it('does not take another label, or a whole container, as a value', () => {
    expect(read('<p><span>Owner</span><span>Account Owner</span></p>')).toEqual({});
    expect(read(`<p><span>Owner</span><span>${'x'.repeat(201)}</span></p>`)).toEqual({});
  });

  it('uses the labels it is given, for any key', () => {
    const root = body('<p><span>Kundenbetreuer</span><span>Jens</span></p><p><span>Owner</span><span>Ann</span></p>');
    expect(readLabelledFields(root, { owner: ['Kundenbetreuer'] })).toEqual({ owner: 'Jens' });
    expect(readLabelledFields(root, { name: ['Owner'] })).toEqual({ name: 'Ann' });
    expect(readLabelledFields(root, {})).toEqual({});
    expect(readLabelledFields(null, DEFAULT_FIELD_LABELS)).toEqual({});
  });

  it('keeps markup-looking text as text', () => {
    expect(read('<p><span>Owner</span><span>&lt;img src=x onerror=alert(1)&gt;</span></p>')).toEqual({ owner: '<img src=x onerror=alert(1)>' });
  });

  it('ships English and Chinese defaults for every field', () => {
    for (const labels of Object.values(DEFAULT_FIELD_LABELS)) {
      expect(labels.some((l) => /[a-z]/i.test(l))).toBe(true);
      expect(labels.some((l) => /[\u4e00-\u9fff]/.test(l))).toBe(true);
    }
  });
});

describe('user-added field labels', () => {
  it('extend the defaults, so a CRM with its own wording is read', async () => {
    const { withExtraLabels, DEFAULT_FIELD_LABELS: defaults } = await import('./fields');
    const { detectAccount } = await import('./');
    const doc = new DOMParser().parseFromString(
      `<title>Acme | Account | Salesforce</title><div class="windowViewMode-normal active"><records-highlights2><h1><lightning-formatted-text>Acme</lightning-formatted-text></h1></records-highlights2>
       <div><span>Kundenbetreuer</span><span>Jana</span></div><div><span>Account Owner</span><span>Tom</span></div></div>`,
      'text/html',
    );
    const url = 'https://acme.lightning.force.com/lightning/r/Account/001D000000IqhSLIAZ/view';
    const labels = withExtraLabels({ contractEnd: ['Kundenbetreuer'] });
    expect(labels.owner).toEqual(defaults.owner);
    expect(labels.contractEnd.at(-1)).toBe('Kundenbetreuer');
    expect(detectAccount(url, doc)?.fields).toEqual({ owner: 'Tom' });
    const { refFrom, matchUrl } = await import('./');
    expect(refFrom(matchUrl(url)!, doc, labels).fields).toEqual({ owner: 'Tom', contractEnd: 'Jana' });
  });
});
