import type { Sql } from '../db';

/** One of an account's key people as the usage data sees them on the rollup's day. */
export interface KeyPersonActivity {
  /** The person's key on the account (their id, else "name:" and the name): features/people/people.ts. */
  person: string;
  /** The last UTC day before the rollup's end on which they used the product under this account; none: known, not seen active. */
  lastActiveOn?: string;
}

/**
 * The key people of each account (the handover's keyPeople, those not marked
 * as left) matched to the product's end users by the e-mail address in their
 * contact, against the user's e-mail trait or user id; for each match, the
 * last day they were active under one of the account's group keys before
 * `to`. One query for the whole team: the map CTE is the rollup's.
 */
export async function keyPeopleActivity(sql: Sql, teamId: string, keys: string[], owners: string[], accountIds: string[], to: string): Promise<Map<string, KeyPersonActivity[]>> {
  const { rows } = await sql.query<{ account_id: string; person: string; last_day: string | null }>(
    `with map as (select * from unnest($2::text[], $3::text[]) as m(g, account_id)),
     kp as (
       select h.data->>'accountId' as account_id,
              coalesce(nullif(p->>'id', ''), 'name:' || lower(trim(p->>'name'))) as person,
              lower(substring(p->>'contact' from '[^[:space:]<>,;()"]+@[^[:space:]<>,;()"]+')) as email
         from items h
         cross join lateral jsonb_array_elements(case when jsonb_typeof(h.data->'keyPeople') = 'array' then h.data->'keyPeople' else '[]'::jsonb end) p
        where h.team_id = $1 and h.kind = 'handovers' and h.data->>'accountId' = any($4::text[])
          and coalesce(h.data->>'deleted', 'false') <> 'true' and jsonb_typeof(p) = 'object' and p->>'leftAt' is null
     )
     select kp.account_id, kp.person, max(d.day)::text as last_day
       from kp
       join end_users u on u.team_id = $1 and (lower(u.traits->>'email') = kp.email or lower(u.user_id) = kp.email)
       left join (usage_user_days d join map m on m.g = d.group_id)
              on d.team_id = $1 and d.user_id = u.user_id and m.account_id = kp.account_id and d.day < $5::date
      where kp.email is not null
      group by 1, 2
      order by 1, 2`,
    [teamId, keys, owners, accountIds, to.slice(0, 10)],
  );
  const out = new Map<string, KeyPersonActivity[]>();
  for (const r of rows) {
    const list = out.get(r.account_id) ?? [];
    list.push({ person: r.person, ...(r.last_day ? { lastActiveOn: r.last_day.slice(0, 10) } : {}) });
    out.set(r.account_id, list);
  }
  return out;
}
