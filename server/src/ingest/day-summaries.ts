import type { Sql } from '../db';
import { DAY_MS, utcDate, utcMidnight } from '../../../shared/dates/utc';

/**
 * Summarises each day in [from, to) that has no summary yet or got events since its last one: per group
 * (an event's groupId, else its user's group at this time) the users active and how often each event was
 * used. The rollup reads these, not the raw events: a day is read in full once, not once per rollup.
 */
export async function summariseDays(sql: Sql, teamId: string, from: Date, to: Date): Promise<number> {
  const { rows } = await sql.query<{ day: string }>(
    `select to_char(d, 'YYYY-MM-DD') as day from generate_series($2::date, $3::date - 1, interval '1 day') d
      where not exists (select 1 from usage_days u where u.team_id = $1 and u.day = d::date and not u.dirty)
        and exists (select 1 from usage_days u where u.team_id = $1 and u.day = d::date)`,
    [teamId, utcDate(from), utcDate(to)],
  );
  // Days are apart (each has its own rows and partition): PostgreSQL summarises a few at once, one per connection.
  const days = rows.map((r) => r.day);
  const lanes = sql.kind === 'postgres' ? Math.min(SUMMARY_LANES, days.length) : 1;
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async () => {
    while (next < days.length) await summariseDay(sql, teamId, days[next++]!);
  }));
  return rows.length;
}

/** Days summarised at once on PostgreSQL. */
const SUMMARY_LANES = 3;

async function summariseDay(sql: Sql, teamId: string, day: string): Promise<void> {
  await sql.transaction(async (tx) => {
    if (tx.kind === 'postgres') await tx.query(`set local jit = off; set local work_mem = '256MB'`);
    // Taken first: events arriving meanwhile mark the day dirty again after this commits.
    await tx.query('update usage_days set dirty = false where team_id = $1 and day = $2::date', [teamId, day]);
    await tx.query('delete from usage_user_days where team_id = $1 and day = $2::date', [teamId, day]);
    await tx.query('delete from usage_event_days where team_id = $1 and day = $2::date', [teamId, day]);
    // Bounds as instants, so the planner reads that day's partition only; the day's events are read once for both summaries.
    const start = utcMidnight(day);
    await tx.query(
      `with g as materialized (
         select coalesce(e.group_id, u.group_id) as group_id, e.user_id, e.event, e.ts
           from events e left join end_users u on e.group_id is null and u.team_id = $1 and u.user_id = e.user_id
          where e.team_id = $1 and e.ts >= $3::timestamptz and e.ts < $4::timestamptz and e.type in ('track', 'page', 'screen')
            and coalesce(e.group_id, u.group_id) is not null),
       users as (insert into usage_user_days (team_id, day, group_id, user_id)
                 select $1, $2::date, group_id, user_id from g where user_id is not null group by 3, 4)
       insert into usage_event_days (team_id, day, group_id, event, n, last)
       select $1, $2::date, group_id, event, count(*), max(ts) from g where event is not null group by 3, 4`,
      [teamId, day, start.toISOString(), new Date(start.getTime() + DAY_MS).toISOString()],
    );
  });
}
