import type { Account } from '../../../data/model/account';
import type { ServicePlan } from '../../../data/model/records';
import type { ScheduledMessage } from '../../../features/channels/scheduled';
import { addMonths, monthOf, ruleOf, serviceDayIn } from '../../../shared/dates/calendar';
import type { Caller } from '../auth';
import { queueDelivery } from '../channels/deliveries';
import type { Sql } from '../db';
import type { Log } from '../log';
import { addJob, channelKind, live, noChannel, toScheduled, type Data, type JobRow } from './jobs';
import { localClock, reportReminderMessage } from './messages';
import { enabledRules, type AutomationRule } from './rules';
import { scheduleWelcomes, TURNED_OFF_NOTE } from './welcome';

/**
 * The rule engine, run by the delivery worker at each tick with the tick's
 * `now`. It reads what happened (accepted handovers on the team's change
 * feed: welcome.ts; the team's calendar day for reports due), schedules one
 * message per occasion (a job keyed by the handover, or by the account and
 * month, so a second push, a second device or a second server changes
 * nothing), and at each job's due time hands it to the delivery queue,
 * which sends it. A paid mark schedules its welcome when the contract write
 * arrives (paid.ts), through the same welcome.ts.
 */

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
        await tx.query(`update automation_jobs set state = 'cancelled', note = $3, updated_at = $2 where id = $1`, [job.id, now.toISOString(), TURNED_OFF_NOTE]);
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
