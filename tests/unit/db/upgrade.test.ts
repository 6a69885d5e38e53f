import Dexie from 'dexie';
import { LensDB } from '../../../lib/db/db';

let n = 0;
const name = () => `upgrade-${++n}`;

/** The schema exactly as version 1 shipped it. */
async function seedV1(dbName: string, rows: object[]) {
  const v1 = new Dexie(dbName);
  v1.version(1).stores({ accounts: 'id, [crm+recordId], contractEnd, owner, csm, updatedAt' });
  await v1.table('accounts').bulkAdd(rows);
  v1.close();
}

const row = (id: string, crm: string, recordId: string) => ({
  id, crm, recordId, name: id, contractEnd: '2027-01-01', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
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
    expect(db.verno).toBe(3);
    const byId = Object.fromEntries((await db.accounts.toArray()).map((a) => [a.id, a]));
    expect(byId.a).toMatchObject({ recordId: '001D000000IqhSLIAZ', source: 'local' });
    expect(byId.b!.recordId).toBe('3f2a4c1e-5b6d-4e7f-8a9b-00000000002a');
    expect(byId['demo-001']!.source).toBe('demo');
    expect(byId.c!.recordId).toBe('not-an-id'); // kept, never dropped
    // The lookup index serves the upgraded ids, and the new tables exist.
    expect(await db.accounts.where('[crm+recordId]').equals(['salesforce', '001D000000IqhSLIAZ']).count()).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.reports.where('[accountId+month]').equals(['a', '2026-10']).count()).toBe(0);
    expect(await db.plans.count()).toBe(0);
    db.close();
  });

  it('stops loudly when an upgrade fails, and keeps the old data', async () => {
    const dbName = name();
    await seedV1(dbName, [row('a', 'salesforce', '001D000000IqhSL')]);
    class Broken extends LensDB {
      constructor(n: string) {
        super(n);
        this.version(4).stores({}).upgrade(() => {
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
