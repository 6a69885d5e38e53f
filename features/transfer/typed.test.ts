import { readFileSync } from 'node:fs';
import { translator } from '../../shared/i18n';
import { parseCsv, planImport } from './import';
import { readDate, readNumber, readSegment } from './import/cells';
import { columnOf } from './import/columns';
import { parseTermsFile, planTermsImport } from './terms/plan';
import { badKeys, csv, freshDb, importFile, NOW } from './test-helpers';

/** What Chinese users type into a sheet, shape by shape, and the file-level all-or-nothing on top. */
const EMPTY = { accounts: [], snapshots: [] };
const fixture = (name: string) => readFileSync(`tests/fixtures/import/${name}`, 'utf8');
const AMOUNT = { min: 0, max: Number.MAX_SAFE_INTEGER };
const amount = (s: string, semicolon = false) => readNumber(s, 'arr', AMOUNT, { csv: true, semicolon }, true);

describe('dates as typed', () => {
  it.each([
    ['2027-01-07', '2027-01-07'], ['2027-1-7', '2027-01-07'], ['2027-5-1', '2027-05-01'], ['2027/1/7', '2027-01-07'], ['2027/01/07', '2027-01-07'],
    ['2027.1.7', '2027-01-07'], ['2027年1月7日', '2027-01-07'], ['2027 年 1 月 7 日', '2027-01-07'], ['2027年1月7号', '2027-01-07'], ['2027年12月31', '2027-12-31'],
    ['２０２７／１／７', '2027-01-07'], ['２０２７年１月７日', '2027-01-07'], ['Jan 7, 2027', '2027-01-07'], ['Sept 3, 2027', '2027-09-03'], ['7 January 2027', '2027-01-07'],
    ['2028/2/29', '2028-02-29'],
  ])('%s is %s', (typed, iso) => {
    expect(readDate(typed, 'd')).toEqual({ value: iso });
  });

  it.each([
    ['2027/2/30', 'import.reason.dateImpossible'], ['2027-13-01', 'import.reason.dateImpossible'], ['2027年2月29日', 'import.reason.dateImpossible'], ['2027.4.31', 'import.reason.dateImpossible'],
    ['1/7/2027', 'import.reason.dateAmbiguous'], ['7/1/2027', 'import.reason.dateAmbiguous'], ['13.1.2027', 'import.reason.dateAmbiguous'], ['1-7-27', 'import.reason.dateAmbiguous'],
    ['2027/1-7', 'import.reason.date'], ['27/1/7', 'import.reason.date'], ['2027年1月', 'import.reason.date'], ['Ja 7, 2027', 'import.reason.date'], ['Smarch 7, 2027', 'import.reason.date'], ['46394', 'import.reason.date'],
  ])('%s is refused (%s)', (typed, key) => {
    expect(readDate(typed, 'd').problem?.key).toBe(key);
  });

  it('names the accepted shapes when it refuses, in both languages', () => {
    const p = readDate('1/7/2027', '合同到期日').problem!;
    expect(translator('en').t(p.key, p.params)).toBe('合同到期日: in “1/7/2027” the year comes last, and whether day or month comes first differs between countries: write the year first, e.g. 2027-01-07, 2027/1/7 or 2027年1月7日.');
    expect(translator('zh-CN').t(p.key, p.params)).toBe('合同到期日：“1/7/2027”的年份写在最后，而日和月谁在前各国写法不同：请把年份写在前面，例如 2027-01-07、2027/1/7 或 2027年1月7日。');
  });
});

describe('amounts as typed', () => {
  it.each([
    ['120000', 120000, false], ['1,234', 1234, false], ['1,234,567.89', 1234567.89, false], ['1，234', 1234, false], ['１２３４', 1234, false],
    ['¥1,234', 1234, true], ['￥1234', 1234, true], ['CN¥60,000', 60000, true], ['RMB 12,000', 12000, true], ['rmb12000', 12000, true], ['人民币5000', 5000, true], ['5000元', 5000, true],
    ['1.2万', 12000, false], ['1.2万元', 12000, true], ['¥12万', 120000, true], ['12 万元', 120000, true], ['0.07亿', 7000000, false], ['3亿', 300000000, false], ['1.23456789亿', 123456789, false],
    ['1.00001万', 10000.1, false], ['1,234.5万', 12345000, false], ['0', 0, false], ['0.1万', 1000, false],
  ])('%s is %d (yuan: %s)', (typed, value, yuan) => {
    expect(amount(typed)).toEqual(yuan ? { value, yuan } : { value });
  });

  it('scales on the decimal digits, with no float drift', () => {
    // In floats 1.005 × 10000 is 10049.999999999998 and 0.29 × 100000000 is 28999999.999999996.
    expect(1.005 * 10000).not.toBe(10050);
    expect(0.29 * 1e8).not.toBe(29000000);
    expect(amount('1.005万').value).toBe(10050);
    expect(amount('0.29亿').value).toBe(29000000);
    expect(amount('0.07万').value).toBe(700);
    expect(amount('1.2万').value).toBe(12000);
  });

  it.each(['12,00', '1,2345', ',123', '1e3', '12 000', '1 2万', '$100', 'US$100', '1.2万美元', '12k', '85%', '1万2千', '1亿2000万', '¥', '万', '--5', '1.2.3'])('%s is refused', (typed) => {
    expect(amount(typed).problem?.key).toBe('import.reason.amount');
  });

  it('refuses an ASCII comma in a semicolon file, where it may be a decimal comma; the Chinese comma is no decimal mark', () => {
    expect(amount('1,234', true).problem?.key).toBe('import.reason.decimalComma');
    expect(amount('1，234', true)).toEqual({ value: 1234 });
  });

  it('takes thousands separators in health numbers too, but no units', () => {
    const range = { min: 0, max: 1_000_000, int: true };
    expect(readNumber('1,200', 'tickets_90d', range, { csv: true, semicolon: false })).toEqual({ value: 1200 });
    expect(readNumber('1.2万', 'tickets_90d', range, { csv: true, semicolon: false }).problem?.key).toBe('import.reason.number');
  });

  it('fills an empty currency with CNY from a yuan amount, and refuses a yuan amount beside another currency', () => {
    const p = planImport(parseCsv(csv(['crm,crm_record_id,name,contract_end,arr,currency', 'hubspot,1,A,2027-01-01,¥6万,', 'hubspot,2,B,2027-01-01,6万元,CNY', 'hubspot,3,C,2027-01-01,6万,USD', 'hubspot,4,D,2027-01-01,¥6万,USD'])), EMPTY, NOW);
    expect(p.rows.map((r) => [r.account.arr, r.account.currency])).toEqual([[60000, 'CNY'], [60000, 'CNY'], [60000, 'USD']]);
    expect(badKeys(p)).toEqual(['5: import.reason.amountCurrency']);
    expect(translator('zh-CN').t(p.bad[0]!.problems[0]!.key, p.bad[0]!.problems[0]!.params)).toBe('arr以人民币（¥、元、RMB）填写，但币种是 USD：请使两者一致。');
  });
});

describe('segments and headers as the UI shows them', () => {
  it.each([
    ['大型企业', 'enterprise'], ['中型企业', 'mid_market'], ['中小企业', 'smb'], ['自助客户', 'self_serve'],
    ['Enterprise', 'enterprise'], ['Mid-market', 'mid_market'], ['SMB', 'smb'], ['Self-serve', 'self_serve'],
    ['mid_market', 'mid_market'], ['MID MARKET', 'mid_market'], ['ＳＭＢ', 'smb'], ['Ｓｅｌｆ－ｓｅｒｖｅ', 'self_serve'], ['　大型企业　', 'enterprise'], ['大型　企业', 'enterprise'],
  ])('%s is %s', (typed, segment) => {
    expect(readSegment(typed, 's')).toEqual({ value: segment });
  });

  it('refuses another word, listing the labels in both languages', () => {
    const p = readSegment('超大型企业', '客户分层').problem!;
    expect(translator('zh-CN').t(p.key, p.params)).toBe('客户分层：“超大型企业”不是有效的客户分层（可用 Enterprise (大型企业), Mid-market (中型企业), SMB (中小企业), Self-serve (自助客户)）。');
  });

  it('maps Chinese headers, in any width, to the same columns as the English ones', () => {
    const headers = ['账户名称', '客户名称', '合同到期日', '年度合同额', '客户分层', 'ＣＲＭ类型', 'ＣＲＭ记录ＩＤ', ' Contract　End '];
    expect(headers.map(columnOf)).toEqual(['name', 'name', 'contract_end', 'arr', 'segment', 'crm', 'crm_record_id', 'contract_end']);
  });
});

describe('a sheet typed in Chinese', () => {
  it('imports every shape of the fixture', async () => {
    const db = freshDb();
    const { plan, result } = await importFile(db, 'zh-typed.csv', fixture('zh-typed.csv'));
    expect(plan.bad).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(result).toEqual({ created: 7, updated: 0 });
    const saved = new Map((await db.accounts.toArray()).map((a) => [a.name, a]));
    const pick = (name: string) => {
      const a = saved.get(name)!;
      return [a.crm, a.segment, a.arr, a.currency, a.contractStart, a.contractEnd, a.signedAt];
    };
    expect(pick('上海云帆科技')).toEqual(['fxiaoke', 'enterprise', 12000, 'CNY', '2027-01-07', '2028-01-06', '2026-12-20']);
    expect(pick('北京华信咨询')).toEqual(['hubspot', 'smb', 1234, 'CNY', '2027-01-07', '2028-01-06', undefined]);
    expect(pick('深圳前海数据')).toEqual(['hubspot', 'smb', 60000, 'CNY', '2027-03-01', '2028-02-29', undefined]);
    expect(pick('杭州云栖网络')).toEqual(['hubspot', 'mid_market', 300000000, 'CNY', '2027-01-07', '2027-12-31', undefined]);
    expect(pick('Acme Analytics')).toEqual(['salesforce', 'enterprise', 240000.5, 'USD', '2027-01-07', '2028-01-07', undefined]);
    expect(pick('成都天府软件')).toEqual(['hubspot', 'self_serve', 5000, 'CNY', undefined, '2027-06-30', undefined]);
    expect(pick('广州南沙物流')).toEqual(['hubspot', 'self_serve', 12000, undefined, undefined, '2027-06-30', undefined]);
  });

  it('refuses the whole file for any bad row, naming each line and reason in both languages', async () => {
    const db = freshDb();
    const { plan, result } = await importFile(db, 'zh-typed-bad.csv', fixture('zh-typed-bad.csv'));
    expect(result).toBeUndefined();
    expect(plan.canApply).toBe(false);
    expect(plan.counts).toMatchObject({ create: 2, bad: 4 });
    expect(await db.accounts.count()).toBe(0);
    const reasons = (locale: 'en' | 'zh-CN') => plan.bad.map((b) => [b.line, b.problems.map((p) => translator(locale).t(p.key, p.params)).sort()]);
    expect(reasons('en')).toEqual([
      [3, ['合同到期日: the calendar has no 2027/2/30.']],
      [4, ['合同开始日: in “1/7/2027” the year comes last, and whether day or month comes first differs between countries: write the year first, e.g. 2027-01-07, 2027/1/7 or 2027年1月7日.']],
      [5, [
        '客户分层: “超大型企业” is not a segment (use one of Enterprise (大型企业), Mid-market (中型企业), SMB (中小企业), Self-serve (自助客户)).',
        '年度合同额: “1.2万美元” is not an amount (write e.g. 120000, 120,000.50, ¥120,000, 12万 or 1.2亿元).',
      ]],
      [6, ['年度合同额 is written in yuan (¥, 元, RMB) but the currency is USD: make them agree.']],
    ]);
    expect(reasons('zh-CN')).toEqual([
      [3, ['合同到期日：日历上没有 2027/2/30 这一天。']],
      [4, ['合同开始日：“1/7/2027”的年份写在最后，而日和月谁在前各国写法不同：请把年份写在前面，例如 2027-01-07、2027/1/7 或 2027年1月7日。']],
      [5, [
        '客户分层：“超大型企业”不是有效的客户分层（可用 Enterprise (大型企业), Mid-market (中型企业), SMB (中小企业), Self-serve (自助客户)）。',
        '年度合同额：“1.2万美元”不是金额（例如 120000、120,000.50、¥120,000、12万 或 1.2亿元）。',
      ].sort()],
      [6, ['年度合同额以人民币（¥、元、RMB）填写，但币种是 USD：请使两者一致。']],
    ]);
  });
});

describe('the templates with Chinese headers', () => {
  it('plan the same accounts as the English template', () => {
    const accounts = (name: string) => planImport(parseCsv(fixture(`../../../public/templates/${name}`)), EMPTY, NOW, () => 'id').rows.map((r) => r.account);
    const zh = accounts('accounts-template.zh-CN.csv');
    expect(zh).toHaveLength(2);
    expect(zh).toEqual(accounts('accounts-template.csv'));
  });

  it('plan the same terms as the English terms template, notes aside', () => {
    const stamp = NOW.toISOString();
    const view = {
      accounts: [
        { id: 'a1', crm: 'salesforce' as const, recordId: '001D000000IqhSLIAZ', orgKey: 'acme', name: 'Acme', contractEnd: '2026-12-31', createdAt: stamp, updatedAt: stamp },
        { id: 'a2', crm: 'fxiaoke' as const, recordId: '5f3a9c2e7b1d4a', name: '上海云帆科技', contractEnd: '2027-06-30', createdAt: stamp, updatedAt: stamp },
      ],
      contracts: [], outcomes: [],
    };
    const terms = (name: string) => {
      const plan = planTermsImport(parseTermsFile(false, fixture(`../../../public/templates/${name}`)), view, NOW);
      expect(plan.bad).toEqual([]);
      return plan.rows.map((r) => ({ term: r.term, outcome: r.outcome && { ...r.outcome, notes: undefined } }));
    };
    const zh = terms('terms-template.zh-CN.csv');
    expect(zh).toHaveLength(3);
    expect(zh).toEqual(terms('terms-template.csv'));
  });
});
