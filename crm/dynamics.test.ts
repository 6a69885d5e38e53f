import { dynamics, normaliseGuid, stripSaveState } from './dynamics';

const G = '5a8b2c1d-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
const at = (query: string) => dynamics.matchUrl(new URL(`https://contoso.crm4.dynamics.com/main.aspx?${query}`));

describe('normaliseGuid', () => {
  it('lower-cases and drops braces and white space', () => {
    expect(normaliseGuid(`{${G.toUpperCase()}}`)).toBe(G);
    expect(normaliseGuid(` ${G.toUpperCase()}\n`)).toBe(G);
    expect(normaliseGuid(G)).toBe(G);
  });
  it('rejects what is not a GUID', () => {
    for (const bad of ['', '{}', 'not-a-guid', G.slice(0, -1), `${G}0`, G.replace(/-/g, ''), `{${G}`, G.replace('a', 'g')]) {
      expect(normaliseGuid(bad), bad).toBeNull();
    }
  });
});

describe('stripSaveState', () => {
  it.each([
    ['Contoso Ltd - Saved', 'Contoso Ltd'],
    ['Contoso Ltd- Unsaved', 'Contoso Ltd'],
    ['Contoso Ltd - Read-only', 'Contoso Ltd'],
    ['北京示例有限公司 - 已保存', '北京示例有限公司'],
    ['北京示例有限公司 - 未保存', '北京示例有限公司'],
    // A dash that is part of the name stays.
    ['Smith - Jones Partners', 'Smith - Jones Partners'],
    ['Saved Search Inc', 'Saved Search Inc'],
  ])('%s → %s', (raw, name) => {
    expect(stripSaveState(raw)).toBe(name);
  });
  it('gives undefined when only the suffix is left', () => {
    expect(stripSaveState(' - Saved')).toBeUndefined();
  });
});

describe('Dynamics URL parameters', () => {
  it('reads them in any order and any case, encoded or not', () => {
    const orders = [
      `pagetype=entityrecord&etn=account&id=${G}`,
      `id=${G}&pagetype=entityrecord&etn=account`,
      `etn=account&id=%7B${G.toUpperCase()}%7D&appid=7f3c1a2b-0000-4000-8000-000000000001&pagetype=entityrecord`,
      `forceUCI=1&PageType=EntityRecord&ETN=Account&ID={${G}}`,
    ];
    for (const q of orders) expect(at(q), q).toEqual({ recordId: G, orgKey: 'contoso.crm4.dynamics.com' });
  });
  it('requires an account record page with an id', () => {
    expect(at(`pagetype=entityrecord&etn=contact&id=${G}`)).toBeNull();
    expect(at(`pagetype=entitylist&etn=account&id=${G}`)).toBeNull();
    expect(at('pagetype=entityrecord&etn=account')).toBeNull();
    expect(at('pagetype=entityrecord&etn=account&id=')).toBeNull();
    // etn wins over a stray legacy type code.
    expect(at(`pagetype=entityrecord&etn=contact&etc=1&id=${G}`)).toBeNull();
  });
});

describe('Dynamics name', () => {
  const doc = (body: string, title = '') =>
    new DOMParser().parseFromString(`<title>${title}</title><body>${body}</body>`, 'text/html');
  const match = { recordId: G };

  it('prefers the title attribute, then the text, without the save state', () => {
    expect(dynamics.readName(doc('<h1 data-id="header_title" title="Acme - Saved">Acme<span> - Saved</span></h1>'), match)).toBe('Acme');
    expect(dynamics.readName(doc('<h1 data-id="header_title">Acme <span>- Unsaved</span></h1>'), match)).toBe('Acme');
  });
  it('skips headers of hidden sessions', () => {
    const d = doc('<div hidden><h1 data-id="header_title">Old</h1></div><h1 data-id="header_title">New - Saved</h1>');
    expect(dynamics.readName(d, match)).toBe('New');
    expect(dynamics.readName(doc('<div aria-hidden="true"><h1 data-id="header_title">Old</h1></div>'), match)).toBeUndefined();
  });
  it('falls back to the document title', () => {
    expect(dynamics.titleName!(doc('', 'Account: Acme - Saved - Dynamics 365'))).toBe('Acme');
    expect(dynamics.titleName!(doc('', 'Acme - Power Apps'))).toBe('Acme');
    expect(dynamics.titleName!(doc('', 'Dynamics 365'))).toBeUndefined();
  });
});
