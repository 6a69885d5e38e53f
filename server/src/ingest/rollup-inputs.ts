import type { HealthInputs } from '../../../data/model/records';
import type { Sql } from '../db';
import { summariseDays } from './day-summaries';
import { keyPeopleActivity, type KeyPersonActivity } from './key-people';
import type { IngestConfig } from './schemas';
import { DAY_MS, utcMidnight } from '../../../shared/dates/utc';

/** The inputs the daily rollup computes for each account (rollup.ts writes them as snapshots). */
/** Active users, core adoption and breadth look at the 28 days ending with the day. */
export const ACTIVE_DAYS = 28;
/** Tickets and NPS look at the 90 days ending with the day. */
export const SUPPORT_DAYS = 90;

/** What the rollup found besides the scored inputs: sent with the snapshot, for the panel to explain it. */
export interface UsageDetail {
  activeUsers: number;
  knownUsers: number;
  seats?: number;
  coreEventsUsed: string[];
  modulesUsed: string[];
  keyAction?: { event: string; weeksDone: number; weeks: number; lastAt?: string };
  ticketsHighPriority90d?: number;
  ticketResolutionHoursMedian?: number;
  npsResponses?: number;
  /** The account's key people found among its end users, with their last active day (key-people.ts). */
  keyPeople?: KeyPersonActivity[];
}

export interface AccountRollup {
  accountId: string;
  inputs: HealthInputs;
  usage: UsageDetail;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The group keys that name each account: its CRM record id, its own id, and the external ids configured. */
async function accountKeys(sql: Sql, teamId: string, config: IngestConfig, onlyAccount?: string) {
  const { rows } = await sql.query<{ id: string; record_id: string | null }>(
    `select id, data->>'recordId' as record_id from items where team_id = $1 and kind = 'accounts' and ($2::text is null or id = $2)`,
    [teamId, onlyAccount ?? null],
  );
  const keys = new Map<string, string>();
  for (const r of rows) {
    keys.set(r.id, r.id);
    if (r.record_id) keys.set(r.record_id, r.id);
  }
  const ids = new Set(rows.map((r) => r.id));
  for (const [accountId, a] of Object.entries(config.accounts)) if (ids.has(accountId)) for (const x of a.externalIds ?? []) keys.set(x, accountId);
  return { accountIds: [...ids], keys: [...keys.keys()], owners: [...keys.values()] };
}

/** Per account, the inputs for `day` from what is stored (no writes): the rule, in one place. */
export async function computeRollup(sql: Sql, teamId: string, day: string, config: IngestConfig, onlyAccount?: string): Promise<AccountRollup[]> {
  const to = utcMidnight(day).getTime() + DAY_MS;
  if (Number.isNaN(to)) throw new Error(`not a day: ${day}`);
  const weeks = config.keyAction?.weeks ?? 4;
  const from = new Date(to - Math.max(ACTIVE_DAYS, weeks * 7) * DAY_MS).toISOString();
  const from90 = new Date(to - SUPPORT_DAYS * DAY_MS).toISOString();
  const from28 = new Date(to - ACTIVE_DAYS * DAY_MS).toISOString();
  const toIso = new Date(to).toISOString();
  const { accountIds, keys, owners } = await accountKeys(sql, teamId, config, onlyAccount);
  if (accountIds.length === 0) return [];
  const moduleOf = new Map<string, string[]>();
  for (const [m, evs] of Object.entries(config.modules)) for (const e of evs) moduleOf.set(e, [...(moduleOf.get(e) ?? []), m]);
  const tracked = [...new Set([...config.coreEvents, ...moduleOf.keys(), ...(config.keyAction ? [config.keyAction.event] : [])])];
  const map = `map as (select * from unnest($2::text[], $3::text[]) as m(g, account_id))`;
  // An event reaches an account through its groupId, or else through the group its user belongs to.
  await summariseDays(sql, teamId, new Date(from), new Date(to));
  // Over the day summaries: users active in the 28 days, tracked events used in the 28 days, key actions per week.
  const usage = await sql.transaction(async (tx) => {
    if (tx.kind === 'postgres') await tx.query(`set local jit = off; set local work_mem = '256MB'`);
    return tx.query<{ k: string; account_id: string; ev: string | null; wk: number | null; n: number; last: string | Date | null }>(
      `with ${map},
       users as (select group_id, user_id from usage_user_days where team_id = $1 and day >= $8::date and day < $5::date group by 1, 2)
       select 'u' as k, m.account_id, null::text as ev, null::int as wk, count(distinct u.user_id)::int as n, null::timestamptz as last
         from users u join map m on m.g = u.group_id group by m.account_id
       union all
       select 'e', m.account_id, d.event, null, sum(d.n)::int, null from usage_event_days d join map m on m.g = d.group_id
        where d.team_id = $1 and d.day >= $8::date and d.day < $5::date and d.event = any($6::text[]) group by m.account_id, d.event
       union all
       select 'k', m.account_id, null, floor(($5::date - d.day - 1) / 7)::int, sum(d.n)::int, max(d.last) from usage_event_days d join map m on m.g = d.group_id
        where d.team_id = $1 and d.day >= $4::date and d.day < $5::date and d.event = $7 group by 2, 4`,
      [teamId, keys, owners, from.slice(0, 10), toIso.slice(0, 10), tracked, config.keyAction?.event ?? null, from28.slice(0, 10)],
    );
  });
  const known = await sql.query<{ account_id: string; n: number }>(
    `with ${map} select m.account_id, count(*)::int as n from end_users u join map m on m.g = u.group_id
       where u.team_id = $1 and (u.first_seen is null or u.first_seen < $4) group by 1`,
    [teamId, keys, owners, toIso],
  );
  const tickets = await sql.query<{ account_id: string; opened: number; high: number; median_hours: number | null }>(
    `with ${map}
     select m.account_id,
            count(*) filter (where coalesce(t.opened_at, t.solved_at) >= $4)::int as opened,
            count(*) filter (where coalesce(t.opened_at, t.solved_at) >= $4 and t.priority in ('high', 'urgent'))::int as high,
            percentile_cont(0.5) within group (order by extract(epoch from (t.solved_at - t.opened_at)) / 3600)
              filter (where t.solved_at >= $4 and t.solved_at < $5 and t.opened_at is not null) as median_hours
       from tickets t
       left join end_users u on t.group_id is null and u.team_id = $1 and u.user_id = t.user_id
       join map m on m.g = coalesce(t.group_id, u.group_id)
      where t.team_id = $1 and coalesce(t.opened_at, t.solved_at) < $5
        and (coalesce(t.opened_at, t.solved_at) >= $4 or t.solved_at >= $4)
      group by 1`,
    [teamId, keys, owners, from90, toIso],
  );
  const anyTickets = (await sql.query('select 1 from tickets where team_id = $1 limit 1', [teamId])).rows.length > 0;
  // NPS: each respondent's latest answer in the 90 days; promoters (9–10) minus detractors (0–6), in points.
  const nps = await sql.query<{ account_id: string; n: number; promoters: number; detractors: number }>(
    `with ${map}
     select account_id, count(*)::int as n, count(*) filter (where score >= 9)::int as promoters, count(*) filter (where score <= 6)::int as detractors
       from (select distinct on (m.account_id, coalesce(r.user_id, r.response_id)) m.account_id, r.score
               from nps_responses r
               left join end_users u on r.group_id is null and u.team_id = $1 and u.user_id = r.user_id
               join map m on m.g = coalesce(r.group_id, u.group_id)
              where r.team_id = $1 and r.responded_at >= $4 and r.responded_at < $5
              order by m.account_id, coalesce(r.user_id, r.response_id), r.responded_at desc) x
      group by account_id`,
    [teamId, keys, owners, from90, toIso],
  );

  const people = await keyPeopleActivity(sql, teamId, keys, owners, accountIds, toIso);

  type Acc = { active: number; known: number; events: Set<string>; keyWeeks: Map<number, number>; keyLast?: Date; tickets?: (typeof tickets.rows)[number]; nps?: (typeof nps.rows)[number] };
  const byAccount = new Map<string, Acc>();
  const acc = (id: string) => {
    let a = byAccount.get(id);
    if (!a) byAccount.set(id, (a = { active: 0, known: 0, events: new Set(), keyWeeks: new Map() }));
    return a;
  };
  for (const r of usage.rows) {
    const a = acc(r.account_id);
    if (r.k === 'u') a.active = Number(r.n);
    else if (r.k === 'e' && r.ev) a.events.add(r.ev);
    else if (r.k === 'k' && r.wk !== null) {
      a.keyWeeks.set(Number(r.wk), Number(r.n));
      const last = r.last ? new Date(r.last) : undefined;
      if (last && (!a.keyLast || last > a.keyLast)) a.keyLast = last;
    }
  }
  for (const r of known.rows) acc(r.account_id).known = Number(r.n);
  for (const r of tickets.rows) acc(r.account_id).tickets = r;
  for (const r of nps.rows) acc(r.account_id).nps = r;

  const modules = Object.keys(config.modules);
  const out: AccountRollup[] = [];
  for (const [accountId, a] of byAccount) {
    const seats = config.accounts[accountId]?.seats ?? config.defaultSeats;
    const core = config.coreEvents.filter((e) => a.events.has(e));
    const used = modules.filter((m) => config.modules[m]!.some((e) => a.events.has(e)));
    const inputs: HealthInputs = {};
    if (seats) inputs.activeUserRate = Math.min(100, round1((100 * a.active) / seats));
    if (config.coreEvents.length) inputs.coreFeatureAdoption = round1((100 * core.length) / config.coreEvents.length);
    if (modules.length) inputs.moduleBreadth = round1((100 * used.length) / modules.length);
    if (anyTickets) inputs.tickets90d = Number(a.tickets?.opened ?? 0);
    // How fast they are solved feeds the tickets' share of the score beside the count.
    if (a.tickets && a.tickets.median_hours !== null) inputs.ticketResolutionHours = round1(Number(a.tickets.median_hours));
    if (a.nps && Number(a.nps.n) > 0) inputs.nps = round1((100 * (Number(a.nps.promoters) - Number(a.nps.detractors))) / Number(a.nps.n));
    const detail: UsageDetail = { activeUsers: a.active, knownUsers: a.known, ...(seats ? { seats } : {}), coreEventsUsed: core, modulesUsed: used };
    if (config.keyAction) {
      const { event, weeks: w, timesPerWeek } = config.keyAction;
      let done = 0;
      for (let i = 0; i < w; i++) if ((a.keyWeeks.get(i) ?? 0) >= timesPerWeek) done++;
      detail.keyAction = { event, weeksDone: done, weeks: w, ...(a.keyLast ? { lastAt: a.keyLast.toISOString() } : {}) };
    }
    if (a.tickets) {
      detail.ticketsHighPriority90d = Number(a.tickets.high);
      if (a.tickets.median_hours !== null) detail.ticketResolutionHoursMedian = round1(Number(a.tickets.median_hours));
    }
    if (a.nps) detail.npsResponses = Number(a.nps.n);
    const keyPeople = people.get(accountId);
    if (keyPeople) detail.keyPeople = keyPeople;
    out.push({ accountId, inputs, usage: detail });
  }
  return out.sort((x, y) => (x.accountId < y.accountId ? -1 : 1));
}
