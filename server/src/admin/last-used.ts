import type { Sql } from '../db';

/** A token's or key's last use is written at most this often: a sign-in otherwise costs no write. */
export const LAST_USED_EVERY_MS = 60_000;

type Table = 'tokens' | 'ingest_keys';
const noted = new WeakMap<Sql, Map<string, number>>();
const MAX_NOTED = 10_000;

/**
 * Records that a token (or ingest key) was just used. This process writes
 * it at most once a minute per id, and the update itself skips a row
 * written in the last minute, so several servers add at most one write a
 * minute each. A failed write is not the request's failure.
 */
export async function noteUse(sql: Sql, table: Table, id: string, now: Date): Promise<void> {
  let seen = noted.get(sql);
  if (!seen) noted.set(sql, (seen = new Map()));
  const key = `${table}:${id}`;
  const last = seen.get(key);
  if (last !== undefined && now.getTime() - last < LAST_USED_EVERY_MS && now.getTime() >= last) return;
  seen.delete(key);
  while (seen.size >= MAX_NOTED) seen.delete(seen.keys().next().value!);
  seen.set(key, now.getTime());
  const at = now.toISOString();
  await sql
    .query(`update ${table} set last_used_at = $2 where id = $1 and (last_used_at is null or last_used_at <= $3::timestamptz)`, [
      id, at, new Date(now.getTime() - LAST_USED_EVERY_MS).toISOString(),
    ])
    .catch(() => undefined);
}
