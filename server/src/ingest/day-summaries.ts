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
  for (const { day } of rows) {
    await sql.transaction(async (tx) => {
      if (tx.kind === 'postgres') await tx.query(`set local jit = off; set local work_mem = '256MB'`);
      // Taken first: events arriving meanwhile mark the day dirty again after this commits.
      await tx.query('update usage_days set dirty = false where team_id = $1 and day = $2::date', [teamId, day]);
      await tx.query('delete from usage_user_days where team_id = $1 and day = $2::date', [teamId, day]);
      await tx.query('delete from usage_event_days where team_id = $1 and day = $2::date', [teamId, day]);
      // Bounds as instants, so the planner reads that day's partition only.
      const range = `e.team_id = $1 and e.ts >= $3::timestamptz and e.ts < $4::timestamptz and e.type in ('track', 'page', 'screen')`;
      const start = utcMidnight(day);
      const bounds = [teamId, day, start.toISOString(), new Date(start.getTime() + DAY_MS).toISOString()];
      const grouped = `from events e left join end_users u on e.group_id is null and u.team_id = $1 and u.user_id = e.user_id where ${range} and coalesce(e.group_id, u.group_id) is not null`;
      await tx.query(`insert into usage_user_days (team_id, day, group_id, user_id) select $1, $2::date, coalesce(e.group_id, u.group_id), e.user_id ${grouped} and e.user_id is not null group by 3, 4`, bounds);
      await tx.query(`insert into usage_event_days (team_id, day, group_id, event, n, last) select $1, $2::date, coalesce(e.group_id, u.group_id), e.event, count(*), max(e.ts) ${grouped} and e.event is not null group by 3, 4`, bounds);
    });
  }
  return rows.length;
}
