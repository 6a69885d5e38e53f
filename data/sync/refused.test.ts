// @vitest-environment node
import { mayOffer, readIdentity, refreshIdentity } from './identity';
import { writeRecord } from './outbox';
import { deliverOutbox, FAILED_AT } from './delivery';
import { readSyncStatus } from './status';
import { fakeAccount, fakePromise } from '../../tests/support/fake-api-data';
import { freshDb, NOW, useFakeApi } from './test-helpers';
import { DAY_MS } from '../../shared/dates/utc';

/** A write the team server refuses (any 4xx but 401, 408, 409, 429) stops retrying and is shown with the server's reason. */
describe('refused writes', () => {
  const s = useFakeApi({ accounts: [fakeAccount(1)] });
  const rec = (id: string, text: string) => fakePromise(id, 'acct-1', '2026-01-01T00:00:00.000Z', text);

  it.each([400, 403, 404, 410, 413, 422])('%i: the entry is refused with the reason, the typed text stays, and the next entry still goes', async (status) => {
    const db = freshDb('refused');
    await writeRecord(db, 'promises', rec('p1', 'Typed by hand'), NOW);
    await writeRecord(db, 'promises', rec('p2', 'Second'), new Date(NOW.getTime() + 1));
    s.api.failNext(1, status);
    const res = await deliverOutbox(db, s.client, { now: new Date(NOW.getTime() + 10) });
    expect(res).toMatchObject({ refused: 1, delivered: 1, failed: 1, pending: 0 });
    expect(res.stoppedBy).toBeUndefined();
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ recordId: 'p1', nextAttemptAt: FAILED_AT, attempts: 1 });
    expect((await db.promises.get('p1'))!.text).toBe('Typed by hand');
    const { refused } = await readSyncStatus(db);
    expect(refused).toEqual([expect.objectContaining({ recordId: 'p1', kind: 'promises', error: expect.objectContaining({ status, message: `injected ${status}` }) })]);
    // Never sent again on its own.
    expect((await deliverOutbox(db, s.client, { now: new Date(NOW.getTime() + DAY_MS) })).delivered).toBe(0);
  });

  it.each([408, 409, 429, 500])('%i: not a refusal; the entry waits and is retried', async (status) => {
    const db = freshDb('retried');
    await writeRecord(db, 'promises', rec('p1', 'Typed'), NOW);
    s.api.failNext(1, status);
    const res = await deliverOutbox(db, s.client, { now: NOW, random: () => 0 });
    expect(res).toMatchObject({ refused: 0, retried: 1, failed: 0 });
    expect((await readSyncStatus(db)).refused).toEqual([]);
  });

  it('401 stops the run without refusing anything: the token is what needs fixing', async () => {
    const db = freshDb('unauth');
    await writeRecord(db, 'promises', rec('p1', 'Typed'), NOW);
    s.api.failNext(1, 401);
    expect(await deliverOutbox(db, s.client, { now: NOW })).toMatchObject({ refused: 0, failed: 0, stoppedBy: expect.objectContaining({ kind: 'unauthorized' }) });
  });

  it('the role from /v1/me is kept, and decides what the panel offers; a failure keeps what was known', async () => {
    const db = freshDb('identity');
    expect(await readIdentity(db)).toBeUndefined();
    expect(mayOffer(undefined, 'handovers', 'decide')).toBe(true);
    s.api.role = 'sales';
    expect(await refreshIdentity(db, () => s.client.me())).toMatchObject({ role: 'sales' });
    const identity = await readIdentity(db);
    expect(mayOffer(identity, 'handovers', 'decide')).toBe(false);
    expect(mayOffer(identity, 'handovers', 'write')).toBe(true);
    expect((await readSyncStatus(db)).identity).toMatchObject({ role: 'sales' });
    s.api.failNext(1, 500);
    expect(await refreshIdentity(db, () => s.client.me())).toMatchObject({ role: 'sales' });
  });
});
