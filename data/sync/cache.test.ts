// @vitest-environment node
import { readRevalidation, revalidateAccount } from './cache';
import { writeRecord } from './outbox';
import { addAccountFromPage, findAccount } from '../db/accounts';
import { MALFORMED_MODES } from '../../tests/support/fake-api-hostile';
import { fakeAccount, fakePromise } from '../../tests/support/fake-api-data';
import { dump, freshDb, later, NOW, useFakeApi } from './test-helpers';

const ref = { crm: 'hubspot' as const, recordId: '100001' };
const MAX_AGE = 15 * 60_000;
const opts = (now = NOW) => ({ now, maxAgeMs: MAX_AGE });

describe('revalidateAccount', () => {
  const s = useFakeApi({ accounts: [fakeAccount(1)] });

  it('fetches a missing account, stores it whole, then serves it fresh until it is stale', async () => {
    const db = freshDb('cache');
    s.api.store.seedRecord('promises', fakePromise('p1', 'acct-1'));
    expect(await revalidateAccount(db, s.client, ref, opts())).toEqual({ ok: true, changed: true });
    expect(await findAccount(db, ref)).toMatchObject({ id: 'acct-1', source: 'api', syncedAt: NOW.toISOString(), name: 'Account 1' });
    expect(await db.promises.get('p1')).toMatchObject({ accountId: 'acct-1' });
    expect(await readRevalidation(db, ref)).toEqual({ at: NOW.toISOString() });

    const asked = s.api.requests.length;
    expect(await revalidateAccount(db, s.client, ref, opts(later(MAX_AGE - 1)))).toBe('fresh');
    expect(s.api.requests.length).toBe(asked);
    expect(await revalidateAccount(db, s.client, ref, opts(later(MAX_AGE)))).toEqual({ ok: true, changed: false });
    s.api.store.seedAccounts([fakeAccount(1, { name: 'Renamed', owner: undefined, updatedAt: '2026-11-20T00:00:00.000Z' })]);
    expect(await revalidateAccount(db, s.client, ref, opts(later(2 * MAX_AGE)))).toEqual({ ok: true, changed: true });
    const acct = await findAccount(db, ref);
    expect(acct?.name).toBe('Renamed');
    expect(acct).not.toHaveProperty('owner'); // server-owned: its absence wins too
  });

  it('keeps the local id of an account the user added, and points the server records at it', async () => {
    const db = freshDb('cache');
    const mine = await addAccountFromPage(db, ref, { name: 'My name', contractEnd: '2030-01-01' }, NOW);
    s.api.store.seedRecord('promises', fakePromise('p1', 'acct-1'));
    await revalidateAccount(db, s.client, ref, opts());
    expect(await db.accounts.count()).toBe(1);
    const acct = await db.accounts.get(mine.id);
    expect(acct).toMatchObject({ name: 'Account 1', contractEnd: '2027-02-01', createdAt: mine.createdAt, source: 'api' });
    expect((await db.promises.get('p1'))?.accountId).toBe(mine.id);
  });

  it('never takes an account of another tenant for this one', async () => {
    const db = freshDb('cache');
    const other = await addAccountFromPage(db, { ...ref, orgKey: 'portal-2' }, { name: 'Other', contractEnd: '2030-01-01' }, NOW);
    s.api.store.seedAccounts([fakeAccount(1, { orgKey: 'portal-1' })]);
    await revalidateAccount(db, s.client, { ...ref, orgKey: 'portal-1' }, opts());
    expect((await db.accounts.get(other.id))?.name).toBe('Other');
    expect(await db.accounts.count()).toBe(2);
  });

  it('merges records: newer wins, a tie goes to the server, unsent local edits survive older or equal copies', async () => {
    const db = freshDb('cache');
    const [t1, t2, t3] = ['2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z', '2026-11-03T00:00:00.000Z'];
    await db.promises.bulkPut([
      fakePromise('older-local', 'acct-1', t1, 'local'),
      fakePromise('newer-local', 'acct-1', t3, 'local'),
      fakePromise('tie', 'acct-1', t2, 'local'),
    ]);
    const pending = await writeRecord(db, 'promises', fakePromise('pending', 'acct-1', t1, 'local edit'), new Date(t2));
    for (const [id, at] of [['older-local', t2], ['newer-local', t2], ['tie', t2], ['pending', t2]] as const) {
      s.api.store.seedRecord('promises', fakePromise(id, 'acct-1', at, 'server'));
    }
    await revalidateAccount(db, s.client, ref, opts());
    const text = async (id: string) => (await db.promises.get(id))?.text;
    expect(await text('older-local')).toBe('server');
    expect(await text('newer-local')).toBe('local');
    expect(await text('tie')).toBe('server');
    expect(await text('pending')).toBe(pending.text);
    // A strictly newer server copy wins even over an unsent edit: the server arbitrates.
    s.api.store.seedRecord('promises', fakePromise('pending', 'acct-1', t3, 'server, later'));
    await revalidateAccount(db, s.client, ref, opts(later(MAX_AGE)));
    expect(await text('pending')).toBe('server, later');
  });

  it('replaces a local call to action with the same cause instead of failing on the unique index', async () => {
    const db = freshDb('cache');
    const cta = { accountId: 'acct-1', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), source: 'renewal', cause: 'renewal:acct-1:90', title: 'Plan renewal', dueDate: '2026-12-01', status: 'open' } as const;
    await db.ctas.put({ ...cta, id: 'local-cta' });
    s.api.store.seedRecord('ctas', { ...cta, id: 'server-cta' });
    expect(await revalidateAccount(db, s.client, ref, opts())).toMatchObject({ ok: true });
    expect((await db.ctas.toArray()).map((c) => c.id)).toEqual(['server-cta']);
  });

  it.each([...MALFORMED_MODES, '500', 'close'])('writes nothing when the answer is %s, and keeps the error for the panel', async (mode) => {
    const db = freshDb('cache');
    await addAccountFromPage(db, ref, { name: 'Mine', contractEnd: '2030-01-01' }, NOW);
    const before = await dump(db);
    if (mode === '500') s.api.failNext(1, 500);
    else if (mode === 'close') s.api.closeNext(1);
    else s.api.malformNext(1, mode as (typeof MALFORMED_MODES)[number]);
    const res = await revalidateAccount(db, s.client, ref, opts());
    expect(res).toMatchObject({ ok: false });
    const kind = mode === '500' ? 'server' : mode === 'close' ? 'offline' : 'malformed';
    expect(res !== 'fresh' && !res.ok && res.error.kind).toBe(kind);
    const { meta, ...data } = await dump(db);
    const { meta: metaBefore, ...dataBefore } = before;
    expect(data).toEqual(dataBefore);
    expect(metaBefore).toEqual([]);
    expect(meta).toEqual([{ key: 'revalidate:hubspot:100001', value: { at: NOW.toISOString(), error: expect.objectContaining({ kind }) } }]);
  });

  it('remembers that the server does not know an account, and does not ask again until stale', async () => {
    const db = freshDb('cache');
    const unknown = { crm: 'hubspot' as const, recordId: '777' };
    expect(await revalidateAccount(db, s.client, unknown, opts())).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    const asked = s.api.requests.length;
    expect(await revalidateAccount(db, s.client, unknown, opts(later(60_000)))).toBe('fresh');
    expect(s.api.requests.length).toBe(asked);
    expect(await revalidateAccount(db, s.client, unknown, opts(later(MAX_AGE)))).toMatchObject({ ok: false });
  });

  it('refuses a bundle of another account', async () => {
    const db = freshDb('cache');
    const wrong = { ...s.client, lookup: async () => ({ ...(await s.client.lookup(ref)), account: fakeAccount(2) }) };
    expect(await revalidateAccount(db, wrong, ref, opts())).toMatchObject({ ok: false, error: { kind: 'malformed' } });
    expect(await db.accounts.count()).toBe(0);
  });
});
