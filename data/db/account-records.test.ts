// @vitest-environment node
import { LensDB } from './db';
import { accountRecords } from './account-records';
import { writeRecord } from '../sync/outbox';
import { fakeVisit } from '../../tests/support/builders';

const stamp = '2026-11-01T00:00:00.000Z';
const NOW = new Date('2026-11-23T10:00:00.000Z');

describe('one account’s records', () => {
  it('reads the kinds asked for, of that account only, with its snapshots in date order', async () => {
    const db = new LensDB('account-records-1');
    for (const [id, accountId, date] of [['v1', 'a1', '2026-11-12'], ['v2', 'a2', '2026-11-13'], ['v3', 'a1', '2026-10-09']] as const) {
      await writeRecord(db, 'visits', fakeVisit({ id, accountId, date, createdAt: stamp, updatedAt: stamp, attendees: ['Dana'] }), NOW);
    }
    await db.visits.update('v3', { deleted: true });
    const snap = (id: string, accountId: string, asOf: string) => ({ id, accountId, asOf, createdAt: stamp, updatedAt: stamp, inputs: {} });
    await db.snapshots.bulkPut([snap('s2', 'a1', '2026-11-20'), snap('s1', 'a1', '2026-11-06'), snap('s3', 'a2', '2026-11-20')]);
    const got = await accountRecords(db, 'a1', ['visits', 'promises']);
    expect(Object.keys(got).sort()).toEqual(['promises', 'snapshots', 'visits']);
    // Removed rows come too: each rule leaves them out (and a tombstone still tells the rule it was there).
    expect(got.visits.map((v) => v.id).sort()).toEqual(['v1', 'v3']);
    expect(got.snapshots.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(got.promises).toEqual([]);
  });
});
