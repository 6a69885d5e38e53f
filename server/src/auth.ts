import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '../../data/sync/permissions';
import type { Sql } from './db';

export { ROLES, type Role };

/** Who is calling: every query is scoped to `teamId`. */
export interface Caller {
  teamId: string;
  userId: string;
  userName: string;
  role: Role;
  tokenId: string;
}

/** Hex SHA-256: how token and refresh-token secrets are stored. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** A random id or secret of `bytes` bytes, base64url. */
export const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * A token reads `lens_<id>_<secret>`: the id finds the row, the secret is
 * checked against its SHA-256 hash. The plain token exists only in the
 * answer to `token create`; the database never holds it.
 */
export async function createToken(sql: Sql, userId: string, opts: { expiresAt?: Date; sessionId?: string } = {}): Promise<{ id: string; token: string }> {
  const id = randomId(9);
  const secret = randomId(32);
  await sql.query('insert into tokens (id, user_id, hash, expires_at, session_id) values ($1, $2, $3, $4, $5)', [id, userId, sha256(secret), opts.expiresAt?.toISOString() ?? null, opts.sessionId ?? null]);
  return { id, token: `lens_${id}_${secret}` };
}

export async function revokeToken(sql: Sql, tokenId: string, cache: TokenCache = tokenCache): Promise<boolean> {
  const { rows } = await sql.query<{ id: string }>('update tokens set revoked_at = now() where id = $1 and revoked_at is null returning id', [tokenId]);
  // This process stops trusting the token at once; other processes within their cache's time to live.
  cache.forgetToken(tokenId);
  return rows.length > 0;
}

const TOKEN = /^lens_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;

/** The longest a server trusts a token it checked without asking the database again. */
export const MAX_TOKEN_CACHE_MS = 30_000;

/**
 * Tokens this process checked recently: token id → the caller, the hash of
 * its secret and its expiry, trusted for `ttlMs` (at most 30 s) before the
 * database is asked again. A lookup then costs no query for the token.
 * Revoking a token or changing a user's role in this process forgets the
 * entries at once; another server process notices within `ttlMs`
 * (docs/scale-out.md). Expiry is judged on every request, cached or not.
 * Failed checks are never cached. At most `max` entries, the oldest dropped.
 */
export interface TokenCache {
  get(sql: Sql, tokenId: string): { caller: Caller; hash: Buffer; expiresAt: number | null } | undefined;
  set(sql: Sql, entry: { caller: Caller; hash: Buffer; expiresAt: number | null }): void;
  forgetToken(tokenId: string): void;
  forgetUser(userId: string): void;
  readonly size: number;
}

export function createTokenCache({ ttlMs = MAX_TOKEN_CACHE_MS, max = 10_000, clock = () => performance.now() } = {}): TokenCache {
  if (!(ttlMs >= 0 && ttlMs <= MAX_TOKEN_CACHE_MS)) throw new Error(`a token cache keeps tokens 0 to ${MAX_TOKEN_CACHE_MS} ms, not ${ttlMs}`);
  const entries = new Map<string, { sql: Sql; caller: Caller; hash: Buffer; expiresAt: number | null; until: number }>();
  return {
    get size() {
      return entries.size;
    },
    get(sql, tokenId) {
      const e = entries.get(tokenId);
      if (!e) return undefined;
      // An entry belongs to the database it was read from (tests open many in one process).
      if (e.sql !== sql || clock() >= e.until) {
        entries.delete(tokenId);
        return undefined;
      }
      return e;
    },
    set(sql, entry) {
      if (ttlMs === 0) return;
      entries.delete(entry.caller.tokenId);
      while (entries.size >= max) entries.delete(entries.keys().next().value!);
      entries.set(entry.caller.tokenId, { ...entry, sql, until: clock() + ttlMs });
    },
    forgetToken(tokenId) {
      entries.delete(tokenId);
    },
    forgetUser(userId) {
      for (const [id, e] of entries) if (e.caller.userId === userId) entries.delete(id);
    },
  };
}

/** The cache `authenticate` uses unless told otherwise: LENS_TOKEN_CACHE_SECONDS (0 to 30, default 30; 0 turns it off). */
export const tokenCache: TokenCache = createTokenCache({ ttlMs: tokenCacheMs(process.env.LENS_TOKEN_CACHE_SECONDS) });

export function tokenCacheMs(text: string | undefined): number {
  if (text === undefined || text === '') return MAX_TOKEN_CACHE_MS;
  const seconds = Number(text);
  if (!(seconds >= 0 && seconds * 1000 <= MAX_TOKEN_CACHE_MS)) throw new Error(`LENS_TOKEN_CACHE_SECONDS must be a number from 0 to ${MAX_TOKEN_CACHE_MS / 1000}, not "${text}"`);
  return seconds * 1000;
}

const TOKEN_ROW = {
  name: 'lens_token_row',
  text: `select t.hash, t.expires_at, t.revoked_at, u.id as user_id, u.name, u.role, u.team_id
       from tokens t join users u on u.id = t.user_id where t.id = $1`,
};

/** The caller a bearer token stands for, or null for a malformed, unknown, revoked or expired one. */
export async function authenticate(sql: Sql, header: string | undefined, now = new Date(), cache: TokenCache = tokenCache): Promise<Caller | null> {
  const m = /^Bearer (\S+)$/.exec(header ?? '');
  const parts = m ? TOKEN.exec(m[1]!) : null;
  if (!parts) return null;
  const given = createHash('sha256').update(parts[2]!).digest();
  const hit = cache.get(sql, parts[1]!);
  if (hit) {
    if (hit.expiresAt !== null && hit.expiresAt <= now.getTime()) return null;
    return timingSafeEqual(given, hit.hash) ? hit.caller : null;
  }
  const { rows } = await sql.query<{ hash: string; expires_at: string | Date | null; revoked_at: unknown; user_id: string; name: string; role: Role; team_id: string }>(TOKEN_ROW, [parts[1]]);
  const row = rows[0];
  if (!row || row.revoked_at) return null;
  const expiresAt = row.expires_at ? new Date(row.expires_at).getTime() : null;
  if (expiresAt !== null && expiresAt <= now.getTime()) return null;
  const stored = Buffer.from(row.hash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  const caller: Caller = { teamId: row.team_id, userId: row.user_id, userName: row.name, role: row.role, tokenId: parts[1]! };
  cache.set(sql, { caller, hash: stored, expiresAt });
  return caller;
}

/** An existing user has another role than the one asked for, and changing it was not asked. */
export class RoleConflict extends Error {
  constructor(readonly user: string, readonly current: Role, readonly asked: Role) {
    super(`${user} is already a ${current}`);
  }
}

/**
 * Creates the team and the user when missing (by name), answering their ids.
 * An existing user keeps their role unless `changeRole` says to change it:
 * a token for a person must never quietly grant them more (or less).
 */
export async function ensureUser(
  sql: Sql, team: string, user: string, role: Role, opts: { changeRole?: boolean } = {},
): Promise<{ teamId: string; userId: string; previousRole?: Role }> {
  const ensured = await sql.transaction(async (tx): Promise<{ teamId: string; userId: string; previousRole?: Role }> => {
    const teamId = team;
    await tx.query('insert into teams (id, name) values ($1, $1) on conflict (id) do nothing', [teamId]);
    const found = await tx.query<{ id: string; role: Role }>('select id, role from users where team_id = $1 and name = $2', [teamId, user]);
    const existing = found.rows[0];
    if (existing) {
      if (existing.role === role) return { teamId, userId: existing.id };
      if (!opts.changeRole) throw new RoleConflict(user, existing.role, role);
      await tx.query('update users set role = $1 where id = $2', [role, existing.id]);
      return { teamId, userId: existing.id, previousRole: existing.role };
    }
    const userId = `u_${randomId(9)}`;
    await tx.query('insert into users (id, team_id, name, role) values ($1, $2, $3, $4)', [userId, teamId, user, role]);
    return { teamId, userId };
  });
  // Tokens this process trusts carry the role they were checked with: once committed, they are checked again.
  if (ensured.previousRole) tokenCache.forgetUser(ensured.userId);
  return ensured;
}
