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

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const randomId = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * A token reads `lens_<id>_<secret>`: the id finds the row, the secret is
 * checked against its SHA-256 hash. The plain token exists only in the
 * answer to `token create`; the database never holds it.
 */
export async function createToken(sql: Sql, userId: string, opts: { expiresAt?: Date } = {}): Promise<{ id: string; token: string }> {
  const id = randomId(9);
  const secret = randomId(32);
  await sql.query('insert into tokens (id, user_id, hash, expires_at) values ($1, $2, $3, $4)', [id, userId, sha256(secret), opts.expiresAt?.toISOString() ?? null]);
  return { id, token: `lens_${id}_${secret}` };
}

export async function revokeToken(sql: Sql, tokenId: string): Promise<boolean> {
  const { rows } = await sql.query<{ id: string }>('update tokens set revoked_at = now() where id = $1 and revoked_at is null returning id', [tokenId]);
  return rows.length > 0;
}

const TOKEN = /^lens_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;

/** The caller a bearer token stands for, or null for a malformed, unknown, revoked or expired one. */
export async function authenticate(sql: Sql, header: string | undefined, now = new Date()): Promise<Caller | null> {
  const m = /^Bearer (\S+)$/.exec(header ?? '');
  const parts = m ? TOKEN.exec(m[1]!) : null;
  if (!parts) return null;
  const { rows } = await sql.query<{ hash: string; expires_at: string | Date | null; revoked_at: unknown; user_id: string; name: string; role: Role; team_id: string }>(
    `select t.hash, t.expires_at, t.revoked_at, u.id as user_id, u.name, u.role, u.team_id
       from tokens t join users u on u.id = t.user_id where t.id = $1`,
    [parts[1]],
  );
  const row = rows[0];
  if (!row || row.revoked_at) return null;
  if (row.expires_at && new Date(row.expires_at).getTime() <= now.getTime()) return null;
  const given = Buffer.from(sha256(parts[2]!), 'hex');
  const stored = Buffer.from(row.hash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  return { teamId: row.team_id, userId: row.user_id, userName: row.name, role: row.role, tokenId: parts[1]! };
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
  return sql.transaction(async (tx) => {
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
}
