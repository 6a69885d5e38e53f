// @vitest-environment node
import { createApiClient } from '../../data/sync/client';
import { ApiAccountSchema } from '../../data/sync/schemas';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { backends, expectError, Harness, useBackend } from './helpers';

describe.each(backends())('PUT /v1/accounts/{id}/signed on $name', (backend) => {
  useBackend(backend);

  async function team() {
    let clock = new Date('2026-12-01T09:00:00.000Z');
    const h = new Harness(await backend.fresh(), () => clock);
    const sales = await h.token('team-a', 'Sam', 'sales');
    const csm = await h.token('team-a', 'Lee', 'csm');
    const other = await h.token('team-b', 'Bob', 'manager');
    await h.seed('team-a', [fakeAccount(1, { signedAt: '2025-11-20' })]);
    return { h, sales, csm, other, tick: (iso: string) => void (clock = new Date(iso)) };
  }
  const stored = async (h: Harness) => (await h.sql.query<{ data: Record<string, unknown>; seq: string | number }>(
    `select data, seq from items where team_id = 'team-a' and kind = 'accounts' and id = 'acct-1'`)).rows[0]!;

  it('sets only the signing date, keeps it in the history and moves the account up the feed', async () => {
    const { h, sales } = await team();
    const before = await stored(h);
    const a = await h.signed(sales, 'acct-1', { signedAt: '2026-12-01' });
    expect(a.status, a.text).toBe(200);
    const account = ApiAccountSchema.parse((a.json as { account: unknown }).account);
    expect(account).toEqual({ ...before.data, signedAt: '2026-12-01' });
    const after = await stored(h);
    expect(after.data).toEqual(account);
    expect(Number(after.seq)).toBeGreaterThan(Number(before.seq));
    const history = await h.sql.query<{ user_name: string; role: string; changed_at: Date | string; actions: string }>(
      `select user_name, role, changed_at, actions from record_history where kind = 'accounts' and id = 'acct-1'`);
    expect(history.rows.map((r) => ({ ...r, changed_at: new Date(r.changed_at).toISOString() }))).toEqual([
      { user_name: 'Sam', role: 'sales', changed_at: '2026-12-01T09:00:00.000Z', actions: 'write' },
    ]);
    // Another device of the team receives it.
    const feed = await h.get(sales, '/v1/changes');
    const items = (feed.json as { items: { kind: string; record: { id: string; signedAt?: string } }[] }).items;
    expect(items.filter((i) => i.kind === 'accounts').map((i) => i.record)).toMatchObject([{ id: 'acct-1', signedAt: '2026-12-01' }]);
  });

  it('clears it with null (an Undo); the same date again adds no feed item', async () => {
    const { h, csm, tick } = await team();
    tick('2026-12-01T09:00:05.000Z');
    const a = await h.signed(csm, 'acct-1', { signedAt: null });
    expect(a.status, a.text).toBe(200);
    expect((a.json as { account: Record<string, unknown> }).account).not.toHaveProperty('signedAt');
    expect((await stored(h)).data).not.toHaveProperty('signedAt');
    const seq = Number((await stored(h)).seq);
    expect((await h.signed(csm, 'acct-1', { signedAt: null })).status).toBe(200);
    expect(Number((await stored(h)).seq)).toBe(seq);
  });

  it('answers a replay with the first answer, and a reused key with another body with 409', async () => {
    const { h, sales } = await team();
    const key = 'k-1';
    const first = await h.signed(sales, 'acct-1', { signedAt: '2026-12-01' }, key);
    const seq = Number((await stored(h)).seq);
    const again = await h.signed(sales, 'acct-1', { signedAt: '2026-12-01' }, key);
    expect(again.json).toEqual(first.json);
    expect(Number((await stored(h)).seq)).toBe(seq);
    expectError(await h.signed(sales, 'acct-1', { signedAt: '2026-12-02' }, key), 409, 'idempotency_conflict');
    expect((await stored(h)).data.signedAt).toBe('2026-12-01');
  });

  it('refuses a bad date, a bad body and a missing key with 422, and writes nothing', async () => {
    const { h, sales } = await team();
    for (const body of [{ signedAt: '2026-02-30' }, { signedAt: 'tomorrow' }, { signedAt: '2026-12-01', name: 'Renamed' }, {}, 'not json']) {
      expectError(await h.signed(sales, 'acct-1', body), 422, 'validation_failed');
    }
    expectError(await h.signed(sales, 'acct-1', { signedAt: '2026-12-01' }, null), 422, 'validation_failed');
    expect((await stored(h)).data.signedAt).toBe('2025-11-20');
    expect((await h.sql.query('select 1 from idempotency')).rows).toEqual([]);
  });

  it('does not find another team\'s account, nor one that does not exist (404), and frees the key', async () => {
    const { h, other, sales } = await team();
    expectError(await h.signed(other, 'acct-1', { signedAt: '2026-12-01' }, 'k-2'), 404, 'not_found');
    expectError(await h.signed(sales, 'acct-404', { signedAt: '2026-12-01' }, 'k-3'), 404, 'not_found');
    expect((await stored(h)).data.signedAt).toBe('2025-11-20');
    expect((await h.sql.query('select 1 from idempotency')).rows).toEqual([]);
  });

  it('needs a token', async () => {
    const { h } = await team();
    const a = await h.request('/v1/accounts/acct-1/signed', { method: 'PUT', headers: { 'Idempotency-Key': 'k' }, body: '{"signedAt":null}' });
    expectError(a, 401, 'unauthorized');
  });

  it('the extension\'s client sets and clears it through the contract, and reads the server\'s refusals as ApiErrors', async () => {
    const { h, sales, other } = await team();
    const via = (token: string) => createApiClient({ baseUrl: 'https://team.example', token, fetch: async (url, init) => h.app.request(String(url), init) });
    expect(await via(sales).setSigned('acct-1', '2026-12-03', 'k-c1')).toMatchObject({ id: 'acct-1', signedAt: '2026-12-03', name: 'Account 1' });
    expect(await via(sales).setSigned('acct-1', null, 'k-c2')).not.toHaveProperty('signedAt');
    await expect(via(other).setSigned('acct-1', '2026-12-03', 'k-c3')).rejects.toMatchObject({ name: 'ApiError', kind: 'not_found', status: 404 });
    await expect(via(sales).setSigned('acct-1', '2026-12-04', 'k-c1')).rejects.toMatchObject({ kind: 'conflict', code: 'idempotency_conflict' });
  });
});
