import type { Handover } from '../../../data/model/records';
import type { Sql } from '../db';
import type { Log } from '../log';
import { accountRecords, addJob, channelKind, live, noChannel, type Data } from './jobs';
import { localClock, welcomeMessage, type Outgoing } from './messages';
import type { AutomationRule } from './rules';

/**
 * The CSM's welcome, at most one per account, from either of its occasions:
 * the CSM accepting the handover (read from the team's change feed at each
 * tick) or the account marked paid (when the contract write arrives:
 * paid.ts). Both go through scheduleWelcome, so both get the same delay,
 * preview and undo window, and whichever comes second finds the first.
 */

/** A welcome for an acceptance older than this is not sent: the server learnt of it too late for a welcome. */
export const WELCOME_STALE_MS = 24 * 3_600_000;
/** Handovers read from a team's feed at one tick. */
const FEED_PAGE = 500;

/** Notes of welcomes that went away without anyone deciding against them: the account's next occasion may welcome it. */
export const TURNED_OFF_NOTE = 'the automation was turned off before it was due';
export const UNPAID_NOTE = 'the paid mark was cleared before it was due';

export type WelcomeRule = AutomationRule & { teamId: string };

/** What a welcome is for. */
export interface WelcomeOccasion {
  trigger: 'handover' | 'paid';
  accountId: string;
  /** Names the occasion: the same key a second time schedules nothing. */
  key: string;
  /** When it happened: the welcome is due the rule's delay later. */
  at: Date;
  /** The accepted handover; without one, the account's handover as the server holds it (if any). */
  handover?: Handover;
  /** Why it is too late for a welcome, when it is: recorded as skipped. */
  late?: string;
}

/** A handover with nothing on it: the introduction then says only what the account itself says. */
const bareHandover = (accountId: string, stamp: string): Handover => ({ id: `handover:${accountId}`, accountId, createdAt: stamp, updatedAt: stamp, status: 'accepted' });

/**
 * Whether the account has its welcome already: one scheduled, handed over
 * for sending, or cancelled by a person (a decision against it). One the
 * rule could not make (skipped), or that was cancelled because the rule was
 * turned off or the paid mark was undone, leaves room for the next occasion.
 */
async function welcomed(tx: Sql, teamId: string, accountId: string): Promise<boolean> {
  const { rows } = await tx.query(
    `select 1 from automation_jobs where team_id = $1 and account_id = $2 and rule = 'welcome'
       and state <> 'skipped' and not (state = 'cancelled' and note in ($3, $4)) limit 1`,
    [teamId, accountId, TURNED_OFF_NOTE, UNPAID_NOTE],
  );
  return rows.length > 0;
}

/**
 * Schedules the account's welcome for an occasion, inside the caller's
 * transaction: the account's lock is held to commit, so two occasions at
 * once (an acceptance at a tick, a paid mark arriving) make one welcome.
 * Answers whether a job was recorded (scheduled, or skipped with its reason).
 */
export async function scheduleWelcome(tx: Sql, log: Log, rule: WelcomeRule, o: WelcomeOccasion, now: Date): Promise<boolean> {
  await tx.query(`select pg_advisory_xact_lock(7044, hashtext($1 || '/' || $2))`, [rule.teamId, o.accountId]);
  if (await welcomed(tx, rule.teamId, o.accountId)) return false;
  const records = await accountRecords(tx, rule.teamId, o.accountId);
  if (!records.account) return false;
  const dueAt = new Date(o.at.getTime() + rule.delayMinutes * 60_000);
  const kind = await channelKind(tx, rule.teamId, rule.channel);
  const language = records.plan?.language ?? rule.language;
  const handover = o.handover ?? records.handover ?? bareHandover(o.accountId, now.toISOString());
  const out: Outgoing = !kind
    ? noChannel(rule.channel)
    : o.late
      ? { ok: false, why: o.late }
      : welcomeMessage({ kind, account: records.account, handover, milestones: records.milestones, plan: records.plan, language, today: localClock(dueAt, rule.timeZone).date });
  const job = { teamId: rule.teamId, rule: 'welcome' as const, key: o.key, accountId: o.accountId, channel: rule.channel, kind: kind ?? 'email', dueAt };
  if (!(await addJob(tx, job, out, now))) return false;
  log('info', 'automation', { rule: 'welcome', trigger: o.trigger, team: rule.teamId, account: o.accountId, outcome: out.ok ? 'scheduled' : 'skipped', dueAt: dueAt.toISOString(), ...(out.ok ? {} : { why: out.why }) });
  return true;
}

/** Welcomes for handovers accepted since the team's feed was last read (after the rule was turned on). */
export async function scheduleWelcomes(sql: Sql, log: Log, rule: WelcomeRule & { feedSeq: number }, now: Date): Promise<number> {
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
    const late = now.getTime() - decided.getTime() > WELCOME_STALE_MS ? 'the server learnt of the acceptance more than a day after it: too late for a welcome' : undefined;
    const occasion: WelcomeOccasion = { trigger: 'handover', accountId: handover.accountId, key: handover.id, at: decided, handover, ...(late ? { late } : {}) };
    if (await sql.transaction((tx) => scheduleWelcome(tx, log, rule, occasion, now))) added++;
  }
  const read = rows.length === FEED_PAGE ? Number(rows.at(-1)!.seq) : end;
  await sql.query(`update automation_rules set feed_seq = greatest(feed_seq, $3) where team_id = $1 and rule = $2`, [rule.teamId, 'welcome', read]);
  return added;
}
