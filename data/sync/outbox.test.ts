// @vitest-environment node
import { createApiClient } from './client';
import { revalidateAccount } from './cache';
import { writeRecord } from './outbox';
import { BACKOFF, backoffMs, deliverOutbox, discardEntry, FAILED_AT, outboxStatus, retryEntry } from './delivery';
import { failedWrites } from './status';
import { addAccountFromPage } from '../db/accounts';
import { fakeAccount, fakePromise } from '../../tests/support/fake-api-data';
import { freshDb, later, NOW, seeded, useFakeApi } from './test-helpers';
import { DAY_MS } from '../../shared/dates/utc';

describe('backoff', () => {
  it('is full jitter under an exponential ceiling capped at 30 minutes', () => {
    const half = () => 0.5;
    expect([1, 2, 3, 4, 10, 11, 50].map((n) => backoffMs(n, half))).toEqual([1000, 2000, 4000, 8000, 512_000, 900_000, 900_000]);
    expect(backoffMs(1, () => 0)).toBe(0);
    const r = seeded(42);
    for (let n = 1; n <= 40; n++) {
      const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** (n - 1));
      const d = backoffMs(n, r);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThan(ceiling);
    }
    const a = seeded(7), b = seeded(7);
    expect(Array.from({ length: 10 }, (_, i) => backoffMs(i + 1, a))).toEqual(Array.from({ length: 10 }, (_, i) => backoffMs(i + 1, b)));
  });
});

describe('outbox', () => {
  const s = useFakeApi({ accounts: [fakeAccount(1)] });
  const rec = (id: string, text = `text ${id}`) => fakePromise(id, 'acct-1', '2026-01-01T00:00:00.000Z', text);

  it('stores the record and its entry together; invalid records store nothing', async () => {
    const db = freshDb('outbox');
    const stored = await writeRecord(db, 'promises', rec('p1'), NOW);
    expect(stored.updatedAt).toBe(NOW.toISOString());
    expect(await db.promises.get('p1')).toEqual(stored);
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({ kind: 'promises', recordId: 'p1', record: stored, attempts: 0, nextAttemptAt: NOW.getTime() });
    await expect(writeRecord(db, 'promises', { ...rec('p2'), status: 'maybe' }, NOW)).rejects.toThrow();
    expect(await db.promises.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('coalesces writes of one record into one entry with a new key', async () => {
    const db = freshDb('outbox');
    await writeRecord(db, 'promises', rec('p1', 'first'), NOW);
    const firstKey = (await db.outbox.toArray())[0]?.key;
    await writeRecord(db, 'promises', rec('p1', 'second'), later(1000));
    const entries = await db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.key).not.toBe(firstKey);
    expect(entries[0]?.record).toMatchObject({ text: 'second' });
  });

  it('delivers due entries, applies the stored version, and reschedules failures with seeded jitter', async () => {
    const db = freshDb('outbox');
    await writeRecord(db, 'promises', rec('p1'), NOW);
    await writeRecord(db, 'promises', rec('p2'), NOW);
    s.api.failNext(1, 500);
    const random = seeded(1);
    const expected = backoffMs(1, seeded(1));
    const res = await deliverOutbox(db, s.client, { now: NOW, random });
    expect(res).toMatchObject({ delivered: 1, retried: 1, refused: 0, pending: 1, failed: 0, nextDueAt: NOW.getTime() + expected });
    expect((await db.outbox.toArray())[0]).toMatchObject({ recordId: 'p1', attempts: 1, nextAttemptAt: NOW.getTime() + expected });
    expect(JSON.parse((await db.outbox.toArray())[0]?.lastError ?? '{}')).toMatchObject({ kind: 'server', status: 500 });
    expect((await db.promises.get('p2'))?.author).toBe('team-user');
    // Not due yet: nothing is sent.
    expect(await deliverOutbox(db, s.client, { now: NOW })).toMatchObject({ delivered: 0, pending: 1 });
    expect(await deliverOutbox(db, s.client, { now: later(expected) })).toMatchObject({ delivered: 1, pending: 0 });
    expect(await outboxStatus(db)).toEqual({ pending: 0, failed: 0 });
  });

  it('stops the whole run on a refused token without spending attempts', async () => {
    const db = freshDb('outbox');
    for (const id of ['a', 'b', 'c']) await writeRecord(db, 'promises', rec(id), NOW);
    s.api.token = 'rotated';
    const before = s.api.requests.length;
    const res = await deliverOutbox(db, s.client, { now: NOW });
    expect(res).toMatchObject({ delivered: 0, pending: 3, stoppedBy: { kind: 'unauthorized' } });
    expect(res.nextDueAt).toBeUndefined();
    expect(s.api.requests.length - before).toBe(1);
    expect((await db.outbox.toArray()).map((e) => e.attempts)).toEqual([0, 0, 0]);
  });

  it('keeps a refused write flagged for the user, never sends it again on its own, and lets the user retry or discard', async () => {
    const db = freshDb('outbox');
    await writeRecord(db, 'promises', rec('bad'), NOW);
    s.api.failNext(1, 422);
    expect(await deliverOutbox(db, s.client, { now: NOW })).toMatchObject({ refused: 1, failed: 1, pending: 0 });
    expect(await db.promises.get('bad')).toBeDefined();
    const [flagged] = await failedWrites(db);
    expect(flagged).toMatchObject({ recordId: 'bad', attempts: 1, error: { kind: 'rejected', status: 422, code: 'validation_failed' } });
    expect((await db.outbox.toArray())[0]?.nextAttemptAt).toBe(FAILED_AT);
    expect(await deliverOutbox(db, s.client, { now: later(365 * DAY_MS) })).toMatchObject({ delivered: 0, failed: 1 });

    await retryEntry(db, flagged!.key, later(5000));
    expect(await deliverOutbox(db, s.client, { now: later(5000) })).toMatchObject({ delivered: 1, failed: 0 });
    await writeRecord(db, 'promises', rec('bad2'), NOW);
    s.api.failNext(1, 422);
    await deliverOutbox(db, s.client, { now: NOW });
    await discardEntry(db, (await failedWrites(db))[0]!.key);
    expect(await outboxStatus(db)).toEqual({ pending: 0, failed: 0 });
  });

  it('gets a new key after a 409, and waits after an offline entry', async () => {
    const db = freshDb('outbox');
    await writeRecord(db, 'promises', rec('p1'), NOW);
    await writeRecord(db, 'promises', rec('p2'), NOW);
    const key = (await db.outbox.toArray())[0]?.key;
    s.api.failNext(1, 409);
    s.api.closeNext(1);
    const res = await deliverOutbox(db, s.client, { now: NOW, random: () => 0.5 });
    expect(res).toMatchObject({ delivered: 0, retried: 2, stoppedBy: { kind: 'offline' }, nextDueAt: NOW.getTime() + 1000 });
    const [p1] = await db.outbox.toArray();
    expect(p1?.key).not.toBe(key);
  });

  it('delivers every queued write exactly once when the server goes away and comes back', async () => {
    const db = freshDb('outbox');
    const ids = Array.from({ length: 12 }, (_, i) => `q${i}`);
    for (const id of ids) await writeRecord(db, 'promises', rec(id), NOW);
    await s.api.stop();
    expect(await deliverOutbox(db, s.client, { now: NOW })).toMatchObject({ delivered: 0, stoppedBy: { kind: 'offline' } });
    await s.api.start();
    // The answers to two writes are lost after they were applied: the retries must not write again.
    s.api.closeNext(1, { afterHandling: true });
    s.api.failNext(1, 503);
    s.api.closeNext(1, { afterHandling: true });
    let now = NOW;
    for (let round = 0; round < 20 && (await outboxStatus(db)).pending > 0; round++) {
      now = later(31 * 60_000, now); // past any backoff
      await deliverOutbox(db, s.client, { now, maxBatch: 5 });
    }
    expect(await outboxStatus(db)).toEqual({ pending: 0, failed: 0 });
    const written = s.api.store.writes.map((w) => w.id).sort();
    expect(written).toEqual([...ids].sort());
    expect(new Set(s.api.store.writes.map((w) => w.key)).size).toBe(ids.length);
    // Two lost answers and one 503 were retried: more requests than writes, yet one write each.
    expect(s.api.requests.filter((r) => r.method === 'PUT').length).toBe(ids.length + 3);
  });

  it('sends records of a matched account under the server id and keeps the local id', async () => {
    const db = freshDb('outbox');
    const ref = { crm: 'hubspot' as const, recordId: '100001' };
    const mine = await addAccountFromPage(db, ref, { name: 'Mine', contractEnd: '2030-01-01' }, NOW);
    await revalidateAccount(db, s.client, ref, { now: NOW, maxAgeMs: 1 });
    await writeRecord(db, 'promises', fakePromise('p1', mine.id), NOW);
    await deliverOutbox(db, s.client, { now: NOW });
    expect(s.api.store.writes[0]?.record.accountId).toBe('acct-1');
    expect((await db.promises.get('p1'))?.accountId).toBe(mine.id);
  });

  it('shares one run between concurrent callers', async () => {
    const db = freshDb('outbox');
    await writeRecord(db, 'promises', rec('p1'), NOW);
    s.api.latencyMs = 50;
    const slow = createApiClient({ baseUrl: s.api.url, token: 'test-token' });
    const [a, b] = await Promise.all([deliverOutbox(db, slow, { now: NOW }), deliverOutbox(db, slow, { now: NOW })]);
    expect(a).toBe(b);
    expect(s.api.store.writes).toHaveLength(1);
  });
});
