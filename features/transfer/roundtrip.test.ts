import { loadDemoData } from '../../platform/demo/load';
import { accountsToCsv, plainNumber } from './export/csv';
import { parseCsv } from './import';
import { exportAccountsCsv, exportAll, exportJsonText, previewImport } from '../../platform/background/transfer/accounts';
import type { Account } from '../../data/model/account';
import { freshDb, importFile, LATER, NOW } from './test-helpers';

const HOSTILE: Account = {
  id: 'h1', crm: 'custom', recordId: '-1+1', orgKey: '@org', name: '=HYPERLINK("http://evil","x")', owner: '+Bob', csm: "'=quoted already",
  contractEnd: '2027-03-01', arr: 1234.5, currency: 'EUR', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(),
};

async function seeded() {
  const db = freshDb();
  await loadDemoData(db, NOW);
  await db.accounts.put(HOSTILE);
  await db.snapshots.bulkPut([
    { id: 's-old', accountId: 'h1', asOf: '2026-10-01', inputs: { nps: 50 }, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() },
    { id: 's-new', accountId: 'h1', asOf: '2026-11-01', inputs: { nps: -20, activeUserRate: 0.0000001, tickets90d: 4 }, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() },
    { id: 's-gone', accountId: 'h1', asOf: '2026-12-01', inputs: { nps: 99 }, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), deleted: true },
  ]);
  await db.contracts.put({ id: 'c1', accountId: 'h1', end: '2027-03-01', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
  await db.outbox.put({ key: 'k', kind: 'contracts', recordId: 'c1', record: {}, createdAt: NOW.toISOString(), attempts: 0, nextAttemptAt: 0 });
  return db;
}

describe('JSON export', () => {
  it('holds every data table with a format header, and not the outbox or meta', async () => {
    const db = await seeded();
    const file = await exportAll(db, LATER);
    expect(file).toMatchObject({ format: 'account-lens-export', version: 1, exportedAt: LATER.toISOString() });
    expect(Object.keys(file.tables).sort()).toEqual(['accounts', 'contracts', 'ctas', 'handovers', 'milestones', 'notes', 'outcomes', 'plans', 'promises', 'reports', 'snapshots', 'visits']);
    expect(file.tables.accounts).toHaveLength(51);
    expect(file.tables.contracts).toHaveLength(1);
    expect(JSON.stringify(file)).not.toContain('"outbox"');
    expect(file.tables).not.toHaveProperty('quarantine');
  });

  it('imports back as unchanged, and into an empty database as the same accounts and snapshots', async () => {
    const db = await seeded();
    const text = await exportJsonText(db, LATER);
    const same = await previewImport(db, 'export.json', text, LATER);
    expect(same.kind).toBe('export');
    expect(same.counts).toEqual({ create: 0, update: 0, unchanged: 51, bad: 0 });
    // The demo book's milestones, outcomes and service history are tables an account import does not read: each is named with its count.
    const order = ['contracts', 'promises', 'notes', 'visits', 'handovers', 'milestones', 'outcomes', 'plans', 'reports'] as const;
    const counts = await Promise.all(order.map((t) => db.table(t).count()));
    expect(counts.every((n) => n > 0)).toBe(true);
    const tables = order.map((t, i) => `${t} (${counts[i]})`).join(', ');
    expect(same.warnings).toEqual([{ key: 'import.warn.otherTables', params: { tables } }]);

    const other = freshDb();
    const { result } = await importFile(other, 'export.json', text, LATER);
    expect(result).toEqual({ created: 51, updated: 0 });
    const copy = await other.accounts.toArray();
    const h = copy.find((a) => a.recordId === '-1+1')!;
    expect(h).toMatchObject({ name: HOSTILE.name, owner: '+Bob', csm: "'=quoted already", orgKey: '@org', arr: 1234.5 });
    expect((await other.snapshots.where('accountId').equals(h.id).toArray()).map((s) => [s.asOf, s.inputs.nps])).toEqual([['2026-10-01', 50], ['2026-11-01', -20]]);
    expect((await previewImport(other, 'export.json', text, LATER)).counts.unchanged).toBe(51);
  });
});

describe('CSV export', () => {
  it('disarms formulas in text cells only, and reads back unchanged', async () => {
    const db = await seeded();
    const text = await exportAccountsCsv(db);
    expect(text.startsWith('\uFEFFcrm,crm_record_id,org_key,name,')).toBe(true);
    const line = text.split('\r\n').find((l) => l.startsWith('custom,'))!;
    expect(line).toBe(`custom,'-1+1,'@org,"'=HYPERLINK(""http://evil"",""x"")",'+Bob,''=quoted already,,1234.5,EUR,,2027-03-01,,2026-11-01,0.0000001,,,4,,,-20,`);
    expect(text.split('\r\n').filter((l) => /^(salesforce|hubspot|dynamics|fxiaoke),/.test(l))).toHaveLength(50);
    const back = await previewImport(db, 'accounts.csv', text, LATER);
    expect(back.bad).toEqual([]);
    expect(back.counts).toEqual({ create: 0, update: 0, unchanged: 51, bad: 0 });
  });

  it('into an empty database recreates the accounts with their latest reading', async () => {
    const db = await seeded();
    const text = await exportAccountsCsv(db);
    const other = freshDb();
    await importFile(other, 'accounts.csv', text);
    expect(await exportAccountsCsv(other)).toBe(text); // same bytes: account ids are not in the CSV
    // One reading per account that has any: the latest (the demo accounts but the one scored from service alone, and the hostile one).
    const withReadings = new Set((await db.snapshots.toArray()).filter((r) => !r.deleted).map((r) => r.accountId)).size;
    expect(withReadings).toBe(50);
    expect(await other.snapshots.count()).toBe(withReadings);
  });

  it('writes numbers plainly, never in exponent form', () => {
    expect([1e-7, -2.5e-9, 1e21, 123, -20, 0.1].map(plainNumber)).toEqual(['0.0000001', '-0.0000000025', '1000000000000000000000', '123', '-20', '0.1']);
    expect(parseCsv(accountsToCsv([], [])).error?.key).toBe('import.file.noRows');
  });
});
