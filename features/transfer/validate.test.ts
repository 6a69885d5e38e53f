import { translator } from '../../shared/i18n';
import { parseCsv, planImport } from './import';
import { escapeFormula, readNumber, unescapeFormula } from './import/cells';
import { describeProblem } from './import/describe';
import { badKeys, csv, HEADER, NOW } from './test-helpers';

const EMPTY = { accounts: [], snapshots: [] };
const plan = (lines: string[]) => planImport(parseCsv(csv(lines)), EMPTY, NOW, () => 'new-id');
const SHORT = 'crm,crm_record_id,name,contract_end';

describe('row validation', () => {
  it('names every problem of a row, with the header as the file writes it', () => {
    const p = plan(['CRM类型,记录ID,客户名称,合同到期日,年度合同额,币种,客户分层', 'oracle,,  ,2027-02-30,"12,00",元,vip']);
    expect(p.bad).toHaveLength(1);
    const en = p.bad[0]!.problems.map((x) => describeProblem(translator('en'), x));
    expect([...en].sort()).toEqual([
      'CRM类型: “oracle” is not a supported CRM (use one of salesforce, hubspot, dynamics, zoho, pipedrive, freshsales, fxiaoke, xiaoshouyi, custom).',
      '合同到期日: the calendar has no 2027-02-30.',
      '记录ID is required.',
      '客户名称 is required.',
      '客户分层: “vip” is not a segment (use one of Enterprise (大型企业), Mid-market (中型企业), SMB (中小企业), Self-serve (自助客户)).',
      '年度合同额: “12,00” is not an amount (write e.g. 120000, 120,000.50, ¥120,000, 12万 or 1.2亿元).',
      '币种: “元” is not a three-letter currency code such as USD or CNY.',
    ].sort());
    const zh = p.bad[0]!.problems.map((x) => describeProblem(translator('zh-CN'), x));
    expect(zh).toContain('客户名称为必填项。');
    expect(zh).toContain('合同到期日：日历上没有 2027-02-30 这一天。');
  });

  it.each([
    ['arr', '-5', 'import.reason.range'],
    ['arr', '1e3', 'import.reason.amount'],
    ['arr', '12 000', 'import.reason.amount'],
    ['arr', '$100', 'import.reason.amount'],
    ['active_user_rate', '101', 'import.reason.range'],
    ['active_user_rate', '85%', 'import.reason.number'],
    ['tickets_90d', '2.5', 'import.reason.integer'],
    ['tickets_90d', '-1', 'import.reason.range'],
    ['nps', '-101', 'import.reason.range'],
    ['outcome_attainment', '201', 'import.reason.range'],
    ['contract_start', '01/01/2027', 'import.reason.dateAmbiguous'],
    ['signed_at', '27-1-1', 'import.reason.date'],
    ['signed_at', '2027/2/29', 'import.reason.dateImpossible'],
  ])('%s = %s is refused (%s)', (column, value, key) => {
    const withDate = column === 'tickets_90d' || column === 'active_user_rate' || column === 'nps' || column === 'outcome_attainment';
    const p = plan([`${SHORT},${column}${withDate ? ',health_as_of' : ''}`, `hubspot,1,A,2027-01-01,"${value}"${withDate ? ',2026-11-01' : ''}`]);
    expect(badKeys(p)).toEqual([`2: ${key}`]);
  });

  it('accepts plain numbers at the edges of each range, and normalises case', () => {
    const p = plan([HEADER, 'HubSpot,42,,A,,,Mid-Market,0,usd,,2027-01-01,,2026-11-01,0,100,50.5,0,100,-100,200']);
    expect(p.bad).toEqual([]);
    const row = p.rows[0]!;
    expect(row.account).toMatchObject({ crm: 'hubspot', segment: 'mid_market', arr: 0, currency: 'USD' });
    expect(row.action === 'create' && row.snapshots[0]!.inputs).toEqual({
      activeUserRate: 0, coreFeatureAdoption: 100, moduleBreadth: 50.5, tickets90d: 0, trainingRate: 100, nps: -100, outcomeAttainment: 200,
    });
  });

  it('requires health_as_of once any health input is given, and ignores it alone', () => {
    expect(badKeys(plan([`${SHORT},nps`, 'hubspot,1,A,2027-01-01,30']))).toEqual(['2: import.reason.healthDate']);
    const p = plan([`${SHORT},health_as_of,nps`, 'hubspot,1,A,2027-01-01,2026-11-01,']);
    expect(p.bad).toEqual([]);
    expect(p.rows[0]!.action === 'create' && p.rows[0]!.snapshots).toEqual([]);
  });

  it('normalises record ids, and refuses ids the CRM cannot have', () => {
    const p = plan([SHORT, 'salesforce,001D000000IqhSL,A,2027-01-01', 'dynamics,{3F2504E0-4F89-11D3-9A0C-0305E82C3301},B,2027-01-01', 'hubspot,12a,C,2027-01-01', 'salesforce,too-short,D,2027-01-01', 'dynamics,not-a-guid,E,2027-01-01']);
    expect(p.rows.map((r) => r.account.recordId)).toEqual(['001D000000IqhSLIAZ', '3f2504e0-4f89-11d3-9a0c-0305e82c3301']);
    expect(badKeys(p)).toEqual(['4: import.reason.recordId', '5: import.reason.recordId', '6: import.reason.recordId']);
    expect(describeProblem(translator('en'), p.bad[0]!.problems[0]!)).toBe('crm_record_id: “12a” is not a valid hubspot record id.');
  });

  it('accepts CRM display names', () => {
    const p = plan([SHORT, 'Dynamics 365,3f2504e0-4f89-11d3-9a0c-0305e82c3301,A,2027-01-01', '纷享销客,abc,B,2027-01-01', '销售易,123,C,2027-01-01']);
    expect(p.rows.map((r) => r.account.crm)).toEqual(['dynamics', 'fxiaoke', 'xiaoshouyi']);
  });

  it('refuses text longer than the data model keeps', () => {
    expect(badKeys(plan([SHORT, `hubspot,1,${'x'.repeat(301)},2027-01-01`]))).toEqual(['2: import.reason.tooLong']);
  });
});

describe('formula-injection escaping', () => {
  it.each(['=SUM(A1)', '+1', '-x', '@cmd', "'=already", "''+twice", 'plain', "'quoted name", ''])('round-trips %j', (v) => {
    expect(unescapeFormula(escapeFormula(v))).toBe(v);
  });
  it('disarms what a spreadsheet would evaluate', () => {
    expect(escapeFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(escapeFormula('Acme')).toBe('Acme');
  });
  it('strips the quote from text columns only: numbers like -20 are read as they are', () => {
    const p = plan([`${SHORT},owner,health_as_of,nps`, "hubspot,1,'=Evil,2027-01-01,'-Bob,2026-11-01,-20"]);
    expect(p.rows[0]!.account).toMatchObject({ name: '=Evil', owner: '-Bob' });
    expect(p.rows[0]!.action === 'create' && p.rows[0]!.snapshots[0]!.inputs.nps).toBe(-20);
    expect(readNumber("'-20", 'nps', { min: -100, max: 100 }).problem?.key).toBe('import.reason.number');
  });
});
