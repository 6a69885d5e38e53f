import { z } from 'zod';
import { TimestampSchema } from '../../data/model/common';
import type { ChannelSummary } from './schemas';
import { AutomationRuleNameSchema, type AutomationRuleName } from './scheduled';

/**
 * The wire shape of a team's automation rules (docs/channels.md,
 * automation): what the server answers for GET /v1/automation/rules and
 * PUT /v1/automation/rules/:rule, and what the options page sends back.
 */

/** The local hour (team time zone) from which a day's report reminders go. */
export const DEFAULT_REMINDER_HOUR = 9;
export const ReminderHourSchema = z.number().int().min(0, 'must be an hour from 0 to 23').max(23, 'must be an hour from 0 to 23');

export const AutomationRuleSchema = z.object({
  rule: AutomationRuleNameSchema,
  enabled: z.boolean(),
  channel: z.string(),
  delayMinutes: z.number().int().nonnegative(),
  reminderHour: ReminderHourSchema.default(DEFAULT_REMINDER_HOUR),
  to: z.array(z.string()).optional(),
  language: z.enum(['en', 'zh-CN']),
  timeZone: z.string(),
  enabledAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type AutomationRuleView = z.infer<typeof AutomationRuleSchema>;

export const RuleListSchema = z.object({ items: z.array(AutomationRuleSchema) });
export const RuleAnswerSchema = z.object({ rule: AutomationRuleSchema });

/** What the options page sends to set a rule; the server fills in what is left out. */
export interface RuleSettingsInput {
  enabled: boolean;
  channel: string;
  delayMinutes?: number;
  reminderHour?: number;
  to?: string[];
  language?: 'en' | 'zh-CN';
  timeZone?: string;
}

/** What the options page shows: the rules, the team's channels, and the caller's role when the server said it. */
export interface AutomationView {
  rules: AutomationRuleView[];
  channels: ChannelSummary[];
  role: 'sales' | 'csm' | 'manager' | null;
}

/** The team server's automation rules, for the extension (features/channels/client.ts serves it). */
export interface AutomationApi {
  automation(): Promise<AutomationView>;
  /** Sets one rule (managers only: 403 otherwise). */
  setRule(rule: AutomationRuleName, settings: RuleSettingsInput): Promise<AutomationRuleView>;
}
