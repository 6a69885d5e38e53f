import { DEFAULT_FIELD_LABELS } from './fields';
import { salesforce } from './salesforce';

const ID = '001Hn00001Xyz12IAB';
const doc = (body: string, title = '') => new DOMParser().parseFromString(`<title>${title}</title><body>${body}</body>`, 'text/html');
const view = (cls: string, id: string, name: string, owner: string) =>
  `<div class="${cls}" data-record-id="${id}"><records-highlights2><h1><lightning-formatted-text>${name}</lightning-formatted-text></h1></records-highlights2>
   <div><span>Account Owner</span></div><div><a>${owner}</a></div></div>`;

describe('Salesforce active view', () => {
  it('reads name and fields of the active view only, not of cached ones', () => {
    const d = doc(view('windowViewMode-normal', '001Hn00001Old99', 'Old', 'Olga') + view('windowViewMode-normal active', ID, 'New', 'Nina'));
    expect(salesforce.readName(d, { recordId: ID })).toBe('New');
    expect(salesforce.readFields!(d, { recordId: ID }, DEFAULT_FIELD_LABELS)).toEqual({ owner: 'Nina' });
  });

  it('accepts the 15-character id on the view', () => {
    const d = doc(view('windowViewMode-maximized active', '001Hn00001Xyz12', 'Console', 'Cleo'));
    expect(salesforce.readName(d, { recordId: ID })).toBe('Console');
  });

  it('reads nothing while the active view still shows another record', () => {
    const d = doc(view('windowViewMode-normal active', '001Hn00001Old99', 'Old', 'Olga'));
    expect(salesforce.readName(d, { recordId: ID })).toBeUndefined();
    expect(salesforce.readFields!(d, { recordId: ID }, DEFAULT_FIELD_LABELS)).toBeUndefined();
  });
});

describe('Salesforce Classic', () => {
  it('reads the page title block and strips action links from values', () => {
    const d = doc(
      `<div class="bPageTitle"><h1 class="pageType">Account:</h1><h2 class="pageDescription">Acme</h2></div>
       <div id="ep"><table><tr><td class="labelCol">Account Owner</td><td><a>Jane Doe</a>&nbsp;<a>[Change]</a></td></tr>
       <tr><td class="labelCol">ARR</td><td>[Change]</td></tr></table></div>`,
    );
    expect(salesforce.readName(d, { recordId: ID })).toBe('Acme');
    expect(salesforce.readFields!(d, { recordId: ID }, DEFAULT_FIELD_LABELS)).toEqual({ owner: 'Jane Doe' });
  });

  it('falls back to the Lightning and Classic titles', () => {
    expect(salesforce.titleName!(doc('', 'Acme | Account | Salesforce'))).toBe('Acme');
    expect(salesforce.titleName!(doc('', 'Acme | 客户 | Salesforce'))).toBe('Acme');
    expect(salesforce.titleName!(doc('', 'Account: Acme ~ Salesforce - Enterprise Edition'))).toBe('Acme');
    expect(salesforce.titleName!(doc('', 'Recently Viewed | Accounts | Salesforce'))).toBeUndefined();
  });
});

describe('a page-supplied name of any length', () => {
  it('is clipped, so the detection still fits the message the background accepts', async () => {
    const { refFrom, matchUrl, MAX_NAME } = await import('./');
    const { ContentMessageSchema } = await import('../platform/messaging/protocol');
    const url = `https://acme.lightning.force.com/lightning/r/Account/${ID}/view`;
    const long = `Acme ${'名'.repeat(50_000)}😀`;
    const ref = refFrom(matchUrl(url)!, doc(view('windowViewMode-normal active', ID, long, 'Olga')));
    expect(ref.name).toHaveLength(MAX_NAME);
    expect(ref.name!.startsWith('Acme 名名')).toBe(true);
    expect(ref.name!.endsWith('…')).toBe(true);
    expect(ContentMessageSchema.safeParse({ type: 'crm/detected', ref }).success).toBe(true);
    // A name that fits is carried as it is.
    expect(refFrom(matchUrl(url)!, doc(view('windowViewMode-normal active', ID, 'Acme Analytics', 'Olga'))).name).toBe('Acme Analytics');
  });
});
