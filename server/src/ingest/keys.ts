import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Sql } from '../db';

/**
 * A team's ingest key reads `lensik_<id>_<secret>`: it may post events,
 * tickets and NPS responses for its team and nothing else (no reads, no
 * records). Stored as the SHA-256 of its secret, shown once, revoked like a
 * token. Its prefix differs from a person's token (`lens_`), so neither can
 * pass for the other.
 */
const KEY = /^lensik_([A-Za-z0-9_-]{12})_([A-Za-z0-9_-]{43})$/;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export interface IngestCaller {
  teamId: string;
  keyId: string;
}

export async function createIngestKey(sql: Sql, teamId: string, name: string): Promise<{ id: string; key: string }> {
  await sql.query('insert into teams (id, name) values ($1, $1) on conflict (id) do nothing', [teamId]);
  const id = randomBytes(9).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  await sql.query('insert into ingest_keys (id, team_id, name, hash) values ($1, $2, $3, $4)', [id, teamId, name, sha256(secret)]);
  return { id, key: `lensik_${id}_${secret}` };
}

export async function revokeIngestKey(sql: Sql, id: string): Promise<boolean> {
  const { rows } = await sql.query('update ingest_keys set revoked_at = now() where id = $1 and revoked_at is null returning id', [id]);
  return rows.length > 0;
}

/**
 * The ingest key a request carries, if it carries one: as a bearer token, or
 * as the user name of Basic authentication with an empty password (how
 * Segment's HTTP API and most forwarders send a write key).
 */
export function ingestKeyOf(header: string | undefined): string | null {
  const bearer = /^Bearer (lensik_\S+)$/.exec(header ?? '');
  if (bearer) return bearer[1]!;
  const basic = /^Basic ([A-Za-z0-9+/=]{1,400})$/.exec(header ?? '');
  if (!basic) return null;
  const [user] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(':');
  return user?.startsWith('lensik_') ? user : null;
}

/** The team of a valid, unrevoked ingest key, or null. */
export async function authenticateIngestKey(sql: Sql, key: string): Promise<IngestCaller | null> {
  const parts = KEY.exec(key);
  if (!parts) return null;
  const { rows } = await sql.query<{ hash: string; team_id: string; revoked_at: unknown }>('select hash, team_id, revoked_at from ingest_keys where id = $1', [parts[1]]);
  const row = rows[0];
  if (!row || row.revoked_at) return null;
  const given = Buffer.from(sha256(parts[2]!), 'hex');
  const stored = Buffer.from(row.hash, 'hex');
  if (given.length !== stored.length || !timingSafeEqual(given, stored)) return null;
  return { teamId: row.team_id, keyId: parts[1]! };
}
