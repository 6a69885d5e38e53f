// @vitest-environment node
import { authenticate, createToken, createTokenCache, ensureUser, MAX_TOKEN_CACHE_MS, revokeToken, tokenCacheMs } from '../src/auth';
import { openPglite, poolSize, type Sql } from '../src/db';
import { migrate } from '../src/migrations';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 90_000 });

/** The database, counting the token look-ups it answers. */
function counting(sql: Sql) {
  let lookups = 0;
  const wrapped: Sql = {
    ...sql,
    kind: sql.kind,
    query: (text, params) => {
      if ((typeof text === 'string' ? text : text.text).includes('from tokens t join users')) lookups++;
      return sql.query(text, params);
    },
  };
  return { sql: wrapped, lookups: () => lookups };
}

describe('the token cache', () => {
  let base: Sql;
  beforeAll(async () => {
    base = await openPglite();
    await migrate(base);
  });
  afterAll(() => base.close());

  const setup = async (user: string, opts: { ttlMs?: number; expiresAt?: Date } = {}) => {
    let clock = 0;
    const cache = createTokenCache({ ttlMs: opts.ttlMs ?? 30_000, clock: () => clock });
    const db = counting(base);
    const { userId } = await ensureUser(base, 'team-c', user, 'csm');
    const made = await createToken(base, userId, opts.expiresAt ? { expiresAt: opts.expiresAt } : {});
    const auth = (now = new Date('2026-12-01T10:00:00Z')) => authenticate(db.sql, `Bearer ${made.token}`, now, cache);
    return { cache, db, made, userId, auth, advance: (ms: number) => (clock += ms) };
  };

  it('a token checked once is trusted for the time to live without a query, then checked again', async () => {
    const t = await setup('ana');
    const first = await t.auth();
    expect(first).toMatchObject({ teamId: 'team-c', userName: 'ana', role: 'csm', tokenId: t.made.id });
    expect(await t.auth()).toEqual(first);
    expect(t.db.lookups()).toBe(1);
    t.advance(29_999);
    expect(await t.auth()).toEqual(first);
    expect(t.db.lookups()).toBe(1);
    t.advance(1);
    expect(await t.auth()).toEqual(first);
    expect(t.db.lookups()).toBe(2);
  });

  it('revoking in this process refuses the token at once', async () => {
    const t = await setup('ben');
    expect(await t.auth()).not.toBeNull();
    expect(await revokeToken(base, t.made.id, t.cache)).toBe(true);
    expect(await t.auth()).toBeNull();
  });

  it('revoked by another process: refused once the time to live has passed, not later', async () => {
    const t = await setup('cai', { ttlMs: 5_000 });
    expect(await t.auth()).not.toBeNull();
    // Another server process (its own cache) revokes the token in the shared database.
    expect(await revokeToken(base, t.made.id, createTokenCache())).toBe(true);
    t.advance(4_999);
    expect(await t.auth()).not.toBeNull();
    t.advance(1);
    expect(await t.auth()).toBeNull();
    expect(await t.auth()).toBeNull(); // a refusal is not cached as a caller
    expect(t.db.lookups()).toBe(3);
  });

  it('expiry is judged on every request, cached or not', async () => {
    const expiresAt = new Date('2026-12-01T10:00:10Z');
    const t = await setup('dee', { expiresAt });
    expect(await t.auth(new Date('2026-12-01T10:00:00Z'))).not.toBeNull();
    expect(await t.auth(new Date('2026-12-01T10:00:09.999Z'))).not.toBeNull();
    expect(await t.auth(expiresAt)).toBeNull();
    expect(t.db.lookups()).toBe(1);
  });

  it('a wrong secret for a cached token id is refused', async () => {
    const t = await setup('eve');
    expect(await t.auth()).not.toBeNull();
    const secret = t.made.token.slice(18);
    const other = (secret[0] === 'A' ? 'B' : 'A') + secret.slice(1);
    expect(await authenticate(t.db.sql, `Bearer lens_${t.made.id}_${other}`, new Date(), t.cache)).toBeNull();
    expect(await t.auth()).not.toBeNull();
  });

  it('a role changed in this process applies to cached tokens at once', async () => {
    const { userId } = await ensureUser(base, 'team-c', 'fay', 'csm');
    const { token } = await createToken(base, userId);
    // The default cache: the one ensureUser clears.
    expect((await authenticate(base, `Bearer ${token}`))?.role).toBe('csm');
    await ensureUser(base, 'team-c', 'fay', 'manager', { changeRole: true });
    expect((await authenticate(base, `Bearer ${token}`))?.role).toBe('manager');
  });

  it('an entry read from one database handle is not used for another', async () => {
    const t = await setup('gus');
    expect(await t.auth()).not.toBeNull();
    const other = counting(base);
    expect(await authenticate(other.sql, `Bearer ${t.made.token}`, new Date('2026-12-01T10:00:00Z'), t.cache)).not.toBeNull();
    expect(other.lookups()).toBe(1);
  });

  it('a time to live of 0 turns caching off; more than 30 s is refused', async () => {
    const t = await setup('hal', { ttlMs: 0 });
    await t.auth();
    await t.auth();
    expect(t.db.lookups()).toBe(2);
    expect(t.cache.size).toBe(0);
    expect(() => createTokenCache({ ttlMs: MAX_TOKEN_CACHE_MS + 1 })).toThrow(/0 to 30000 ms/);
  });

  it('stays bounded: the oldest entries are dropped first', async () => {
    let clock = 0;
    const cache = createTokenCache({ max: 2, clock: () => clock });
    const caller = (n: number) => ({ teamId: 't', userId: `u${n}`, userName: `n${n}`, role: 'csm' as const, tokenId: `tok${n}` });
    for (const n of [1, 2, 3]) cache.set(base, { caller: caller(n), hash: Buffer.alloc(32), expiresAt: null });
    expect(cache.size).toBe(2);
    expect(cache.get(base, 'tok1')).toBeUndefined();
    expect(cache.get(base, 'tok3')?.caller.userId).toBe('u3');
    clock += 1;
    cache.forgetUser('u3');
    expect(cache.get(base, 'tok3')).toBeUndefined();
  });

  it('LENS_TOKEN_CACHE_SECONDS and LENS_PG_POOL: defaults, and a clear message for a bad value', () => {
    expect(tokenCacheMs(undefined)).toBe(30_000);
    expect(tokenCacheMs('5')).toBe(5_000);
    expect(tokenCacheMs('0')).toBe(0);
    expect(() => tokenCacheMs('31')).toThrow(/LENS_TOKEN_CACHE_SECONDS must be a number from 0 to 30, not "31"/);
    expect(() => tokenCacheMs('soon')).toThrow(/not "soon"/);
    expect(poolSize(undefined)).toBe(10);
    expect(poolSize('40')).toBe(40);
    for (const bad of ['0', '2.5', 'many', '1001']) expect(() => poolSize(bad)).toThrow(/LENS_PG_POOL must be a whole number from 1 to 1000/);
  });
});
