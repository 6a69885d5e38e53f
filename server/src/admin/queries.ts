import type { Role } from '../auth';
import type { Sql } from '../db';

/**
 * What the admin page reads and changes, each scoped to the manager's team.
 * No answer carries a secret: tokens and keys are listed by id (their hash
 * stays in the database), channels by name, kind and a summary.
 */

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

export interface Person {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  /** Tokens that still work (neither revoked nor expired), not counting single sign-on sessions. */
  activeTokens: number;
  /** Browsers signed in through single sign-on now. */
  sessions: number;
  /** The e-mail address the team's provider verified, once they signed in with it. */
  email: string | null;
}

export async function listPeople(sql: Sql, teamId: string, now: Date): Promise<Person[]> {
  const { rows } = await sql.query<{ id: string; name: string; role: Role; created_at: unknown; email: string | null; active: string | number; sessions: string | number }>(
    `select u.id, u.name, u.role, u.created_at, u.email,
       (select count(*) from tokens t where t.user_id = u.id and t.session_id is null and t.revoked_at is null and (t.expires_at is null or t.expires_at > $2)) as active,
       (select count(*) from sso_sessions s where s.user_id = u.id and s.revoked_at is null and s.expires_at > $2) as sessions
     from users u where u.team_id = $1 order by u.name`,
    [teamId, now.toISOString()],
  );
  return rows.map((r) => ({
    id: r.id, name: r.name, role: r.role, createdAt: iso(r.created_at)!, activeTokens: Number(r.active), sessions: Number(r.sessions), email: r.email ?? null,
  }));
}

/** Changes a person's role: 'missing' when the team has no such person, 'last_manager' when it would leave the team without one. */
export async function setRole(sql: Sql, teamId: string, userId: string, role: Role): Promise<Person['role'] | 'missing' | 'last_manager'> {
  return sql.transaction(async (tx) => {
    const found = await tx.query<{ role: Role }>('select role from users where team_id = $1 and id = $2 for update', [teamId, userId]);
    const current = found.rows[0]?.role;
    if (!current) return 'missing';
    if (current === 'manager' && role !== 'manager') {
      const { rows } = await tx.query<{ n: string | number }>("select count(*) as n from users where team_id = $1 and role = 'manager'", [teamId]);
      if (Number(rows[0]!.n) <= 1) return 'last_manager';
    }
    await tx.query('update users set role = $1 where team_id = $2 and id = $3', [role, teamId, userId]);
    return role;
  });
}

export interface TokenListing {
  id: string;
  userId: string;
  user: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listTokens(sql: Sql, teamId: string): Promise<TokenListing[]> {
  const { rows } = await sql.query<{ id: string; user_id: string; name: string; created_at: unknown; expires_at: unknown; last_used_at: unknown; revoked_at: unknown }>(
    `select t.id, t.user_id, u.name, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
     from tokens t join users u on u.id = t.user_id where u.team_id = $1 and t.session_id is null
     order by t.revoked_at is not null, t.created_at desc, t.id limit 1000`,
    [teamId],
  );
  return rows.map((r) => ({
    id: r.id, userId: r.user_id, user: r.name, createdAt: iso(r.created_at)!, expiresAt: iso(r.expires_at), lastUsedAt: iso(r.last_used_at), revokedAt: iso(r.revoked_at),
  }));
}

/** Whether the token belongs to someone in the team (revoked or not). */
export async function tokenInTeam(sql: Sql, teamId: string, tokenId: string): Promise<{ revoked: boolean } | null> {
  const { rows } = await sql.query<{ revoked_at: unknown }>('select t.revoked_at from tokens t join users u on u.id = t.user_id where t.id = $1 and u.team_id = $2', [tokenId, teamId]);
  return rows[0] ? { revoked: rows[0].revoked_at !== null } : null;
}

export interface IngestKeyListing {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export async function listIngestKeys(sql: Sql, teamId: string): Promise<IngestKeyListing[]> {
  const { rows } = await sql.query<{ id: string; name: string; created_at: unknown; last_used_at: unknown; revoked_at: unknown }>(
    `select id, name, created_at, last_used_at, revoked_at from ingest_keys where team_id = $1
     order by revoked_at is not null, created_at desc, id limit 1000`,
    [teamId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: iso(r.created_at)!, lastUsedAt: iso(r.last_used_at), revokedAt: iso(r.revoked_at) }));
}

/** Revokes one of the team's ingest keys: 'missing' for another team's or an unknown key, 'already' for a revoked one. */
export async function revokeTeamIngestKey(sql: Sql, teamId: string, id: string): Promise<'revoked' | 'already' | 'missing'> {
  const { rows } = await sql.query<{ revoked_at: unknown }>('select revoked_at from ingest_keys where id = $1 and team_id = $2', [id, teamId]);
  if (!rows[0]) return 'missing';
  if (rows[0].revoked_at !== null) return 'already';
  await sql.query('update ingest_keys set revoked_at = now() where id = $1 and team_id = $2 and revoked_at is null', [id, teamId]);
  return 'revoked';
}

export interface AuditItem {
  at: string;
  by: string;
  role: string;
  kind: string;
  id: string;
  accountId: string | null;
  actions: string[];
}

/** The team's accepted writes, newest first, `limit` at a time; `before` is the position the last page ended at. */
export async function auditLog(sql: Sql, teamId: string, limit: number, before: number | null): Promise<{ items: AuditItem[]; next: string | null }> {
  const { rows } = await sql.query<{ n: string | number; changed_at: unknown; user_name: string; role: string; kind: string; id: string; account_id: string | null; actions: string }>(
    `select n, changed_at, user_name, role, kind, id, data->>'accountId' as account_id, actions from record_history
     where team_id = $1 and ($2::bigint is null or n < $2::bigint) order by n desc limit $3`,
    [teamId, before, limit + 1],
  );
  const page = rows.slice(0, limit);
  const items = page.map((r) => ({ at: iso(r.changed_at)!, by: r.user_name, role: r.role, kind: r.kind, id: r.id, accountId: r.account_id, actions: r.actions.split(',') }));
  return { items, next: rows.length > limit ? `h${page.at(-1)!.n}` : null };
}
