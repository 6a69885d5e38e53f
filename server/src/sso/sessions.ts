import { timingSafeEqual } from 'node:crypto';
import { createToken, randomId, sha256, tokenCache, type Role } from '../auth';
import type { Sql } from '../db';
import type { SsoConfig } from './config';
import type { VerifiedPerson } from './verify';

/**
 * Sessions the server issues after a verified sign-in: a short-lived access
 * token (an ordinary `lens_` token that names its session) and a refresh
 * token `lensr_<session>_<secret>` that is replaced on every use. A refresh
 * token presented a second time ends the session: the copy is in someone
 * else's hands. Ending a session revokes its access tokens, which every
 * server process stops trusting within its token cache's time to live.
 */
export interface Issued {
  accessToken: string;
  refreshToken: string;
  expiresAt: string;
  user: { name: string; role: Role; team: string };
}

const REFRESH = /^lensr_([A-Za-z0-9_-]{16})_([A-Za-z0-9_-]{43})$/;
const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

/** The person the verified token stands for: found by their identity at the provider, else by e-mail, else created with the default role. */
export async function provision(sql: Sql, config: SsoConfig, person: VerifiedPerson): Promise<{ userId: string; name: string; role: Role }> {
  return sql.transaction(async (tx) => {
    await tx.query('insert into teams (id, name) values ($1, $1) on conflict (id) do nothing', [config.team]);
    type Row = { id: string; name: string; role: Role };
    const bySubject = await tx.query<Row>('select id, name, role from users where team_id = $1 and sso_subject = $2', [config.team, person.subject]);
    const known = bySubject.rows[0];
    if (known) {
      await tx.query('update users set email = $1 where id = $2', [person.email, known.id]);
      return { userId: known.id, name: known.name, role: known.role };
    }
    // Someone given a token before single sign-on (by e-mail) keeps their name, role and records.
    const byEmail = await tx.query<Row>(
      'select id, name, role from users where team_id = $1 and sso_subject is null and (email = $2 or lower(name) = $2) order by email = $2 desc limit 1', [config.team, person.email]);
    const earlier = byEmail.rows[0];
    if (earlier) {
      await tx.query('update users set sso_subject = $1, email = $2 where id = $3', [person.subject, person.email, earlier.id]);
      return { userId: earlier.id, name: earlier.name, role: earlier.role };
    }
    // Named as the CRM names owners when the name is free; two people with one name are told apart by e-mail.
    const taken = await tx.query('select 1 from users where team_id = $1 and name = $2', [config.team, person.name]);
    const name = taken.rows.length ? person.email : person.name;
    const userId = `u_${randomId(9)}`;
    await tx.query('insert into users (id, team_id, name, role, sso_subject, email) values ($1, $2, $3, $4, $5, $6)', [userId, config.team, name, config.role, person.subject, person.email]);
    return { userId, name, role: config.role };
  });
}

async function accessFor(sql: Sql, config: SsoConfig, sessionId: string, user: { userId: string; name: string; role: Role }, refreshToken: string, now: Date): Promise<Issued> {
  const expiresAt = new Date(now.getTime() + config.accessMs);
  const { token } = await createToken(sql, user.userId, { expiresAt, sessionId });
  return { accessToken: token, refreshToken, expiresAt: expiresAt.toISOString(), user: { name: user.name, role: user.role, team: config.team } };
}

export async function startSession(sql: Sql, config: SsoConfig, user: { userId: string; name: string; role: Role }, now: Date): Promise<Issued> {
  const id = randomId(12);
  const secret = randomId(32);
  await sql.query('insert into sso_sessions (id, user_id, refresh_hash, created_at, expires_at) values ($1, $2, $3, $4, $5)',
    [id, user.userId, sha256(secret), now.toISOString(), new Date(now.getTime() + config.sessionMs).toISOString()]);
  return accessFor(sql, config, id, user, `lensr_${id}_${secret}`, now);
}

/** A new access token and refresh token for a live session, or null when the session has ended (and it ends now if the token was used before). */
export async function refreshSession(sql: Sql, config: SsoConfig, refreshToken: string, now: Date): Promise<Issued | null> {
  const parts = REFRESH.exec(refreshToken);
  if (!parts) return null;
  const [, id, secret] = parts as unknown as [string, string, string];
  const given = sha256(secret);
  const { rows } = await sql.query<{ refresh_hash: string; previous_hash: string | null; expires_at: unknown; revoked_at: unknown; user_id: string; name: string; role: Role; team_id: string }>(
    `select s.refresh_hash, s.previous_hash, s.expires_at, s.revoked_at, u.id as user_id, u.name, u.role, u.team_id
     from sso_sessions s join users u on u.id = s.user_id where s.id = $1`, [id]);
  const row = rows[0];
  if (!row || row.revoked_at || new Date(row.expires_at as string).getTime() <= now.getTime() || row.team_id !== config.team) return null;
  if (!sameHash(given, row.refresh_hash)) {
    if (row.previous_hash && sameHash(given, row.previous_hash)) await endSession(sql, id);
    return null;
  }
  const next = randomId(32);
  // Only one of two refreshes racing with the same token wins; the other sees no row and fails.
  const swapped = await sql.query('update sso_sessions set previous_hash = refresh_hash, refresh_hash = $1, refreshed_at = $2 where id = $3 and refresh_hash = $4 and revoked_at is null returning id',
    [sha256(next), now.toISOString(), id, given]);
  if (swapped.rows.length === 0) return null;
  return accessFor(sql, config, id, { userId: row.user_id, name: row.name, role: row.role }, `lensr_${id}_${next}`, now);
}

/** Ends a session and revokes its access tokens; answers whether it was live. */
export async function endSession(sql: Sql, sessionId: string): Promise<boolean> {
  const ended = await sql.transaction(async (tx) => {
    const { rows } = await tx.query<{ user_id: string }>('update sso_sessions set revoked_at = now() where id = $1 and revoked_at is null returning user_id', [sessionId]);
    await tx.query('update tokens set revoked_at = now() where session_id = $1 and revoked_at is null', [sessionId]);
    return rows[0]?.user_id;
  });
  if (ended) tokenCache.forgetUser(ended);
  return ended !== undefined;
}

/** Signs a person out everywhere (a manager's action): answers how many sessions ended. */
export async function endSessionsOf(sql: Sql, userId: string): Promise<number> {
  const { rows } = await sql.query<{ id: string }>('select id from sso_sessions where user_id = $1 and revoked_at is null', [userId]);
  let n = 0;
  for (const r of rows) if (await endSession(sql, r.id)) n++;
  return n;
}

/** The session a refresh token names, when its secret is the current one (sign-out needs no more). */
export async function sessionOf(sql: Sql, refreshToken: string): Promise<string | null> {
  const parts = REFRESH.exec(refreshToken);
  if (!parts) return null;
  const { rows } = await sql.query<{ refresh_hash: string }>('select refresh_hash from sso_sessions where id = $1', [parts[1]]);
  return rows[0] && sameHash(sha256(parts[2]!), rows[0].refresh_hash) ? parts[1]! : null;
}
