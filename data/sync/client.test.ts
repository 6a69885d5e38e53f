// @vitest-environment node
import { createApiClient } from './client';
import { ApiError } from './errors';
import { MALFORMED_MODES } from '../../tests/support/fake-api-hostile';
import { fakeAccount, fakeAccounts, fakePromise } from '../../tests/support/fake-api-data';
import { TOKEN, useFakeApi } from './test-helpers';

const ref = { crm: 'hubspot' as const, recordId: '100001' };
const fail = async (p: Promise<unknown>): Promise<ApiError> => {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ApiError);
    return err as ApiError;
  }
  throw new Error('expected a failure');
};

describe('api client against the fake server', () => {
  const s = useFakeApi({ accounts: fakeAccounts(3) });

  it('looks up an account with its records, sending the normalised record id', async () => {
    s.api.store.seedRecord('promises', fakePromise('p1', 'acct-1'));
    const bundle = await s.client.lookup({ crm: 'hubspot', recordId: ' 100001 ' });
    expect(bundle.account).toMatchObject({ id: 'acct-1', name: 'Account 1' });
    expect(bundle.promises.map((p) => p.id)).toEqual(['p1']);
    expect(bundle.contracts).toEqual([]);
    expect(s.api.requests.at(-1)?.url).toMatch(/[?&]recordId=100001(&|$)/);
  });

  it('classifies not found, validation, conflict, server and auth failures', async () => {
    expect((await fail(s.client.lookup({ crm: 'hubspot', recordId: '999' }))).kind).toBe('not_found');
    s.api.failNext(1, 500);
    expect(await fail(s.client.lookup(ref))).toMatchObject({ kind: 'server', status: 500, code: 'internal' });
    s.api.failNext(1, 422);
    expect(await fail(s.client.lookup(ref))).toMatchObject({ kind: 'rejected', status: 422, code: 'validation_failed' });
    s.api.failNext(1, 409);
    expect((await fail(s.client.lookup(ref))).kind).toBe('conflict');
    s.api.failNext(1, 429);
    expect((await fail(s.client.lookup(ref))).kind).toBe('server');
    // 403: the role may not do this; the token is fine, so it is a refusal of this request only.
    s.api.failNext(1, 403);
    expect(await fail(s.client.lookup(ref))).toMatchObject({ kind: 'rejected', status: 403, code: 'forbidden' });
    const wrong = createApiClient({ baseUrl: s.api.url, token: 'not-the-token' });
    const err = await fail(wrong.lookup(ref));
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401 });
    expect(JSON.stringify({ ...err, message: err.message })).not.toContain('not-the-token');
  });

  it('times out on a slow server', async () => {
    s.api.latencyMs = 500;
    const slow = createApiClient({ baseUrl: s.api.url, token: TOKEN, timeoutMs: 100 });
    expect((await fail(slow.lookup(ref))).kind).toBe('timeout');
  });

  it('reports a closed connection and a stopped server as offline', async () => {
    s.api.closeNext(1);
    expect((await fail(s.client.lookup(ref))).kind).toBe('offline');
    await s.api.stop();
    expect((await fail(s.client.changes(undefined))).kind).toBe('offline');
  });

  it.each(MALFORMED_MODES)('refuses a %s answer as malformed, without polluting prototypes', async (mode) => {
    s.api.malformNext(1, mode);
    const err = await fail(s.client.lookup(ref));
    expect(err.kind).toBe('malformed');
    expect(err.message.length).toBeLessThan(300);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    s.api.malformNext(1, mode);
    expect((await fail(s.client.changes(undefined, 10))).kind).toBe('malformed');
  });

  it('pages the change feed with the limit it asked for', async () => {
    const first = await s.client.changes(undefined, 2);
    expect(first.items.map((i) => i.record.id)).toEqual(['acct-0', 'acct-1']);
    expect(first.hasMore).toBe(true);
    const second = await s.client.changes(first.nextCursor, 2);
    expect(second).toMatchObject({ hasMore: false, items: [{ kind: 'accounts', record: { id: 'acct-2' } }] });
  });

  it('stores a record once per idempotency key, replays it, and refuses the key with another body', async () => {
    const rec = fakePromise('p9', 'acct-0');
    const stored = await s.client.putRecord('promises', rec, 'k-1');
    expect(stored).toEqual({ ...rec, author: 'team-user', version: 1 });
    expect(await s.client.putRecord('promises', rec, 'k-1')).toEqual(stored);
    expect(s.api.store.writes).toHaveLength(1);
    const err = await fail(s.client.putRecord('promises', { ...rec, text: 'changed' }, 'k-1'));
    expect(err).toMatchObject({ kind: 'conflict', code: 'idempotency_conflict' });
    // The answer is lost after the write: the retry with the same key is applied once.
    s.api.closeNext(1, { afterHandling: true });
    const rec2 = fakePromise('p10', 'acct-0');
    expect((await fail(s.client.putRecord('promises', rec2, 'k-2'))).kind).toBe('offline');
    await s.client.putRecord('promises', rec2, 'k-2');
    expect(s.api.store.writes.map((w) => w.key)).toEqual(['k-1', 'k-2']);
  });

  it('refuses oversized or invalid records before sending, and the server refuses big bodies with 413', async () => {
    const big = { ...fakePromise('p-big', 'acct-0'), notes: 'x'.repeat(4000) };
    const huge = { ...fakeAccount(0), blob: 'y'.repeat(300 * 1024) };
    const before = s.api.requests.length;
    expect((await fail(s.client.putRecord('promises', { ...big, text: '' }, 'k'))).kind).toBe('rejected');
    expect(s.api.requests.length).toBe(before);
    const res = await fetch(`${s.api.url}/v1/records/promises/p-big`, {
      method: 'PUT', headers: { Authorization: `Bearer ${TOKEN}`, 'Idempotency-Key': 'k' }, body: JSON.stringify(huge),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });
});

describe('api client with a stub fetch', () => {
  const stub = (status: number, body: string, headers: Record<string, string> = {}) =>
    createApiClient({ baseUrl: 'https://lens.example.com/', token: 'secret-token-123', fetch: async () => new Response(body, { status, headers }) });

  it('never puts the token in an error, even when the server echoes it', async () => {
    const err = await fail(stub(401, JSON.stringify({ error: { code: 'unauthorized', message: 'bad token secret-token-123' } })).lookup(ref));
    expect(err.message).toBe('bad token [redacted]');
    expect(String(err.stack)).not.toContain('secret-token-123');
  });

  it('treats redirects as a wrong address and keeps Retry-After', async () => {
    expect((await fail(stub(302, '', { Location: 'https://elsewhere.example' }).lookup(ref))).kind).toBe('rejected');
    const limited = await fail(stub(429, '{}', { 'Retry-After': '7' }).lookup(ref));
    expect(limited).toMatchObject({ kind: 'server', status: 429, retryAfterMs: 7000 });
  });

  it('refuses a page that does not keep to the limit, and 200 answers with an error-free but wrong shape', async () => {
    const items = fakeAccounts(3).map((record) => ({ kind: 'accounts', record }));
    expect((await fail(stub(200, JSON.stringify({ items, nextCursor: 'c', hasMore: false })).changes(undefined, 2))).kind).toBe('malformed');
    expect((await fail(stub(200, JSON.stringify({ items: [], nextCursor: '', hasMore: false })).changes(undefined))).kind).toBe('malformed');
    const other = JSON.stringify({ record: fakePromise('other', 'acct-0') });
    expect((await fail(stub(200, other).putRecord('promises', fakePromise('mine', 'acct-0'), 'k'))).kind).toBe('malformed');
  });

  it('calls the contract paths under the base URL with the bearer token', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const client = createApiClient({
      baseUrl: 'https://lens.example.com/team/',
      token: 'tok',
      fetch: async (url, init) => {
        seen.push({ url: String(url), init });
        return new Response(JSON.stringify({ items: [], nextCursor: 'c2', hasMore: false }));
      },
    });
    await client.changes('c 1', 5000);
    expect(seen[0]?.url).toBe('https://lens.example.com/team/v1/changes?limit=1000&since=c+1');
    expect(new Headers(seen[0]?.init?.headers).get('authorization')).toBe('Bearer tok');
  });
});
