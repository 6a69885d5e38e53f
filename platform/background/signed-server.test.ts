// @vitest-environment node
import { LensDB } from '../../data/db/db';
import type { Account } from '../../data/model/account';
import { saveIdMap } from '../../data/sync/id-map';
import { writeRecord } from '../../data/sync/outbox';
import type { DataSource } from '../../data/sync/settings';
import { dump, TOKEN, useFakeApi } from '../../data/sync/test-helpers';
import { markAccountSigned } from './deals';
import { draftAfterSigning } from './signed-draft';
import type { SignedServer } from './signed-server';

let n = 0;
const fresh = () => new LensDB(`signed-server-${++n}`);
const stamp = '2026-01-01T00:00:00.000Z';
const NOW = new Date('2026-12-01T10:00:00.000Z');
const BASE = 'https://team.example';
const SOURCE: DataSource = { mode: 'api', baseUrl: BASE, token: 'secret-token-123', maxAgeMinutes: 15 };
/** The account as the team server stores it, and as this device holds it after a sync (with a local note of its own). */
const onServer = { id: 'acct-1', crm: 'salesforce', recordId: '001D000000IqhSLIAZ', name: 'Acme', contractEnd: '2027-12-31', signedAt: '2025-11-20', createdAt: stamp, updatedAt: stamp } as const;
const synced: Account = { ...onServer, orgKey: 'acme', source: 'api', syncedAt: stamp };

interface Seen { method: string; url: string; headers: Headers; body: unknown }

/**
 * A team server for PUT /v1/accounts/{id}/signed: sets or clears the date on
 * its copy and answers it, or fails the way it is told to.
 */
function fakeServer(mode: 'ok' | 'offline' | 'forbidden' | 'another' = 'ok') {
  const seen: Seen[] = [];
  const stored: Record<string, unknown> = { ...onServer };
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = String(input);
    const body = JSON.parse(String(init?.body ?? 'null')) as { signedAt: string | null };
    seen.push({ method: init?.method ?? 'GET', url, headers: new Headers(init?.headers), body });
    if (mode === 'offline') throw new TypeError('Failed to fetch');
    if (mode === 'forbidden') return json(403, { error: { code: 'forbidden', message: 'a sales may not write accounts' } });
    if (url !== `${BASE}/v1/accounts/acct-1/signed`) return json(404, { error: { code: 'not_found', message: 'account is not on this server' } });
    if (body.signedAt === null) delete stored.signedAt;
    else stored.signedAt = body.signedAt;
    return json(200, { account: mode === 'another' ? { ...stored, id: 'acct-2' } : stored });
  };
  const server: SignedServer = { source: async () => SOURCE, fetch, newKey: () => `key-${seen.length + 1}` };
  return { seen, stored, server };
}

/** The mark as the background runs it: the signing date, then the handover draft through the store and its outbox. */
async function sign(db: LensDB, input: Record<string, unknown>, server: SignedServer) {
  await markAccountSigned(db, input, NOW, server);
  return draftAfterSigning(db, input, 'Sam', NOW, (record) => writeRecord(db, 'handovers', record, NOW));
}

describe('Mark signed on an account the team server keeps', () => {
  it('the server sets the date first; its answer is stored here at once, the local fields kept, and the draft starts as for a local account', async () => {
    const db = fresh();
    await db.accounts.put(synced);
    const { seen, server } = fakeServer();
    const deal = { name: 'Acme expansion', amount: 48000, currency: 'USD' };
    expect(await sign(db, { accountId: 'acct-1', signedAt: '2026-12-01', deal }, server)).toEqual({ draftStarted: NOW.toISOString(), draftRemoved: false });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'PUT', url: `${BASE}/v1/accounts/acct-1/signed`, body: { signedAt: '2026-12-01' } });
    expect(seen[0]!.headers.get('Authorization')).toBe('Bearer secret-token-123');
    expect(seen[0]!.headers.get('Idempotency-Key')).toBe('key-1');
    expect(await db.accounts.get('acct-1')).toEqual({ ...synced, signedAt: '2026-12-01', syncedAt: NOW.toISOString() });
    expect(await db.handovers.get('handover:acct-1')).toMatchObject({ status: 'draft', deal: { name: 'Acme expansion', signedAt: '2026-12-01' } });
  });

  it('Undo clears the date on the server and here, and takes back the untouched draft', async () => {
    const db = fresh();
    await db.accounts.put({ ...synced, signedAt: undefined } as Account);
    const { stored, server } = fakeServer();
    delete stored.signedAt;
    const { draftStarted } = await sign(db, { accountId: 'acct-1', signedAt: '2026-12-01', deal: { name: 'Acme expansion' } }, server);
    expect(await sign(db, { accountId: 'acct-1', signedAt: null, undoDraft: draftStarted }, server)).toEqual({ draftStarted: null, draftRemoved: true });
    expect(stored).not.toHaveProperty('signedAt');
    expect(await db.accounts.get('acct-1')).not.toHaveProperty('signedAt');
  });

  it('an account this device tracked before the server had it is named by the server\'s id, and stays under its own', async () => {
    const db = fresh();
    await db.accounts.put({ ...synced, id: 'local-7' });
    await saveIdMap(db, new Map([['acct-1', 'local-7']]));
    const { seen, server } = fakeServer();
    await markAccountSigned(db, { accountId: 'local-7', signedAt: '2026-12-02' }, NOW, server);
    expect(seen[0]!.url).toBe(`${BASE}/v1/accounts/acct-1/signed`);
    expect((await db.accounts.get('local-7'))?.signedAt).toBe('2026-12-02');
    expect(await db.accounts.get('acct-1')).toBeUndefined();
  });

  it.each([
    ['offline', 'offline', /reach the team server/],
    ['forbidden', 'rejected', /may not write accounts/],
    ['another', 'malformed', /another account/],
  ] as const)('the server %s: nothing is written here, no draft starts, and the failure says why', async (mode, kind, message) => {
    const db = fresh();
    await db.accounts.put(synced);
    const before = await dump(db);
    const { server } = fakeServer(mode);
    const failed = sign(db, { accountId: 'acct-1', signedAt: '2026-12-01', deal: { name: 'Acme expansion' } }, server);
    await expect(failed).rejects.toMatchObject({ name: 'ApiError', kind, message: expect.stringMatching(message) });
    expect(await dump(db)).toEqual(before);
  });

  it('signed out of single sign-on, or no team server set: nothing is sent and nothing written', async () => {
    const db = fresh();
    await db.accounts.put(synced);
    const before = await dump(db);
    const { seen, server } = fakeServer();
    const signedOut: SignedServer = { ...server, source: async () => ({ mode: 'api', baseUrl: BASE, maxAgeMinutes: 15 }) };
    await expect(markAccountSigned(db, { accountId: 'acct-1', signedAt: '2026-12-01' }, NOW, signedOut)).rejects.toMatchObject({ kind: 'signed_out' });
    const local: SignedServer = { ...server, source: async () => ({ mode: 'local' }) };
    await expect(markAccountSigned(db, { accountId: 'acct-1', signedAt: '2026-12-01' }, NOW, local)).rejects.toMatchObject({ kind: 'rejected' });
    expect(seen).toEqual([]);
    expect(await dump(db)).toEqual(before);
  });
});

describe('Mark signed against the fake team server', () => {
  const s = useFakeApi({ accounts: [onServer] });

  it('the date reaches the server once, comes back down the feed to other devices, and is stored here from the answer', async () => {
    const db = fresh();
    await db.accounts.put(synced);
    const server: SignedServer = { source: async () => ({ mode: 'api', baseUrl: s.api.url, token: TOKEN, maxAgeMinutes: 15 }) };
    await markAccountSigned(db, { accountId: 'acct-1', signedAt: '2026-12-01' }, NOW, server);
    expect(s.api.store.accounts.get('acct-1')?.signedAt).toBe('2026-12-01');
    expect(s.api.requests.filter((r) => r.method === 'PUT')).toEqual([{ method: 'PUT', url: '/v1/accounts/acct-1/signed' }]);
    expect((await db.accounts.get('acct-1'))?.signedAt).toBe('2026-12-01');
    const feed = await s.client.changes(undefined);
    expect(feed.items.filter((i) => i.kind === 'accounts').at(-1)?.record).toMatchObject({ id: 'acct-1', signedAt: '2026-12-01' });
  });

  it('the server down: nothing is written here', async () => {
    const db = fresh();
    await db.accounts.put(synced);
    const before = await dump(db);
    s.api.failNext(1, 503);
    const server: SignedServer = { source: async () => ({ mode: 'api', baseUrl: s.api.url, token: TOKEN, maxAgeMinutes: 15 }) };
    await expect(markAccountSigned(db, { accountId: 'acct-1', signedAt: '2026-12-01' }, NOW, server)).rejects.toMatchObject({ kind: 'server', status: 503 });
    expect(await dump(db)).toEqual(before);
    expect(s.api.store.accounts.get('acct-1')?.signedAt).toBe('2025-11-20');
  });
});
