import { translator } from '../../shared/i18n';
import { parseCsv, planImport, planImportInChunks, type DbView } from './import';
import { describeRow } from './import/describe';
import type { Account } from '../../data/model/account';
import type { HealthSnapshot } from '../../data/model/records';
import { badKeys, csv, NOW } from './test-helpers';

const T0 = '2026-01-01T00:00:00.000Z';
const stored = (over: Partial<Account>): Account => ({
  id: 'acc-1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', contractEnd: '2027-01-07', source: 'local', createdAt: T0, updatedAt: T0, ...over,
});
const snap = (over: Partial<HealthSnapshot>): HealthSnapshot => ({
  id: 'acc-1:2026-11-01', accountId: 'acc-1', asOf: '2026-11-01', inputs: { nps: 10 }, createdAt: T0, updatedAt: T0, ...over,
});
let ids = 0;
const plan = (lines: string[], view: DbView) => planImport(parseCsv(csv(lines)), view, NOW, () => `new-${++ids}`);
const COLS = 'crm,crm_record_id,org_key,name,owner,contract_end,arr,health_as_of,nps';

describe('import preview', () => {
  it('says per row: create, update with the changed fields, or unchanged', () => {
    const view = { accounts: [stored({ owner: 'Maya', arr: 100 }), stored({ id: 'acc-2', recordId: '001D000000IqhSMIAZ', name: 'Globex' })], snapshots: [] };
    const p = plan([COLS, 'salesforce,001D000000IqhSL,,Acme,Tom,2027-01-07,100,,', 'salesforce,001D000000IqhSMIAZ,,Globex,,2027-01-07,,,', 'hubspot,42,,New Co,,2027-05-01,,,'], view);
    expect(p.counts).toEqual({ create: 1, update: 1, unchanged: 1, bad: 0 });
    expect(p.canApply).toBe(true);
    const [update, unchanged, create] = p.rows;
    expect(update).toMatchObject({ line: 2, action: 'update', changes: [{ column: 'owner', from: 'Maya', to: 'Tom' }] });
    expect(update!.account).toMatchObject({ id: 'acc-1', createdAt: T0, updatedAt: NOW.toISOString(), owner: 'Tom', source: 'local' });
    expect(unchanged).toMatchObject({ line: 3, action: 'unchanged' });
    expect(create!.account).toMatchObject({ source: 'import', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), crm: 'hubspot', recordId: '42' });
    expect(describeRow(translator('en'), update!)).toBe('owner: Maya → Tom');
    expect(describeRow(translator('zh-CN'), update!)).toBe('负责人：Maya → Tom');
  });

  it('matches a 15-character Salesforce id to the stored 18-character one', () => {
    const p = plan([COLS, 'salesforce,001D000000IqhSL,,Acme,,2027-01-07,,,'], { accounts: [stored({})], snapshots: [] });
    expect(p.rows[0]).toMatchObject({ action: 'unchanged', account: { id: 'acc-1' } });
  });

  it('never erases with an empty cell; a value fills an empty field', () => {
    const p = plan([COLS, 'salesforce,001D000000IqhSL,,Acme,,2027-01-07,250,,'], { accounts: [stored({ owner: 'Maya' })], snapshots: [] });
    expect(p.rows[0]).toMatchObject({ action: 'update', changes: [{ column: 'arr', to: 250 }], account: { owner: 'Maya', arr: 250 } });
  });

  it('matches org keys as findAccount does', () => {
    const view = { accounts: [stored({ crm: 'hubspot', recordId: '42', orgKey: 'p1' }), stored({ id: 'acc-2', crm: 'hubspot', recordId: '7' })], snapshots: [] };
    const p = plan([COLS, 'hubspot,42,p2,Other tenant,,2027-01-07,,,', 'hubspot,42,p1,Acme,,2027-01-07,,,', 'hubspot,7,p9,Acme,,2027-01-07,,,'], view);
    expect(p.rows.map((r) => [r.line, r.action, r.account.id])).toEqual([[2, 'create', expect.stringMatching(/^new-/)], [3, 'unchanged', 'acc-1'], [4, 'update', 'acc-2']]);
    expect(p.rows[2]).toMatchObject({ changes: [{ column: 'org_key', to: 'p9' }] });
    // A row without an org key finds the stored one that has it, and does not erase it.
    const bare = plan([COLS, 'hubspot,42,,Acme,,2027-01-07,,,'], view);
    expect(bare.rows[0]).toMatchObject({ action: 'unchanged', account: { id: 'acc-1', orgKey: 'p1' } });
  });

  it('refuses a second row for the same record, naming the first line', () => {
    const p = plan([COLS, 'hubspot,42,p1,A,,2027-01-07,,,', 'hubspot,42,p2,B,,2027-01-07,,,', 'hubspot,42,,C,,2027-01-07,,,', 'salesforce,001D000000IqhSL,,D,,2027-01-07,,,', 'salesforce,001D000000IqhSLIAZ,,E,,2027-01-07,,,'], { accounts: [], snapshots: [] });
    expect(badKeys(p)).toEqual(['4: import.reason.duplicate', '6: import.reason.duplicate']);
    expect(p.bad.map((b) => b.problems[0]!.params)).toEqual([{ line: 2 }, { line: 5 }]);
    expect(p.canApply).toBe(false);
  });

  it('refuses two rows that would both update one stored account', () => {
    const view = { accounts: [stored({ crm: 'hubspot', recordId: '42' })], snapshots: [] };
    const p = plan([COLS, 'hubspot,42,p1,A,,2027-01-07,,,', 'hubspot,42,p2,B,,2027-01-07,,,'], view);
    expect(badKeys(p)).toEqual(['3: import.reason.sameAccount']);
  });

  it('creates a dated snapshot with a deterministic id, and updates only changed inputs', () => {
    const view = { accounts: [stored({})], snapshots: [snap({})] };
    const same = plan([COLS, 'salesforce,001D000000IqhSL,,Acme,,2027-01-07,,2026-11-01,10'], view);
    expect(same.rows[0]!.action).toBe('unchanged');
    const changed = plan([COLS, 'salesforce,001D000000IqhSL,,Acme,,2027-01-07,,2026-11-01,-20'], view);
    expect(changed.rows[0]).toMatchObject({ action: 'update', changes: [{ column: 'nps', asOf: '2026-11-01', from: 10, to: -20 }] });
    const row = changed.rows[0]!;
    expect(row.action === 'update' && row.account).toBe(view.accounts[0]); // the account itself is not rewritten
    expect(row.action === 'update' && row.snapshots).toEqual([{ ...snap({}), inputs: { nps: -20 }, updatedAt: NOW.toISOString() }]);
    const fresh = plan([COLS, 'salesforce,001D000000IqhSL,,Acme,,2027-01-07,,2026-11-20,30'], view);
    expect(fresh.rows[0]).toMatchObject({ action: 'update', changes: [{ column: 'health_as_of', to: '2026-11-20' }], snapshots: [{ id: 'acc-1:2026-11-20', asOf: '2026-11-20', inputs: { nps: 30 } }] });
    expect(describeRow(translator('en'), fresh.rows[0]!)).toBe('health data of 2026-11-20');
  });

  it('brings back a deleted reading of the same date with the file values only', () => {
    const view = { accounts: [stored({})], snapshots: [snap({ deleted: true, inputs: { nps: 10, trainingRate: 50 } })] };
    const p = plan([COLS, 'salesforce,001D000000IqhSL,,Acme,,2027-01-07,,2026-11-01,10'], view);
    const row = p.rows[0]!;
    expect(row.action).toBe('update');
    expect(row.action === 'update' && row.snapshots[0]).toEqual({ ...snap({}), inputs: { nps: 10 }, updatedAt: NOW.toISOString() });
  });

  it('cannot be applied when any row is bad, or when nothing changes', () => {
    const bad = plan([COLS, 'hubspot,1,,A,,2027-01-07,,,', 'hubspot,2,,B,,someday,,,'], { accounts: [], snapshots: [] });
    expect(bad.counts).toEqual({ create: 1, update: 0, unchanged: 0, bad: 1 });
    expect(bad.canApply).toBe(false);
    const none = plan([COLS, 'salesforce,001D000000IqhSL,,Acme,,2027-01-07,,,'], { accounts: [stored({})], snapshots: [] });
    expect(none.canApply).toBe(false);
  });

  it('plans the same in chunks, yielding to the page every 1,000 rows', async () => {
    const file = parseCsv(csv([COLS, ...Array.from({ length: 2_500 }, (_, i) => `hubspot,${i + 1},,Co ${i},,2027-01-07,,,`)]));
    let a = 0;
    let b = 0;
    const pause = vi.fn(() => Promise.resolve());
    const chunked = await planImportInChunks(file, { accounts: [], snapshots: [] }, NOW, () => `id-${++a}`, pause);
    expect(pause).toHaveBeenCalledTimes(2);
    expect(chunked).toEqual(planImport(file, { accounts: [], snapshots: [] }, NOW, () => `id-${++b}`));
  });
});
