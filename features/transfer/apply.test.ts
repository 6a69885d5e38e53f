import { readFileSync } from 'node:fs';
import { addAccountFromPage } from '../../data/db/accounts';
import { AccountSchema } from '../../data/model/account';
import { HealthSnapshotSchema } from '../../data/model/records';
import { ImportConflictError, ImportRefusedError } from './import';
import { applyPlan, previewImport } from '../../platform/background/transfer/accounts';
import { csv, freshDb, HEADER, importFile, LATER, NOW } from './test-helpers';

const GOOD = csv([
  HEADER,
  'salesforce,001D000000IqhSL,acme,Acme Analytics,Maya Chen,Priya Nair,enterprise,240000,USD,2025-01-01,2026-12-31,2024-12-15,2026-11-20,78,64,55,3,80,42,110',
  'hubspot,42,,上海云帆科技,李娜,张伟,mid_market,60000,CNY,,2027-06-30,,,,,,,,,',
], '\r\n');

describe('applying an import', () => {
  it('imports the downloadable template as it is', async () => {
    const db = freshDb();
    const { plan, result } = await importFile(db, 'accounts-template.csv', readFileSync('public/templates/accounts-template.csv', 'utf8'));
    expect(plan.warnings).toEqual([]);
    expect(result).toEqual({ created: 2, updated: 0 });
    expect((await db.accounts.toArray()).map((a) => a.name).sort()).toEqual(['Acme Analytics', '上海云帆科技']);
  });

  it('writes accounts and snapshots, then re-importing the same file changes nothing', async () => {
    const db = freshDb();
    const first = await importFile(db, 'a.csv', GOOD);
    expect(first.result).toEqual({ created: 2, updated: 0 });
    const accounts = await db.accounts.toArray();
    expect(accounts.map((a) => a.source)).toEqual(['import', 'import']);
    const acme = accounts.find((a) => a.crm === 'salesforce')!;
    expect(await db.snapshots.toArray()).toEqual([expect.objectContaining({ id: `${acme.id}:2026-11-20`, accountId: acme.id, inputs: expect.objectContaining({ nps: 42 }) })]);
    expect(acme.health).toBeUndefined(); // scoring is not the import's job

    const again = await importFile(db, 'a.csv', GOOD, LATER);
    expect(again.plan.counts).toEqual({ create: 0, update: 0, unchanged: 2, bad: 0 });
    expect(again.result).toBeUndefined();
    await expect(applyPlan(db, again.plan)).rejects.toBeInstanceOf(ImportRefusedError);
    expect(await db.accounts.toArray()).toEqual(accounts); // updatedAt untouched
    expect(await db.snapshots.count()).toBe(1);
  });

  it('updates in place: id and createdAt kept, updatedAt moved', async () => {
    const db = freshDb();
    const mine = await addAccountFromPage(db, { crm: 'hubspot', recordId: '42' }, { name: '上海云帆科技', contractEnd: '2027-01-01' }, NOW);
    const { result } = await importFile(db, 'a.csv', GOOD, LATER);
    expect(result).toEqual({ created: 1, updated: 1 });
    const after = await db.accounts.get(mine.id);
    expect(after).toMatchObject({ id: mine.id, createdAt: mine.createdAt, updatedAt: LATER.toISOString(), contractEnd: '2027-06-30', owner: '李娜' });
    expect(after?.source).toBeUndefined();
  });

  it('writes nothing when any row is bad, wherever it is', async () => {
    const db = freshDb();
    const lines = [HEADER, ...Array.from({ length: 50 }, (_, i) => `hubspot,${i + 1},,Co ${i},,,,,,,2027-01-01,,,,,,,,,`)];
    lines[37] = lines[37]!.replace('2027-01-01', '2027-01-32');
    const { plan, result } = await importFile(db, 'a.csv', csv(lines));
    expect(plan.counts).toMatchObject({ create: 49, bad: 1 });
    expect(plan.bad).toEqual([{ line: 38, problems: [expect.objectContaining({ key: 'import.reason.dateImpossible' })] }]);
    expect(result).toBeUndefined();
    await expect(applyPlan(db, plan)).rejects.toBeInstanceOf(ImportRefusedError);
    expect(await db.accounts.count()).toBe(0);
  });

  it('rolls everything back when a write fails inside the transaction', async () => {
    const db = freshDb();
    await addAccountFromPage(db, { crm: 'hubspot', recordId: '42' }, { name: 'Old', contractEnd: '2027-01-01' }, NOW);
    const before = await db.accounts.toArray();
    const plan = await previewImport(db, 'a.csv', GOOD, LATER);
    const put = vi.spyOn(db.snapshots, 'bulkPut').mockRejectedValueOnce(new Error('disk full'));
    await expect(applyPlan(db, plan)).rejects.toThrow('disk full');
    put.mockRestore();
    expect(await db.accounts.toArray()).toEqual(before);
    expect(await db.snapshots.count()).toBe(0);
    // The same plan still applies once the failure is gone.
    expect(await applyPlan(db, plan)).toEqual({ created: 1, updated: 1 });
  });

  it('refuses a plan whose data changed after the preview', async () => {
    const db = freshDb();
    const mine = await addAccountFromPage(db, { crm: 'hubspot', recordId: '42' }, { name: 'Old', contractEnd: '2027-01-01' }, NOW);
    const plan = await previewImport(db, 'a.csv', GOOD, LATER);
    await db.accounts.update(mine.id, { owner: 'Someone', updatedAt: LATER.toISOString() });
    await expect(applyPlan(db, plan)).rejects.toBeInstanceOf(ImportConflictError);

    const db2 = freshDb();
    const plan2 = await previewImport(db2, 'a.csv', GOOD, LATER);
    await addAccountFromPage(db2, { crm: 'salesforce', recordId: '001D000000IqhSLIAZ', orgKey: 'acme' }, { name: 'Added meanwhile', contractEnd: '2027-01-01' }, NOW);
    await expect(applyPlan(db2, plan2)).rejects.toBeInstanceOf(ImportConflictError);
    expect(await db2.accounts.count()).toBe(1);
  });

  it('imports a 10,000-row file whole', async () => {
    const db = freshDb();
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      `hubspot,${100_000 + i},portal,"Customer ${i}, Ltd",Owner ${i % 7},,smb,${i * 10},USD,,2027-0${(i % 9) + 1}-15,,2026-11-01,${i % 101},,,${i % 5},,${(i % 201) - 100},`);
    const text = `\uFEFF${csv([HEADER, ...rows], '\r\n')}`;
    const { plan, result } = await importFile(db, 'big.csv', text);
    expect(plan.counts).toEqual({ create: 10_000, update: 0, unchanged: 0, bad: 0 });
    expect(plan.rows[9_999]!.line).toBe(10_001);
    expect(result).toEqual({ created: 10_000, updated: 0 });
    expect(await db.accounts.count()).toBe(10_000);
    expect(await db.snapshots.count()).toBe(10_000);
    // What import writes satisfies the data model's schemas (the plan does not re-run zod per row).
    for (const a of await db.accounts.toArray()) AccountSchema.parse(a);
    for (const s of await db.snapshots.toArray()) HealthSnapshotSchema.parse(s);
    const again = await previewImport(db, 'big.csv', text, LATER);
    expect(again.counts.unchanged).toBe(10_000);
  }, 60_000);
});
