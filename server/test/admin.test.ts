// @vitest-environment node
import { PERMISSIONS } from '../../data/sync/permissions';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { LAST_USED_EVERY_MS } from '../src/admin/last-used';
import { setChannel } from '../src/channels/store';
import { backends, expectError, Harness, sample, useBackend, type Answer } from './helpers';

/**
 * The manager's admin API and page (docs/api.md, Admin): what a manager
 * sees of the team, that nobody else gets in, that no secret ever leaves
 * the server but in the answer that creates it, that revoking and role
 * changes take effect on the next request, and that teams stay apart.
 * The page itself: admin-page.test.ts.
 */
const NOW = new Date('2026-11-20T09:30:00.000Z');
const WECOM_URL = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';
const DING_URL = 'https://oapi.dingtalk.com/robot/send?access_token=b7e0c1d2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2';
const DING_SECRET = 'SECa1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4';
const SMTP_PASSWORD = 'correct horse battery staple';
const GETS = ['/v1/admin/people', '/v1/admin/tokens', '/v1/admin/ingest-keys', '/v1/admin/channels', '/v1/admin/authorisation', '/v1/admin/audit'];

type Items<T> = { items: T[] };
type Token = { id: string; user: string; createdAt: string; expiresAt: string | null; lastUsedAt: string | null; revokedAt: string | null };
type Person = { id: string; name: string; role: string; activeTokens: number };
const ok = <T>(a: Answer, status = 200): T => {
  expect(a.status, a.text).toBe(status);
  return a.json as T;
};
const send = (h: Harness, token: string, method: string, path: string, body?: unknown) =>
  h.request(path, { method, token, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const tokenId = (token: string) => /^lens_([A-Za-z0-9_-]{12})_/.exec(token)![1]!;

async function team(h: Harness, name: string) {
  const manager = await h.token(name, `${name} manager`, 'manager');
  const csm = await h.token(name, `${name} csm`, 'csm');
  const sales = await h.token(name, `${name} sales`, 'sales');
  return { manager, csm, sales };
}

describe.each(backends())('the admin API on $name', (backend) => {
  useBackend(backend);
  let clock = NOW;
  const harness = async () => {
    clock = NOW;
    return new Harness(await backend.fresh(), () => clock);
  };

  it('shows a manager the team’s people, tokens, keys, channels, table and writes, and never a secret', async () => {
    const h = await harness();
    const a = await team(h, 'team-a');
    await h.seed('team-a', [fakeAccount(1)]);
    await h.putOk(a.csm, 'promises', sample.promises('p-1', fakeAccount(1).id));
    await setChannel(h.sql, 'team-a', 'wecom', { kind: 'wecom', url: WECOM_URL }, NOW);
    await setChannel(h.sql, 'team-a', 'ding', { kind: 'dingtalk', url: DING_URL, secret: DING_SECRET }, NOW);
    await setChannel(h.sql, 'team-a', 'mail', { kind: 'email', host: 'smtp.example.com', port: 465, secure: true, user: 'lens', password: SMTP_PASSWORD, from: 'Lens <lens@example.com>' }, NOW);

    const made = ok<{ id: string; key: string; name: string }>(await send(h, a.manager, 'POST', '/v1/admin/ingest-keys', { name: 'pipeline' }), 201);
    expect(made.key).toMatch(/^lensik_/);
    expect(made.name).toBe('pipeline');
    await h.request('/v1/events', { method: 'POST', headers: { Authorization: `Bearer ${made.key}`, 'Content-Type': 'application/json' }, body: '{"batch":[]}' });
    const minted = ok<{ id: string; token: string; user: string; role: string; expiresAt: string }>(
      await send(h, a.manager, 'POST', '/v1/admin/tokens', { user: 'Nia Park', role: 'sales', days: 30 }), 201);
    expect(minted).toMatchObject({ user: 'Nia Park', role: 'sales', expiresAt: '2026-12-20T09:30:00.000Z' });
    expect(ok<{ user: string; role: string }>(await h.get(minted.token, '/v1/me'))).toMatchObject({ user: 'Nia Park', role: 'sales' });

    const answers = await Promise.all(GETS.map((p) => h.get(a.manager, p)));
    for (const x of answers) expect(x.status, x.text).toBe(200);
    const [people, tokens, keys, channels, matrix, audit] = answers.map((x) => x.json) as [
      Items<Person>, Items<Token>, Items<{ id: string; name: string; lastUsedAt: string | null; revokedAt: string | null }>,
      Items<{ name: string; kind: string; summary: string }>, { roles: string[]; actions: string[]; kinds: { kind: string; actions: Record<string, string[]> }[] },
      { items: { by: string; role: string; kind: string; id: string; accountId: string; actions: string[]; at: string }[]; next: string | null },
    ];
    expect(people.items.map((p) => [p.name, p.role, p.activeTokens])).toEqual([
      ['Nia Park', 'sales', 1], ['seeder-team-a', 'manager', 0], ['team-a csm', 'csm', 1], ['team-a manager', 'manager', 1], ['team-a sales', 'sales', 1],
    ]);
    const byId = new Map(tokens.items.map((t) => [t.id, t]));
    expect(tokens.items).toHaveLength(4);
    expect(byId.get(tokenId(a.manager))).toMatchObject({ user: 'team-a manager', lastUsedAt: NOW.toISOString(), revokedAt: null, expiresAt: null });
    expect(byId.get(tokenId(a.sales))).toMatchObject({ lastUsedAt: null });
    expect(byId.get(minted.id)).toMatchObject({ user: 'Nia Park', lastUsedAt: NOW.toISOString(), expiresAt: minted.expiresAt });
    expect(keys.items).toEqual([expect.objectContaining({ id: made.id, name: 'pipeline', lastUsedAt: NOW.toISOString(), revokedAt: null })]);
    expect(channels.items.map((c) => [c.name, c.kind])).toEqual([['ding', 'dingtalk'], ['mail', 'email'], ['wecom', 'wecom']]);
    expect(Object.fromEntries(matrix.kinds.map((k) => [k.kind, Object.fromEntries(Object.entries(k.actions).filter(([, r]) => r.length))]))).toEqual(PERMISSIONS);
    expect(matrix.roles).toEqual(['sales', 'csm', 'manager']);
    expect(audit.items).toEqual([expect.objectContaining({ by: 'team-a csm', role: 'csm', kind: 'promises', id: 'p-1', accountId: fakeAccount(1).id, actions: ['write'] })]);
    expect(audit.next).toBeNull();

    // Nothing that signs in or sends: no token, key, stored hash, password, webhook address or its key, signing secret.
    const hashes = (await h.sql.query<{ hash: string }>('select hash from tokens union all select hash from ingest_keys')).rows.map((r) => r.hash);
    // A token's and a key's secret is their last 43 characters (base64url, which may itself hold '_').
    const secretOf = (t: string) => t.slice(-43);
    const secrets = [a.manager, a.csm, a.sales, minted.token, made.key, ...[a.manager, a.csm, minted.token, made.key].map(secretOf), ...hashes, WECOM_URL, DING_URL, DING_SECRET, SMTP_PASSWORD, '693a91f6-7aaa', 'b7e0c1d2a3f4e5d6', 'send?'];
    const leaks = answers.flatMap((x, i) => secrets.filter((s) => x.text.includes(s)).map((s) => `${GETS[i]}: ${s.slice(0, 12)}`));
    expect(leaks).toEqual([]);
  });

  it('lets nobody but a manager in: 401 without a token, 403 for csm, sales and an ingest key', async () => {
    const h = await harness();
    const a = await team(h, 'team-a');
    const key = ok<{ key: string }>(await send(h, a.manager, 'POST', '/v1/admin/ingest-keys', { name: 'k' }), 201).key;
    const writes: [string, string, unknown][] = [
      ['POST', '/v1/admin/tokens', { user: 'Eve', role: 'manager' }], ['POST', `/v1/admin/tokens/${tokenId(a.manager)}/revoke`, undefined],
      ['POST', '/v1/admin/ingest-keys', { name: 'x' }], ['PUT', '/v1/admin/people/u_aaaaaaaaaaaa/role', { role: 'manager' }],
    ];
    for (const path of GETS) {
      expectError(await h.request(path), 401, 'unauthorized');
      for (const t of [a.csm, a.sales, key]) expectError(await h.get(t, path), 403, 'forbidden');
    }
    for (const [method, path, body] of writes) for (const t of [a.csm, a.sales]) expectError(await send(h, t, method, path, body), 403, 'forbidden');
    expect((await h.sql.query("select 1 from users where name = 'Eve'")).rows).toHaveLength(0);
    expect(ok<{ user: string }>(await h.get(a.manager, '/v1/me')).user).toBe('team-a manager');
  });

  it('revoking a token or an ingest key refuses it on the very next request', async () => {
    const h = await harness();
    const a = await team(h, 'team-a');
    expect((await h.get(a.csm, '/v1/me')).status).toBe(200); // now trusted by this process's token cache
    const revoked = ok<{ already: boolean }>(await send(h, a.manager, 'POST', `/v1/admin/tokens/${tokenId(a.csm)}/revoke`));
    expect(revoked.already).toBe(false);
    expectError(await h.get(a.csm, '/v1/me'), 401, 'unauthorized');
    expect(ok<{ already: boolean }>(await send(h, a.manager, 'POST', `/v1/admin/tokens/${tokenId(a.csm)}/revoke`)).already).toBe(true);
    const listed = ok<Items<Token>>(await h.get(a.manager, '/v1/admin/tokens')).items.find((t) => t.id === tokenId(a.csm));
    expect(listed?.revokedAt).not.toBeNull();
    const people = ok<Items<Person>>(await h.get(a.manager, '/v1/admin/people')).items;
    expect(people.find((p) => p.name === 'team-a csm')?.activeTokens).toBe(0);

    const made = ok<{ id: string; key: string }>(await send(h, a.manager, 'POST', '/v1/admin/ingest-keys', { name: 'k' }), 201);
    const events = () => h.request('/v1/events', { method: 'POST', headers: { Authorization: `Bearer ${made.key}`, 'Content-Type': 'application/json' }, body: '{"batch":[]}' });
    expect((await events()).status).not.toBe(401);
    ok(await send(h, a.manager, 'POST', `/v1/admin/ingest-keys/${made.id}/revoke`));
    expectError(await events(), 401, 'unauthorized');
    expectError(await send(h, a.manager, 'POST', '/v1/admin/tokens/not-an-id/revoke'), 422, 'validation_failed');
    expectError(await send(h, a.manager, 'POST', '/v1/admin/tokens/aaaaaaaaaaaa/revoke'), 404, 'not_found');
  });

  it('a role change counts from the next request, and the team keeps a manager', async () => {
    const h = await harness();
    const a = await team(h, 'team-a');
    const people = ok<Items<Person>>(await h.get(a.manager, '/v1/admin/people')).items;
    const idOf = (name: string) => people.find((p) => p.name === name)!.id;
    expectError(await h.get(a.csm, '/v1/admin/people'), 403, 'forbidden');
    expect(ok(await send(h, a.manager, 'PUT', `/v1/admin/people/${idOf('team-a csm')}/role`, { role: 'manager' }))).toEqual({ id: idOf('team-a csm'), role: 'manager' });
    expect((await h.get(a.csm, '/v1/admin/people')).status).toBe(200);
    ok(await send(h, a.csm, 'PUT', `/v1/admin/people/${idOf('team-a manager')}/role`, { role: 'sales' }));
    expectError(await h.get(a.manager, '/v1/admin/people'), 403, 'forbidden');
    const last = expectError(await send(h, a.csm, 'PUT', `/v1/admin/people/${idOf('team-a csm')}/role`, { role: 'csm' }), 422, 'validation_failed');
    expect(last).toMatch(/only manager/);
    expect(expectError(await send(h, a.csm, 'PUT', `/v1/admin/people/${idOf('team-a sales')}/role`, { role: 'boss' }), 422, 'validation_failed')).toMatch(/^role:/);
    expectError(await send(h, a.csm, 'PUT', `/v1/admin/people/${idOf('team-a sales')}/role`, { role: 'csm', extra: 1 }), 422, 'validation_failed');
    expectError(await send(h, a.csm, 'PUT', '/v1/admin/people/u_aaaaaaaaaaaa/role', { role: 'csm' }), 404, 'not_found');
    expectError(await send(h, a.csm, 'PUT', '/v1/admin/people/nobody/role', { role: 'csm' }), 422, 'validation_failed');
    // A new token for someone who has another role says so, and changes nothing.
    expect(expectError(await send(h, a.csm, 'POST', '/v1/admin/tokens', { user: 'team-a sales', role: 'manager' }), 422, 'validation_failed')).toMatch(/already a sales/);
    expectError(await send(h, a.csm, 'POST', '/v1/admin/tokens', { user: ' ', role: 'csm' }), 422, 'validation_failed');
    expectError(await send(h, a.csm, 'POST', '/v1/admin/tokens', { user: 'Zed', role: 'csm', days: 0 }), 422, 'validation_failed');
  });

  it('keeps teams apart: team B’s manager sees and changes nothing of team A', async () => {
    const h = await harness();
    const a = await team(h, 'team-a');
    const b = await team(h, 'team-b');
    await h.seed('team-a', [fakeAccount(1)]);
    await h.putOk(a.csm, 'promises', sample.promises('p-1', fakeAccount(1).id));
    await setChannel(h.sql, 'team-a', 'wecom', { kind: 'wecom', url: WECOM_URL }, NOW);
    const keyA = ok<{ id: string }>(await send(h, a.manager, 'POST', '/v1/admin/ingest-keys', { name: 'a-key' }), 201);
    const peopleA = ok<Items<Person>>(await h.get(a.manager, '/v1/admin/people')).items;

    const seen = await Promise.all(GETS.map((p) => h.get(b.manager, p)));
    for (const x of seen) expect(x.text).not.toMatch(/team-a|a-key|wecom|p-1/);
    expect(ok<Items<Person>>(seen[0]!).items.map((p) => p.name)).toEqual(['team-b csm', 'team-b manager', 'team-b sales']);
    expect(ok<Items<Token>>(seen[1]!).items).toHaveLength(3);
    expect(ok<Items<unknown>>(seen[2]!).items).toEqual([]);
    expect(ok<Items<unknown>>(seen[3]!).items).toEqual([]);
    expect(ok<Items<unknown>>(seen[5]!).items).toEqual([]);

    expectError(await send(h, b.manager, 'POST', `/v1/admin/tokens/${tokenId(a.csm)}/revoke`), 404, 'not_found');
    expectError(await send(h, b.manager, 'POST', `/v1/admin/ingest-keys/${keyA.id}/revoke`), 404, 'not_found');
    expectError(await send(h, b.manager, 'PUT', `/v1/admin/people/${peopleA[0]!.id}/role`, { role: 'sales' }), 404, 'not_found');
    expect((await h.get(a.csm, '/v1/me')).status).toBe(200);
    expect(ok<Items<{ revokedAt: string | null }>>(await h.get(a.manager, '/v1/admin/ingest-keys')).items[0]!.revokedAt).toBeNull();
    expect(ok<Items<Person>>(await h.get(a.manager, '/v1/admin/people')).items).toEqual(peopleA);
  });

  it('pages the audit log newest first with a cursor, at most 200 a page', async () => {
    const h = await harness();
    const a = await team(h, 'team-a');
    await h.seed('team-a', [fakeAccount(1)]);
    for (let i = 1; i <= 5; i++) await h.putOk(i % 2 ? a.csm : a.sales, 'notes', { ...sample.notes(`n-${i}`, fakeAccount(1).id), text: `Note ${i}` });
    await h.putOk(a.csm, 'notes', { ...sample.notes('n-1', fakeAccount(1).id), deleted: true, updatedAt: '2026-10-02T00:00:00.000Z' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; by: string; actions: string[] }[]; next: string | null } = ok(await h.get(a.manager, `/v1/admin/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((x) => `${x.id}:${x.by}:${x.actions.join('+')}`));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(['n-1:team-a csm:write+delete', 'n-5:team-a csm:write', 'n-4:team-a sales:write', 'n-3:team-a csm:write', 'n-2:team-a sales:write', 'n-1:team-a csm:write']);
    expect(ok<{ items: unknown[] }>(await h.get(a.manager, '/v1/admin/audit?limit=200')).items).toHaveLength(6);
    for (const q of ['limit=201', 'limit=0', 'limit=two', 'cursor=abc', 'cursor=h0', 'since=1']) {
      expect(expectError(await h.get(a.manager, `/v1/admin/audit?${q}`), 422, 'validation_failed')).toMatch(/^(query|limit|cursor)/);
    }
  });

  it('writes a token’s last use at most once a minute', async () => {
    const h = await harness();
    const a = await team(h, 'team-a');
    const lastUsed = async () => (await h.sql.query<{ at: unknown }>('select last_used_at as at from tokens where id = $1', [tokenId(a.csm)])).rows[0]!.at;
    const at = (ms: number) => ((clock = new Date(NOW.getTime() + ms)), h.get(a.csm, '/v1/me'));
    expect(await lastUsed()).toBeNull();
    await at(0);
    expect(new Date(await lastUsed() as string).toISOString()).toBe(NOW.toISOString());
    await at(LAST_USED_EVERY_MS - 1000);
    expect(new Date(await lastUsed() as string).toISOString()).toBe(NOW.toISOString());
    await at(LAST_USED_EVERY_MS + 1000);
    expect(new Date(await lastUsed() as string).toISOString()).toBe(new Date(NOW.getTime() + LAST_USED_EVERY_MS + 1000).toISOString());
  });
});
