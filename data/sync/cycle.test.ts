// @vitest-environment node
import { MIN_ALARM_DELAY_MS, runSyncCycle } from './cycle';
import { writeRecord } from './outbox';
import { readSyncStatus } from './status';
import { fakeAccounts, fakePromise } from '../../tests/support/fake-api-data';
import { freshDb, NOW, useFakeApi } from './test-helpers';

describe('runSyncCycle (what the background calls on its alarms)', () => {
  const s = useFakeApi({ accounts: fakeAccounts(3) });

  it('sends the outbox, then pulls; nothing left means no outbox alarm', async () => {
    const db = freshDb('cycle');
    await writeRecord(db, 'promises', fakePromise('p1', 'acct-0'), NOW);
    const res = await runSyncCycle(db, s.client, { now: NOW });
    expect(res.outbox).toMatchObject({ delivered: 1, pending: 0 });
    // The pull brings back the three accounts and the record just written.
    expect(res.sync).toMatchObject({ ok: true, received: 4 });
    expect(res.outboxAlarmAt).toBeUndefined();
    expect(await readSyncStatus(db)).toMatchObject({ pending: 0, lastSyncAt: NOW.toISOString(), lastOutbox: { delivered: 1 } });
  });

  it('asks for the outbox alarm no sooner than Chrome allows after a failure', async () => {
    const db = freshDb('cycle');
    await writeRecord(db, 'promises', fakePromise('p1', 'acct-0'), NOW);
    s.api.failNext(1, 500);
    const res = await runSyncCycle(db, s.client, { now: NOW, random: () => 0.5 });
    expect(res.outbox).toMatchObject({ retried: 1, nextDueAt: NOW.getTime() + 1000 });
    expect(res.outboxAlarmAt).toBe(NOW.getTime() + MIN_ALARM_DELAY_MS);
    expect((await readSyncStatus(db)).lastError).toMatchObject({ kind: 'server', at: NOW.toISOString() });
  });

  it('does not pull or schedule retries when the token is refused', async () => {
    const db = freshDb('cycle');
    await writeRecord(db, 'promises', fakePromise('p1', 'acct-0'), NOW);
    s.api.token = 'rotated';
    const res = await runSyncCycle(db, s.client, { now: NOW });
    expect(res.sync).toBeUndefined();
    expect(res.outboxAlarmAt).toBeUndefined();
    expect(await readSyncStatus(db)).toMatchObject({ pending: 1, lastError: { kind: 'unauthorized' } });
  });
});
