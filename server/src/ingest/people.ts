import type { Sql } from '../db';
import { loadConfig } from './config';
import { ACTIVE_DAYS } from './rollup';
import { DAY_MS } from '../../../shared/dates/utc';

export interface Person {
  userId: string;
  name?: string;
  email?: string;
  firstActiveAt?: string;
  lastActiveAt?: string;
  lastEvent?: string;
  active: boolean;
}

const iso = (d: string | Date | null) => (d ? new Date(d).toISOString() : undefined);
const textOf = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 300) : undefined);

/**
 * An account's end users (those whose group is one of the account's keys)
 * with their last activity, newest first: how many are active in the last
 * 28 days, and when a named person (user id, e-mail or name) last was.
 * Null when the team holds no such account.
 */
export async function peopleOf(sql: Sql, teamId: string, accountId: string, now: Date, who?: string, limit = 200) {
  const account = await sql.query<{ record_id: string | null }>(`select data->>'recordId' as record_id from items where team_id = $1 and kind = 'accounts' and id = $2`, [teamId, accountId]);
  if (!account.rows[0]) return null;
  const config = await loadConfig(sql, teamId);
  const keys = [accountId, ...(account.rows[0].record_id ? [account.rows[0].record_id] : []), ...(config?.accounts[accountId]?.externalIds ?? [])];
  const since = new Date(now.getTime() - ACTIVE_DAYS * DAY_MS).toISOString();
  const counts = await sql.query<{ total: number; active: number }>(
    `select count(*)::int as total, count(*) filter (where last_seen >= $3 and last_seen <= $4)::int as active from end_users where team_id = $1 and group_id = any($2::text[])`,
    [teamId, keys, since, now.toISOString()],
  );
  const needle = who?.trim().toLowerCase() || null;
  const { rows } = await sql.query<{ user_id: string; traits: Record<string, unknown>; first_seen: string | Date | null; last_seen: string | Date | null; last_event: string | null }>(
    `select user_id, traits, first_seen, last_seen, last_event from end_users
      where team_id = $1 and group_id = any($2::text[])
        and ($3::text is null or lower(user_id) = $3 or lower(traits->>'email') = $3 or lower(traits->>'name') = $3
             or lower(concat_ws(' ', traits->>'firstName', traits->>'lastName')) = $3)
      order by last_seen desc nulls last, user_id limit $4`,
    [teamId, keys, needle, limit],
  );
  const people: Person[] = rows.map((r) => {
    const name = textOf(r.traits.name) ?? textOf([r.traits.firstName, r.traits.lastName].filter((x) => typeof x === 'string').join(' '));
    const email = textOf(r.traits.email);
    const last = iso(r.last_seen);
    return {
      userId: r.user_id, ...(name ? { name } : {}), ...(email ? { email } : {}),
      ...(iso(r.first_seen) ? { firstActiveAt: iso(r.first_seen) } : {}), ...(last ? { lastActiveAt: last } : {}),
      ...(r.last_event ? { lastEvent: r.last_event } : {}),
      active: !!last && last >= since && last <= now.toISOString(),
    };
  });
  const seats = config?.accounts[accountId]?.seats ?? config?.defaultSeats;
  return { accountId, users: Number(counts.rows[0]?.total ?? 0), activeUsers28d: Number(counts.rows[0]?.active ?? 0), ...(seats ? { seats } : {}), people };
}
