import { z } from 'zod';
import { TimestampSchema } from '../../data/model/common';
import { ChannelKindSchema } from './schemas';

/**
 * The wire shape of a message the team server's automation scheduled
 * (docs/channels.md, automation): the CSM's welcome after a handover is
 * accepted, or the CSM's reminder on the day a monthly report is due. The
 * server answers with it and the extension validates it.
 *
 * state: `scheduled` (it goes at dueAt unless cancelled), `cancelled`,
 * `queued` (handed to the delivery queue at dueAt: see deliveryState),
 * `skipped` (the rule could not make it: note says why).
 */
export const AUTOMATION_RULES = ['welcome', 'report-reminder'] as const;
export const AutomationRuleNameSchema = z.enum(AUTOMATION_RULES);
export type AutomationRuleName = z.infer<typeof AutomationRuleNameSchema>;

export const SCHEDULED_STATES = ['scheduled', 'cancelled', 'queued', 'skipped'] as const;

export const ScheduledMessageSchema = z.object({
  id: z.string(),
  rule: AutomationRuleNameSchema,
  accountId: z.string(),
  channel: z.string(),
  kind: ChannelKindSchema,
  subject: z.string().nullable(),
  text: z.string(),
  to: z.array(z.string()),
  dueAt: TimestampSchema,
  state: z.enum(SCHEDULED_STATES),
  note: z.string().nullable(),
  deliveryId: z.string().nullable(),
  /** The delivery's state once queued: queued, sending, sent or failed. */
  deliveryState: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type ScheduledMessage = z.infer<typeof ScheduledMessageSchema>;

export const ScheduledListSchema = z.object({ items: z.array(ScheduledMessageSchema) });
export const ScheduledAnswerSchema = z.object({ scheduled: ScheduledMessageSchema });

/** The longest a welcome waits after the handover is accepted. */
export const MAX_WELCOME_DELAY_MINUTES = 30;

/** The scheduled messages of the team server, for the extension (features/channels/client.ts serves it). */
export interface ScheduleApi {
  /** An account's scheduled messages, newest first. */
  scheduled(accountId: string): Promise<ScheduledMessage[]>;
  /** Cancels one before it is due; refused (409) once it was handed over for sending. */
  cancelScheduled(id: string): Promise<ScheduledMessage>;
}
