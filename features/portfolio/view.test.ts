import Papa from 'papaparse';
import type { PortfolioRow } from './rows';
import {
  applyFilters,
  choices,
  DEFAULT_PORTFOLIO_VIEW,
  validView,
  viewToCsv,
  type PortfolioColumn,
  type PortfolioFilters,
  type PortfolioView,
} from './view';

const row = (id: string, patch: Partial<PortfolioRow> = {}): PortfolioRow => ({
  id,
  name: `Account ${id}`,
  crm: 'salesforce',
  recordId: `REC-${id}`,
  score: null,
  band: null,
  trend: [],
  contractEnd: '2026-12-31',
  daysToRenewal: 290,
  window: 'later',
  visitedThisMonth: false,
  openCtas: 0,
  promiseRisks: 0,
  ...patch,
});

const acme = row('acme', { name: 'Acme Analytics', recordId: '001Dm00000Ab001AAA', owner: 'Maya Chen', csm: 'Priya Nair', segment: 'enterprise', band: 'green', score: 81, window: '0-30' });
const yunfan = row('yunfan', { name: '上海云帆科技', crm: 'hubspot', recordId: '9100034', owner: '李娜', csm: '张伟', segment: 'smb', band: 'red', score: 28, window: 'overdue' });
const globex = row('globex', { name: 'Globex Retail', recordId: 'GLX-7', owner: 'Maya Chen', csm: '张伟', segment: 'mid_market', band: null, window: '31-90' });
const initech = row('initech', { name: 'Initech', recordId: 'INI-1', csm: 'Priya Nair', band: 'yellow', score: 55, window: 'later' });
const BOOK = [acme, yunfan, globex, initech];

const NO_FILTER: PortfolioFilters = DEFAULT_PORTFOLIO_VIEW.filters;
const filter = (patch: Partial<PortfolioFilters>) => applyFilters(BOOK, { ...NO_FILTER, ...patch }).map((r) => r.id);

describe('applyFilters', () => {
  it('keeps every row, in order, with no filter set', () => {
    expect(filter({})).toEqual(['acme', 'yunfan', 'globex', 'initech']);
  });

  it('filters by band, "unknown" standing for no health', () => {
    expect(filter({ bands: ['red'] })).toEqual(['yunfan']);
    expect(filter({ bands: ['unknown'] })).toEqual(['globex']);
    expect(filter({ bands: ['unknown', 'green'] })).toEqual(['acme', 'globex']);
    expect(filter({ bands: ['green', 'yellow', 'red', 'unknown'] })).toHaveLength(4);
  });

  it('filters by renewal window', () => {
    expect(filter({ window: '31-90' })).toEqual(['globex']);
    expect(filter({ window: 'overdue' })).toEqual(['yunfan']);
    expect(filter({ window: '91-180' })).toEqual([]);
  });

  it('filters by owner and by CSM on the exact value', () => {
    expect(filter({ owner: 'Maya Chen' })).toEqual(['acme', 'globex']);
    expect(filter({ owner: 'Maya' })).toEqual([]);
    expect(filter({ csm: '张伟' })).toEqual(['yunfan', 'globex']);
    expect(filter({ csm: 'Priya Nair' })).toEqual(['acme', 'initech']);
  });

  it('filters by segment', () => {
    expect(filter({ segment: 'smb' })).toEqual(['yunfan']);
    expect(filter({ segment: 'self_serve' })).toEqual([]);
  });

  it('matches free text in the name, owner, CSM and record id, ignoring case and surrounding spaces', () => {
    expect(filter({ text: 'acme' })).toEqual(['acme']);
    expect(filter({ text: '  GLOBEX  ' })).toEqual(['globex']);
    expect(filter({ text: 'maya' })).toEqual(['acme', 'globex']); // owner
    expect(filter({ text: 'PRIYA' })).toEqual(['acme', 'initech']); // CSM
    expect(filter({ text: 'glx-7' })).toEqual(['globex']); // record id
    expect(filter({ text: '云帆' })).toEqual(['yunfan']);
    expect(filter({ text: '李娜' })).toEqual(['yunfan']);
    expect(filter({ text: 'nowhere' })).toEqual([]);
    expect(filter({ text: '   ' })).toHaveLength(4);
  });

  it('normalises full-width characters, as typed with a Chinese input method', () => {
    expect(filter({ text: 'ＡＣＭＥ' })).toEqual(['acme']);
    expect(filter({ text: 'ａｃｍｅ　ａｎａｌｙｔｉｃｓ' })).toEqual(['acme']); // with an ideographic space
    expect(filter({ text: '９１０００３４' })).toEqual(['yunfan']);
    // And a full-width name is found by ASCII text.
    expect(applyFilters([row('fw', { name: 'ＨＯＯＬＩ Cloud' })], { ...NO_FILTER, text: 'hooli' })).toHaveLength(1);
  });

  it('combines filters: a row must pass all of them', () => {
    expect(filter({ owner: 'Maya Chen', bands: ['green'] })).toEqual(['acme']);
    expect(filter({ text: 'priya', bands: ['yellow', 'unknown'] })).toEqual(['initech']);
    expect(filter({ csm: '张伟', window: '31-90', segment: 'mid_market', text: 'retail' })).toEqual(['globex']);
    expect(filter({ window: 'overdue', segment: 'enterprise' })).toEqual([]);
  });
});

describe('choices', () => {
  it('lists the distinct non-empty owners and CSMs, sorted', () => {
    const rows = [row('1', { owner: 'Tom' }), row('2', { owner: 'anna' }), row('3', { owner: 'Maya' }), row('4', { owner: 'Tom' }), row('5'), row('6', { owner: '' })];
    expect(choices(rows, 'owner')).toEqual(['anna', 'Maya', 'Tom']);
    expect(choices(BOOK, 'csm')).toEqual(['Priya Nair', '张伟']); // four rows, two CSMs
    expect(choices([], 'owner')).toEqual([]);
  });
});

describe('validView', () => {
  const view: PortfolioView = {
    columns: ['name', 'health', 'days'],
    filters: { bands: ['red', 'unknown'], window: '0-30', owner: 'Maya Chen', csm: '', segment: 'smb', text: '云帆' },
    sorting: [{ id: 'days', desc: false }, { id: 'arr', desc: true }],
  };

  it('keeps a valid view as it is', () => {
    expect(validView(view)).toEqual(view);
    expect(validView({ ...view, sorting: Array.from({ length: 5 }, () => ({ id: 'name', desc: false })) }).sorting).toHaveLength(5);
  });

  it('falls back on the default for anything invalid', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'view',
      {},
      { ...view, columns: ['name', 'revenue'] }, // unknown column
      { ...view, columns: [] },
      { ...view, sorting: Array.from({ length: 6 }, () => ({ id: 'name', desc: false })) }, // too many sort keys
      { ...view, sorting: [{ id: 'name' }] },
      { ...view, filters: { ...view.filters, bands: ['purple'] } },
      { ...view, filters: { ...view.filters, window: '0-29' } },
      { ...view, filters: { ...view.filters, segment: 'giant' } },
      { ...view, filters: { ...view.filters, text: 'x'.repeat(201) } },
    ];
    for (const v of bad) expect(validView(v)).toBe(DEFAULT_PORTFOLIO_VIEW);
  });

  it('falls back on the fallback given', () => {
    expect(validView({ columns: ['nope'] }, view)).toBe(view);
  });
});

describe('viewToCsv', () => {
  const header = (c: PortfolioColumn) => `H:${c}`;
  const parse = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  const full = row('x', {
    name: 'Acme Analytics',
    owner: 'Maya Chen',
    csm: 'Priya Nair',
    segment: 'enterprise',
    arr: 120000,
    currency: 'USD',
    score: 62,
    band: 'yellow',
    trend: [50, 55, 62],
    contractEnd: '2026-03-13',
    daysToRenewal: -3,
    window: 'overdue',
    nextTouchpoint: { offset: 30, due: '2026-04-05' },
    lastVisit: '2026-03-10',
    openCtas: 2,
    promiseRisks: 1,
  });

  it('writes the headers in the given column order and the cells to match', () => {
    const columns: PortfolioColumn[] = ['days', 'name', 'health', 'trend', 'arr'];
    const csv = viewToCsv([full], columns, header);
    expect(csv.split('\r\n')[0]).toBe('H:days,H:name,H:health,H:trend,H:arr');
    expect(parse(csv)).toEqual([
      ['H:days', 'H:name', 'H:health', 'H:trend', 'H:arr'],
      ['-3', 'Acme Analytics', '62 yellow', '50 55 62', '120000'],
    ]);
  });

  it('writes every column: health as "score band", trend joined by spaces, days as a number', () => {
    const columns: PortfolioColumn[] = [
      'name', 'crm', 'owner', 'csm', 'segment', 'arr', 'health', 'trend', 'contractEnd', 'days', 'nextTouchpoint', 'lastVisit', 'openCtas', 'promiseRisks',
    ];
    const bare = row('y', { name: 'Initech', daysToRenewal: 45, contractEnd: '2026-04-30' });
    expect(parse(viewToCsv([full, bare], columns, header)).slice(1)).toEqual([
      ['Acme Analytics', 'salesforce', 'Maya Chen', 'Priya Nair', 'enterprise', '120000', '62 yellow', '50 55 62', '2026-03-13', '-3', '2026-04-05', '2026-03-10', '2', '1'],
      ['Initech', 'salesforce', '', '', '', '', '', '', '2026-04-30', '45', '', '', '0', '0'],
    ]);
  });

  it('marks a band set by hand, with its last day and the computed band, in the words it is given', () => {
    const bandOverride = { band: 'red' as const, reason: 'Sponsor left', setOn: '2026-03-01', until: '2026-03-31' };
    const byHand = row('h', { score: 62, band: 'red', computedBand: 'yellow', bandOverride });
    expect(parse(viewToCsv([byHand], ['health'], header))[1]).toEqual(['62 red (set by hand until 2026-03-31; computed: yellow)']);
    const zh = viewToCsv([byHand], ['health'], header, ({ until, computed }) => `（手动设定至 ${until}；计算结果：${computed}）`);
    expect(parse(zh)[1]).toEqual(['62 red （手动设定至 2026-03-31；计算结果：yellow）']);
    // No reading yet: the band set by hand still shows, computed unknown.
    const unread = row('u', { band: 'green', computedBand: null, bandOverride: { ...bandOverride, band: 'green' } });
    expect(parse(viewToCsv([unread], ['health'], header))[1]).toEqual(['green (set by hand until 2026-03-31; computed: unknown)']);
    expect(parse(viewToCsv([row('p', { score: 62, band: 'yellow' })], ['health'], header))[1]).toEqual(['62 yellow']);
  });

  it('writes a score without a band as the score alone', () => {
    expect(parse(viewToCsv([row('z', { score: 44 })], ['health'], header))[1]).toEqual(['44']);
  });

  it('prefixes cells a spreadsheet would run as a formula with an apostrophe', () => {
    const names = ['=HYPERLINK("http://evil")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', 'a=b', "'quoted"];
    const rows = names.map((name, i) => row(`f${i}`, { name, owner: '=1+1' }));
    const data = parse(viewToCsv(rows, ['name', 'owner', 'days'], header)).slice(1);
    expect(data.map((r) => r[0])).toEqual(["'=HYPERLINK(\"http://evil\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'\tcmd", 'a=b', "'quoted"]);
    expect(data.every((r) => r[1] === "'=1+1")).toBe(true);
    // A negative number of days is a number, not a formula: left as it is.
    expect(parse(viewToCsv([row('n', { daysToRenewal: -12 })], ['days'], header))[1]).toEqual(['-12']);
  });

  it('quotes commas, quotes and newlines so the CSV parses back to the same text', () => {
    const names = ['Smith, Jones & Co', 'The "Best" Shop', 'Line one\nLine two', 'Crlf\r\nrow', ' padded '];
    const csv = viewToCsv(names.map((name, i) => row(`q${i}`, { name })), ['name', 'openCtas'], header);
    expect(csv).toContain('"Smith, Jones & Co"');
    expect(csv).toContain('"The ""Best"" Shop"');
    expect(parse(csv).slice(1)).toEqual(names.map((name) => [name, '0']));
  });

  it('keeps Chinese text intact', () => {
    const r = row('cn', { name: '上海云帆科技，有限公司', owner: '李娜', csm: '张伟', score: 28, band: 'red' });
    const csv = viewToCsv([r], ['name', 'owner', 'csm', 'health'], (c) => ({ name: '客户', owner: '负责人', csm: '客户成功', health: '健康度' })[c as string] ?? c);
    expect(parse(csv)).toEqual([
      ['客户', '负责人', '客户成功', '健康度'],
      ['上海云帆科技，有限公司', '李娜', '张伟', '28 red'],
    ]);
  });

  it('writes just the header line for an empty view', () => {
    expect(parse(viewToCsv([], ['name', 'days'], header))).toEqual([['H:name', 'H:days']]);
  });
});
