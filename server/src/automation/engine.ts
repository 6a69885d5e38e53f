import { randomBytes } from 'node:crypto';
import type { Account } from '../../../data/model/account';
import type { Handover, Milestone, ServicePlan } from '../../../data/model/records';
import type { ChannelKind } from '../../../features/channels/schemas';
import type { AutomationRuleName, ScheduledMessage } from '../../../features/channels/scheduled';
import { addMonths, monthOf, ruleOf, serviceDayIn } from '../../../shared/dates/calendar';
import type { Caller } from '../auth';
import { queueDelivery } from '../channels/deliveries';
import { listChannels } from '../channels/store';
import type { Sql } from '../db';
import type { Log } from '../log';
import { localClock, reportReminderMessage, welcomeMessage, type Outgoing } from './messages';
import { enabledRules, type AutomationRule } from './rules';

/**
 * The rule engine, run by the delivery worker at each tick with the tick's
 * `now`. It reads what happened (accepted handovers on the team's change
 * feed; the team's calendar day for reports due), schedules one message per
 * occasion (a job keyed by the handover, or by the account and month, so a
 * second push, a second device or a second server changes nothing), and at
 * each job's due time hands it to the delivery queue, which sends it.
 */

/** A welcome for an acceptance older than this is not sent: the server learnt of it too late for a welcome. */
export const WELCOME_STALE_MS = 24 * 3_600_000;
/** Handovers read from a team's feed at one tick. */
const FEED_PAGE = 500;

type Data = Record<string, unknown>;
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());
const live = (d: Data) => d.deleted !== true;

interface JobRow {
  id: string; team_id: string; rule: string; key: string; account_id: string; channel: string; kind: ChannelKind;
  subject: string | null; body: string; recipients: unknown; due_at: unknown; state: ScheduledMessage['state'];
  note: string | null; delivery_id: string | null; delivery_state?: string | null; created_at: unknown; updated_at: unknown;
}

export function toScheduled(r: JobRow): ScheduledMessage {
  return {
    id: r.id, rule: r.rule as AutomationRuleName, accountId: r.account_id, channel: r.channel, kind: r.kind, subject: r.subject, text: r.body,
    to: Array.isArray(r.recipients) ? (r.recipients as string[]) : (JSON.parse(String(r.recipients)) as string[]),
    dueAt: iso(r.due_at)!, state: r.state, note: r.note, deliveryId: r.delivery_id, deliveryState: r.delivery_state ?? null,
    createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)!,
  };
}

/** Records one occasion's message; a second time for the same key is nothing. Answers whether it was new. */
async function addJob(sql: Sql, job: { teamId: string; rule: AutomationRuleName; key: string; accountId: string; channel: string; kind: ChannelKind; dueAt: Date }, out: Outgoing, now: Date): Promise<boolean> {
  const id = `auto_${randomBytes(12).toString('base64url')}`;
  const { rows } = await sql.query(
    `insert into automation_jobs (id, team_id, rule, key, account_id, channel, kind, subject, body, recipients, due_at, state, note, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
     on conflict (team_id, rule, key) do nothing returning id`,
    [id, job.teamId, job.rule, job.key, job.accountId, job.channel, job.kind, out.ok ? out.subject : null, out.ok ? out.text : '', JSON.stringify(out.ok ? out.to : []),
      job.dueAt.toISOString(), out.ok ? 'scheduled' : 'skipped', out.ok ? null : out.why, now.toISOString()],
  );
  return rows.length > 0;
}

async function channelKind(sql: Sql, teamId: string, name: string): Promise<ChannelKind | null> {
  return (await listChannels(sql, teamId)).find((c) => c.name === name)?.kind ?? null;
}

const noChannel = (name: string): Outgoing => ({ ok: false, why: `the team has no channel ${name}: npm run server -- channels set, then automation set again` });

async function accountRecords(sql: Sql, teamId: string, accountId: string) {
  const { rows } = await sql.query<{ kind: string; data: Data }>(
    `select kind, data from items where team_id = $1 and account_id = $2 and kind in ('accounts', 'plans', 'milestones') order by seq`, [teamId, accountId],
  );
  const of = (kind: string) => rows.filter((r) => r.kind === kind && live(r.data)).map((r) => r.data);
  return {
    account: of('accounts').find((a) => a.id === accountId) as unknown as Account | undefined,
    plan: of('plans').at(-1) as unknown as ServicePlan | undefined,
    milestones: of('milestones') as unknown as Milestone[],
  };
}

/** Welcomes for handovers accepted since the team's feed was last read (after the rule was turned on). */
async function scheduleWelcomes(sql: Sql, log: Log, rule: AutomationRule & { teamId: string; feedSeq: number }, now: Date): Promise<number> {
  const end = Number((await sql.query<{ s: string | number | null }>('select max(seq) as s from items where team_id = $1', [rule.teamId])).rows[0]?.s ?? 0);
  // Writers of a team commit in feed order (store/write.ts, lockFeed): every position up to `end` is already visible.
  const { rows } = await sql.query<{ data: Data; seq: string | number }>(
    `select data, seq from items where team_id = $1 and kind = 'handovers' and seq > $2 and seq <= $3 order by seq limit $4`,
    [rule.teamId, rule.feedSeq, end, FEED_PAGE],
  );
  let added = 0;
  for (const { data } of rows) {
    const handover = data as unknown as Handover;
    if (handover.status !== 'accepted' || !live(data) || !handover.decidedAt || !rule.enabledAt || handover.decidedAt < rule.enabledAt) continue;
    const decided = new Date(handover.decidedAt);
    const dueAt = new Date(decided.getTime() + rule.delayMinutes * 60_000);
    const records = await accountRecords(sql, rule.teamId, handover.accountId);
    if (!records.account) continue;
    const kind = await channelKind(sql, rule.teamId, rule.channel);
    const language = records.plan?.language ?? rule.language;
    const out: Outgoing = !kind
      ? noChannel(rule.channel)
      : now.getTime() - decided.getTime() > WELCOME_STALE_MS
        ? { ok: false, why: 'the server learnt of the acceptance more than a day after it: too late for a welcome' }
        : welcomeMessage({ kind, account: records.account, handover, milestones: records.milestones, plan: records.plan, language, today: localClock(dueAt, rule.timeZone).date });
    const job = { teamId: rule.teamId, rule: 'welcome' as const, key: handover.id, accountId: handover.accountId, channel: rule.channel, kind: kind ?? 'email', dueAt };
    if (await addJob(sql, job, out, now)) {
      added++;
      log('info', 'automation', { rule: 'welcome', team: rule.teamId, account: handover.accountId, outcome: out.ok ? 'scheduled' : 'skipped', dueAt: dueAt.toISOString(), ...(out.ok ? {} : { why: out.why }) });
    }
  }
  const read = rows.length === FEED_PAGE ? Number(rows.at(-1)!.seq) : end;
  await sql.query(`update automation_rules set feed_seq = greatest(feed_seq, $3) where team_id = $1 and rule = $2`, [rule.teamId, 'welcome', read]);
  return added;
}

/**
 * On the team's calendar day, from the rule's hour: a reminder for each live
 * account whose monthly report is due that day (its service day, by its
 * plan's rule or the default, the rule the panel's reminders use) and not
 * yet recorded as sent. Looked at once a day; keyed by account and month.
 */
async function scheduleReportReminders(sql: Sql, log: Log, rule: AutomationRule & { teamId: string; checkedDay: string | null }, now: Date): Promise<number> {
  const { date, hour } = localClock(now, rule.timeZone);
  if (rule.checkedDay === date || hour < rule.reminderHour) return 0;
  const { rows } = await sql.query<{ kind: string; data: Data }>(
    `select kind, data from items where team_id = $1 and kind in ('accounts', 'plans', 'reports') order by seq`, [rule.teamId],
  );
  const plans = new Map<string, ServicePlan>();
  const reported = new Set<string>();
  for (const r of rows) {
    if (!live(r.data)) continue;
    if (r.kind === 'plans') plans.set(String(r.data.accountId), r.data as unknown as ServicePlan);
    if (r.kind === 'reports') reported.add(`${String(r.data.accountId)}:${String(r.data.month)}`);
  }
  const kind = await channelKind(sql, rule.teamId, rule.channel);
  let added = 0;
  for (const r of rows) {
    if (r.kind !== 'accounts' || !live(r.data)) continue;
    const account = r.data as unknown as Account;
    const since = account.signedAt ?? account.contractStart;
    if (since !== undefined && date < since) continue;
    const serviceRule = ruleOf(plans.get(account.id));
    // A 1st falling on a weekend moves back into the month before: that day serves the next month.
    const month = [monthOf(date), addMonths(monthOf(date), 1)].find((m) => serviceDayIn(serviceRule, m) === date);
    if (!month || reported.has(`${account.id}:${month}`)) continue;
    const out = kind
      ? reportReminderMessage({ kind, account, month, serviceDay: date, language: rule.language, to: rule.to })
      : noChannel(rule.channel);
    const job = { teamId: rule.teamId, rule: 'report-reminder' as const, key: `${account.id}:${month}`, accountId: account.id, channel: rule.channel, kind: kind ?? 'email', dueAt: now };
    if (await addJob(sql, job, out, now)) {
      added++;
      log('info', 'automation', { rule: 'report-reminder', team: rule.teamId, account: account.id, month, outcome: out.ok ? 'scheduled' : 'skipped', ...(out.ok ? {} : { why: out.why }) });
    }
  }
  await sql.query(`update automation_rules set checked_day = $3 where team_id = $1 and rule = $2`, [rule.teamId, 'report-reminder', date]);
  return added;
}

/**
 * Hands every job due at `now` to the delivery queue, in one transaction
 * per batch with the jobs locked: a cancel waits and then finds it queued,
 * and two servers never queue the same job. A job whose rule was turned off
 * meanwhile is cancelled instead.
 */
async function queueDueJobs(sql: Sql, log: Log, now: Date): Promise<{ queued: number; cancelled: number }> {
  return sql.transaction(async (tx) => {
    const { rows } = await tx.query<JobRow & { enabled: boolean | null }>(
      `select j.*, r.enabled from automation_jobs j left join automation_rules r on r.team_id = j.team_id and r.rule = j.rule
       where j.state = 'scheduled' and j.due_at <= $1 order by j.due_at, j.id limit 50 for update of j skip locked`,
      [now.toISOString()],
    );
    let queued = 0;
    let cancelled = 0;
    for (const job of rows) {
      if (!job.enabled) {
        await tx.query(`update automation_jobs set state = 'cancelled', note = 'the automation was turned off before it was due', updated_at = $2 where id = $1`, [job.id, now.toISOString()]);
        cancelled++;
        continue;
      }
      const caller: Caller = { teamId: job.team_id, userId: 'automation', userName: `automation: ${job.rule}`, role: 'manager', tokenId: '' };
      const to = toScheduled(job).to;
      const request = { channel: job.channel, accountId: job.account_id, text: job.body, ...(job.subject ? { subject: job.subject } : {}), ...(to.length ? { to } : {}) };
      const { delivery } = await queueDelivery(tx, caller, job.kind, request, now, `automation:${job.id}`);
      await tx.query(`update automation_jobs set state = 'queued', delivery_id = $2, updated_at = $3 where id = $1`, [job.id, delivery.id, now.toISOString()]);
      log('info', 'automation', { rule: job.rule, team: job.team_id, account: job.account_id, outcome: 'queued', delivery: delivery.id });
      queued++;
    }
    return { queued, cancelled };
  });
}

export interface AutomationResult {
  scheduled: number;
  queued: number;
  cancelled: number;
}

/** One pass of every team's rules at `now`, then the jobs due. */
export async function runAutomation(sql: Sql, log: Log, now: Date): Promise<AutomationResult> {
  let scheduled = 0;
  for (const rule of await enabledRules(sql, 'welcome')) scheduled += await scheduleWelcomes(sql, log, rule, now);
  for (const rule of await enabledRules(sql, 'report-reminder')) scheduled += await scheduleReportReminders(sql, log, rule, now);
  return { scheduled, ...(await queueDueJobs(sql, log, now)) };
}

/** An account's scheduled messages, newest first (at most 50), with their delivery's state once queued. */
export async function listScheduled(sql: Sql, teamId: string, accountId: string): Promise<ScheduledMessage[]> {
  const { rows } = await sql.query<JobRow>(
    `select j.*, d.state as delivery_state from automation_jobs j left join deliveries d on d.id = j.delivery_id
     where j.team_id = $1 and j.account_id = $2 order by j.created_at desc, j.id limit 50`,
    [teamId, accountId],
  );
  return rows.map(toScheduled);
}

/** Cancels a scheduled message before it is due: 'gone' once it was queued (or cancelled, or skipped). */
export async function cancelScheduled(sql: Sql, teamId: string, id: string, by: string, now: Date): Promise<ScheduledMessage | 'missing' | 'gone'> {
  const { rows } = await sql.query<JobRow>(
    `update automation_jobs set state = 'cancelled', note = $3, updated_at = $4 where team_id = $1 and id = $2 and state = 'scheduled' returning *`,
    [teamId, id, `cancelled by ${by}`, now.toISOString()],
  );
  if (rows[0]) return toScheduled(rows[0]);
  const seen = await sql.query('select 1 from automation_jobs where team_id = $1 and id = $2', [teamId, id]);
  return seen.rows.length ? 'gone' : 'missing';
}
