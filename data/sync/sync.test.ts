// @vitest-environment node
import { createApiClient } from './client';
import { writeRecord } from './outbox';
import { readSyncStatus } from './status';
import { readCursor, syncChanges } from './sync';
import { fakeAccounts, fakePromise } from '../../tests/support/fake-api-data';
import { freshDb, later, NOW, TOKEN, useFakeApi } from './test-helpers';

describe('syncChanges', { timeout: 20_000 }, () => {
  const s = useFakeApi({ accounts: fakeAccounts(2300) });

  it('pulls every page, stores the cursor, and next time only what changed', async () => {
    const db = freshDb('sync');
    s.api.store.seedRecord('promises', fakePromise('p1', 'acct-7'));
    const res = await syncChanges(db, s.client, { now: NOW, pageLimit: 1000 });
    expect(res).toMatchObject({ ok: true, received: 2301, pages: 3, changed: 2301, more: false });
    expect(await db.accounts.count()).toBe(2300);
    expect(await db.accounts.get('acct-42')).toMatchObject({ source: 'api', syncedAt: NOW.toISOString() });
    expect(await db.promises.get('p1')).toBeDefined();
    expect(await readSyncStatus(db)).toMatchObject({ pending: 0, failed: 0, lastSyncAt: NOW.toISOString(), lastSync: { ok: true, received: 2301 } });

    expect(await syncChanges(db, s.client, { now: later(1000), pageLimit: 1000 })).toMatchObject({ ok: true, received: 0, pages: 1 });
    s.api.store.seedRecord('promises', { ...fakePromise('p1', 'acct-7'), deleted: true, updatedAt: '2026-11-22T00:00:00.000Z' });
    expect(await syncChanges(db, s.client, { now: later(2000), pageLimit: 1000 })).toMatchObject({ received: 1, changed: 1 });
    expect((await db.promises.get('p1'))?.deleted).toBe(true);
  });

  it('keeps every committed page when a later page fails, and resumes after the last one', async () => {
    const db = freshDb('sync');
    let calls = 0;
    const flaky = createApiClient({
      baseUrl: s.api.url,
      token: TOKEN,
      fetch: (url, init) => {
        if (++calls === 2) s.api.failNext(1, 503);
        return fetch(url, init);
      },
    });
    const first = await syncChanges(db, flaky, { now: NOW, pageLimit: 1000 });
    expect(first).toMatchObject({ ok: false, received: 1000, pages: 1, error: { kind: 'server', status: 503 } });
    expect(await db.accounts.count()).toBe(1000);
    const cursor = await readCursor(db);
    expect(cursor).toBeDefined();
    expect(await readSyncStatus(db)).toMatchObject({ lastError: { kind: 'server' }, lastSync: { ok: false, received: 1000 } });
    expect((await readSyncStatus(db)).lastSyncAt).toBeUndefined();

    const before = s.api.requests.length;
    const second = await syncChanges(db, flaky, { now: later(1000), pageLimit: 1000 });
    expect(second).toMatchObject({ ok: true, received: 1300, pages: 2 });
    expect(s.api.requests[before]?.url).toContain(`since=${encodeURIComponent(cursor!)}`);
    expect(await db.accounts.count()).toBe(2300);
  });

  it('never writes a malformed page, and stops after maxPages to resume later', async () => {
    const db = freshDb('sync');
    let calls = 0;
    const hostile = createApiClient({
      baseUrl: s.api.url,
      token: TOKEN,
      fetch: (url, init) => {
        if (++calls === 2) s.api.malformNext(1, 'huge-string');
        return fetch(url, init);
      },
    });
    expect(await syncChanges(db, hostile, { now: NOW, pageLimit: 1000 })).toMatchObject({ ok: false, received: 1000, error: { kind: 'malformed' } });
    expect(await db.accounts.count()).toBe(1000);
    expect(await syncChanges(db, s.client, { now: NOW, pageLimit: 500, maxPages: 1 })).toMatchObject({ ok: true, received: 500, more: true });
    expect(await db.accounts.count()).toBe(1500);
  });

  it('does not overwrite an unsent local edit with an older server copy', async () => {
    const db = freshDb('sync');
    await writeRecord(db, 'promises', fakePromise('p2', 'acct-1', '2026-11-01T00:00:00.000Z', 'mine'), NOW);
    s.api.store.seedRecord('promises', fakePromise('p2', 'acct-1', '2026-11-05T00:00:00.000Z', 'older on server'));
    await syncChanges(db, s.client, { now: NOW, pageLimit: 1000 });
    expect((await db.promises.get('p2'))?.text).toBe('mine');
  });

  it('fails safely when the server does not move its cursor', async () => {
    const db = freshDb('sync');
    const stuck = { ...s.client, changes: async () => ({ items: [], nextCursor: 'same', hasMore: true }) };
    await db.meta.put({ key: 'sync:cursor', value: 'same' });
    expect(await syncChanges(db, stuck, { now: NOW })).toMatchObject({ ok: false, error: { kind: 'malformed' } });
  });
});
