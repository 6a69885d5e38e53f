import Dexie from 'dexie';
import { LensDB } from './db';
import { declareV3, seedV1 } from '../../tests/support/old-databases';

let n = 0;
const name = () => `upgrade-${++n}`;

const row = (id: string, crm: string, recordId: string, more: object = {}) => ({
  id, crm, recordId, name: id, contractEnd: '2027-01-01', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...more,
});

describe('database upgrades', () => {
  it('opens a version 1 database with rows and upgrades it through every version', async () => {
    const dbName = name();
    await seedV1(dbName, [
      row('a', 'salesforce', '001D000000IqhSL'),
      row('b', 'dynamics', '{3F2A4C1E-5B6D-4E7F-8A9B-00000000002A}'),
      row('demo-001', 'hubspot', '42'),
      row('c', 'salesforce', 'not-an-id'),
    ]);
    const db = new LensDB(dbName);
    await db.open();
    expect(db.verno).toBe(4);
    const byId = Object.fromEntries((await db.accounts.toArray()).map((a) => [a.id, a]));
    expect(byId.a).toMatchObject({ recordId: '001D000000IqhSLIAZ', source: 'local' });
    expect(byId.b!.recordId).toBe('3f2a4c1e-5b6d-4e7f-8a9b-00000000002a');
    expect(byId['demo-001']!.source).toBe('demo');
    // An id no page of its CRM can show is kept aside, exactly as v1 stored it: never dropped.
    expect(byId.c).toBeUndefined();
    expect(await db.quarantine.toArray()).toEqual([
      { seq: 1, table: 'accounts', step: 'v1→v4', reason: 'record-id', detail: 'not a salesforce record id', row: row('c', 'salesforce', 'not-an-id') },
    ]);
    // The lookup index serves the upgraded ids, and the new tables exist.
    expect(await db.accounts.where('[crm+recordId]').equals(['salesforce', '001D000000IqhSLIAZ']).count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.reports.where('[accountId+month]').equals(['a', '2026-10']).count()).toBe(0);
    expect(await db.plans.count()).toBe(0);
    expect(await db.meta.count()).toBe(0); // the step's own note is gone
    db.close();
  });

  it('opens when a v1 row has a Dynamics id with a stray %, or no record id at all, and keeps both rows aside', async () => {
    const dbName = name();
    const percent = row('p', 'dynamics', '%E0%A4%A');
    const { recordId: _none, ...missing } = row('m', 'hubspot', '1');
    await seedV1(dbName, [percent, missing, row('ok', 'hubspot', ' 77 ')]);
    const db = new LensDB(dbName);
    await db.open();
    expect((await db.accounts.toArray()).map((a) => [a.id, a.recordId])).toEqual([['ok', '77']]);
    const kept = await db.quarantine.toArray();
    // In the order of their keys ('m' before 'p'), whole, with why.
    expect(kept.map((q) => [q.reason, q.row])).toEqual([['record-id', missing], ['record-id', percent]]);
    expect(kept[0]!.detail).toBe('the record id is missing');
    db.close();
  });

  it('merges the 15- and 18-character ids of one Salesforce record: newest fields win, gaps filled, nothing lost', async () => {
    const dbName = name();
    const old15 = row('old', 'salesforce', '001D000000IqhSL', { name: 'Acme (old)', owner: 'Li Wei', updatedAt: '2026-01-01T00:00:00.000Z' });
    const new18 = row('new', 'salesforce', '001d000000iqhsliaz', { name: 'Acme', csm: 'Wang Fang', createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-03-01T00:00:00.000Z' });
    const otherOrg = row('org', 'salesforce', '001D000000IqhSLIAZ', { orgKey: 'other' });
    await seedV1(dbName, [old15, new18, otherOrg]);
    const db = new LensDB(dbName);
    await db.open();
    const accounts = await db.accounts.orderBy('id').toArray();
    expect(accounts.map((a) => a.id)).toEqual(['new', 'org']); // another org's record is another account
    expect(accounts[0]).toEqual({
      ...new18, recordId: '001D000000IqhSLIAZ', owner: 'Li Wei', source: 'local', createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(await db.quarantine.toArray()).toEqual([
      { seq: 1, table: 'accounts', step: 'v1→v4', reason: 'merged', mergedInto: 'new', detail: 'same salesforce record 001D000000IqhSLIAZ as new', row: old15 },
    ]);
    db.close();
  });

  it('merges the duplicates a v3 database already holds and moves their records to the surviving account', async () => {
    const dbName = name();
    const v3 = new Dexie(dbName);
    declareV3(v3);
    const at = '2026-01-01T00:00:00.000Z';
    const child = (id: string, accountId: string, more: object = {}) => ({ id, accountId, createdAt: at, updatedAt: at, ...more });
    const api = { ...row('srv-1', 'salesforce', '001D000000IqhSLIAZ', { updatedAt: '2026-01-02T00:00:00.000Z' }), source: 'api', syncedAt: at };
    const local = { ...row('loc-1', 'salesforce', '001D000000IqhSLIAZ', { updatedAt: '2026-05-01T00:00:00.000Z', arr: 5000 }), source: 'local' };
    await v3.table('accounts').bulkAdd([api, local, { ...row('x', 'hubspot', '9'), source: 'local' }]);
    await v3.table('snapshots').bulkAdd([child('s1', 'loc-1', { asOf: '2026-04-01' }), child('s2', 'srv-1', { asOf: '2026-04-02' })]);
    await v3.table('notes').add(child('n1', 'loc-1', { kind: 'short_term_reset' }));
    await v3.table('visits').add(child('v1', 'loc-1', { date: '2026-04-03' }));
    await v3.table('ctas').add(child('c1', 'loc-1', { cause: 'red:loc-1' }));
    await v3.table('plans').add(child('p1', 'x'));
    await v3.table('reports').add(child('r1', 'loc-1', { month: '2026-04' }));
    v3.close();

    const db = new LensDB(dbName);
    await db.open();
    // The team server's id survives (sync keeps matching it) with the newer local fields.
    expect(await db.accounts.orderBy('id').primaryKeys()).toEqual(['srv-1', 'x']);
    expect(await db.accounts.get('srv-1')).toMatchObject({ source: 'api', syncedAt: at, arr: 5000, updatedAt: '2026-05-01T00:00:00.000Z' });
    for (const table of [db.snapshots, db.notes, db.visits, db.ctas, db.reports] as Dexie.Table<{ accountId: string }>[]) {
      expect((await table.toArray()).every((r) => r.accountId === 'srv-1')).toBe(true);
    }
    expect(await db.snapshots.count()).toBe(2);
    expect((await db.plans.get('p1'))!.accountId).toBe('x');
    expect(await db.quarantine.toArray()).toMatchObject([{ reason: 'merged', step: 'v3→v4', mergedInto: 'srv-1', row: local }]);
    db.close();
  });

  it('after a merge, queued writes and the server id map follow the surviving account', async () => {
    const dbName = name();
    const v3 = new Dexie(dbName);
    declareV3(v3);
    const at = '2026-01-01T00:00:00.000Z';
    // Two local rows of one Salesforce record; the older one was matched to the server's account srv-7.
    const older = { ...row('loc-a', 'salesforce', '001D000000IqhSL'), source: 'local' };
    const newer = { ...row('loc-b', 'salesforce', '001D000000IqhSLIAZ', { updatedAt: '2026-03-01T00:00:00.000Z' }), source: 'local' };
    await v3.table('accounts').bulkAdd([older, newer, { ...row('x', 'hubspot', '9'), source: 'local' }]);
    const entry = (key: string, accountId: string, more: object = {}) => ({
      key, kind: 'notes', recordId: `n-${key}`, record: { id: `n-${key}`, accountId, kind: 'short_term_reset', createdAt: at, updatedAt: at }, createdAt: at, attempts: 0, nextAttemptAt: 0, ...more,
    });
    await v3.table('outbox').bulkAdd([entry('k1', 'loc-a'), entry('k2', 'loc-a', { sent: true }), entry('k3', 'x')]);
    await v3.table('meta').put({ key: 'sync:accountIds', value: [['srv-7', 'loc-a'], ['srv-8', 'x']] });
    v3.close();

    const db = new LensDB(dbName);
    await db.open();
    expect(await db.accounts.orderBy('id').primaryKeys()).toEqual(['loc-b', 'x']);
    const queued = await db.outbox.orderBy('seq').toArray();
    // Unsent: re-pointed. Sent: its body is the one its key names, so it stays as the server may hold it.
    expect(queued.map((e) => [e.key, (e.record as { accountId: string }).accountId])).toEqual([['k1', 'loc-b'], ['k2', 'loc-a'], ['k3', 'x']]);
    expect((await db.meta.get('sync:accountIds'))?.value).toEqual([['srv-7', 'loc-b'], ['srv-8', 'x']]);
    db.close();
  });

  it('drops the id map pair of a merged-away account when the survivor is the server’s own copy', async () => {
    const dbName = name();
    const v3 = new Dexie(dbName);
    declareV3(v3);
    const at = '2026-01-01T00:00:00.000Z';
    await v3.table('accounts').bulkAdd([
      { ...row('srv-1', 'salesforce', '001D000000IqhSLIAZ'), source: 'api', syncedAt: at },
      { ...row('loc-1', 'salesforce', '001D000000IqhSL', { updatedAt: '2026-02-01T00:00:00.000Z' }), source: 'local' },
    ]);
    await v3.table('meta').put({ key: 'sync:accountIds', value: [['srv-9', 'loc-1']] });
    v3.close();
    const db = new LensDB(dbName);
    await db.open();
    // srv-1 is the survivor's server identity: nothing else may claim it, or its writes would go to srv-9.
    expect((await db.meta.get('sync:accountIds'))?.value).toEqual([]);
    expect(await db.quarantine.toArray()).toMatchObject([{ reason: 'merged', mergedInto: 'srv-1' }]);
    db.close();
  });

  it('stops loudly when an upgrade fails, and keeps the old data', async () => {
    const dbName = name();
    await seedV1(dbName, [row('a', 'salesforce', '001D000000IqhSL')]);
    class Broken extends LensDB {
      constructor(n: string) {
        super(n);
        this.version(5).stores({}).upgrade(() => {
          throw new Error('disk on fire');
        });
      }
    }
    const broken = new Broken(dbName);
    await expect(broken.open()).rejects.toThrow(/disk on fire/);
    broken.close();
    // Whatever ran before the failure was rolled back with it: version 1, rows as they were.
    const raw = new Dexie(dbName);
    await raw.open();
    expect(raw.verno).toBe(1);
    expect(await raw.table('accounts').toArray()).toEqual([row('a', 'salesforce', '001D000000IqhSL')]);
    raw.close();
  });
});
