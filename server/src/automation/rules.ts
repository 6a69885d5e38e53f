import { z } from 'zod';
import { REPORT_LANGUAGES } from '../../../data/model/records';
import { ChannelNameSchema, EmailAddressSchema, MAX_RECIPIENTS } from '../../../features/channels/schemas';
import { DEFAULT_REMINDER_HOUR, ReminderHourSchema } from '../../../features/channels/automation';
import { AutomationRuleNameSchema, MAX_WELCOME_DELAY_MINUTES, type AutomationRuleName } from '../../../features/channels/scheduled';
import type { Sql } from '../db';

/**
 * A team's automations, each off until a manager turns it on:
 * - welcome: when a handover is accepted, the CSM's introduction to the
 *   customer goes out by a channel `delayMinutes` later (at most 30), with
 *   an undo window until then;
 * - report-reminder: on the day an account's monthly report is due (its
 *   service day), a reminder to the CSM by a channel, once a month, from
 *   `reminderHour` (0–23, default 9) in the team's time zone.
 */
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
/** A zone as Intl spells it ("asia/shanghai" → "Asia/Shanghai"), so the rule lists as people read it. */
const canonicalZone = (tz: string) => new Intl.DateTimeFormat('en', { timeZone: tz }).resolvedOptions().timeZone ?? tz;

export const RuleSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  channel: ChannelNameSchema,
  /** welcome: minutes after the acceptance. */
  delayMinutes: z.number().int().min(0).max(MAX_WELCOME_DELAY_MINUTES).default(20),
  /** report-reminder: the local hour from which the day's reminders go. */
  reminderHour: ReminderHourSchema.default(DEFAULT_REMINDER_HOUR),
  /** For an e-mail channel: report-reminder's recipients (the CSMs' addresses); the welcome goes to the customer. */
  to: z.array(EmailAddressSchema).min(1).max(MAX_RECIPIENTS).optional(),
  /** The language when the account has no service plan saying it. */
  language: z.enum(REPORT_LANGUAGES, { error: 'must be en or zh-CN' }).default('en'),
  /** The team's time zone: which calendar day it is, for service days and first service days. */
  timeZone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone like Asia/Shanghai').transform(canonicalZone).default('UTC'),
});
export type RuleSettings = z.infer<typeof RuleSettingsSchema>;

export interface AutomationRule extends RuleSettings {
  rule: AutomationRuleName;
  enabledAt: string | null;
  updatedAt: string;
}

interface Row {
  team_id: string;
  rule: string;
  enabled: boolean;
  config: unknown;
  enabled_at: unknown;
  feed_seq: string | number;
  checked_day: string | null;
  reminder_hour: number | string;
  updated_at: unknown;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

function toRule(r: Row): AutomationRule {
  const config = RuleSettingsSchema.omit({ enabled: true, reminderHour: true }).parse(typeof r.config === 'string' ? JSON.parse(r.config) : r.config);
  const reminderHour = ReminderHourSchema.parse(Number(r.reminder_hour));
  return { rule: AutomationRuleNameSchema.parse(r.rule), enabled: Boolean(r.enabled), ...config, reminderHour, enabledAt: iso(r.enabled_at), updatedAt: iso(r.updated_at)! };
}

/**
 * Sets a rule. Turning it on (from off) starts it at `now`: the feed is
 * read from its current end, so what was accepted before is not welcomed.
 */
export async function setRule(sql: Sql, teamId: string, rule: AutomationRuleName, settings: RuleSettings, now: Date): Promise<AutomationRule> {
  const { enabled, reminderHour, ...config } = settings;
  return sql.transaction(async (tx) => {
    await tx.query('insert into teams (id, name) values ($1, $1) on conflict (id) do nothing', [teamId]);
    const end = await tx.query<{ s: string | number | null }>('select max(seq) as s from items where team_id = $1', [teamId]);
    const { rows } = await tx.query<Row>(
      `insert into automation_rules (team_id, rule, enabled, config, enabled_at, feed_seq, updated_at, reminder_hour) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (team_id, rule) do update set enabled = excluded.enabled, config = excluded.config, updated_at = excluded.updated_at,
         reminder_hour = excluded.reminder_hour,
         enabled_at = case when excluded.enabled and not automation_rules.enabled then excluded.enabled_at
                           when excluded.enabled then automation_rules.enabled_at else null end,
         feed_seq = case when excluded.enabled and not automation_rules.enabled then excluded.feed_seq else automation_rules.feed_seq end,
         checked_day = case when excluded.enabled and not automation_rules.enabled then null else automation_rules.checked_day end
       returning *`,
      [teamId, rule, enabled, JSON.stringify(config), enabled ? now.toISOString() : null, Number(end.rows[0]?.s ?? 0), now.toISOString(), reminderHour],
    );
    return toRule(rows[0]!);
  });
}

export async function listRules(sql: Sql, teamId: string): Promise<AutomationRule[]> {
  const { rows } = await sql.query<Row>('select * from automation_rules where team_id = $1 order by rule', [teamId]);
  return rows.map(toRule);
}

/** Every team's rule of a name that is on, with where it has read up to. */
export async function enabledRules(sql: Sql, rule: AutomationRuleName): Promise<(AutomationRule & { teamId: string; feedSeq: number; checkedDay: string | null })[]> {
  const { rows } = await sql.query<Row>('select * from automation_rules where rule = $1 and enabled order by team_id', [rule]);
  return rows.map((r) => ({ ...toRule(r), teamId: r.team_id, feedSeq: Number(r.feed_seq), checkedDay: r.checked_day }));
}

/** A team's rule of a name when it is on; null when it is off or was never set. */
export async function enabledRuleOf(sql: Sql, teamId: string, rule: AutomationRuleName): Promise<(AutomationRule & { teamId: string }) | null> {
  const { rows } = await sql.query<Row>('select * from automation_rules where team_id = $1 and rule = $2 and enabled', [teamId, rule]);
  return rows[0] ? { ...toRule(rows[0]), teamId } : null;
}

/** "20m", "20", "1h" or "90s" as whole minutes; null for anything else. */
export function parseDelay(text: string): number | null {
  const m = /^(\d{1,4})(m|min|h|s)?$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const minutes = m[2] === 'h' ? n * 60 : m[2] === 's' ? n / 60 : n;
  return Number.isInteger(minutes) ? minutes : null;
}

/** "8", "08" or "08:00" as the hour 8; null for anything else (the range is the schema's to check). */
export function parseHour(text: string): number | null {
  const m = /^(\d{1,2})(?::00)?$/.exec(text.trim());
  return m ? Number(m[1]) : null;
}

/** An hour as the clock shows it: 8 → "08:00". */
export const clockHour = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
