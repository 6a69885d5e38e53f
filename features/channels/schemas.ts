import { z } from 'zod';
import { IdSchema, storable, TimestampSchema } from '../../data/model/common';

/**
 * The wire shapes of delivery by the team server (docs/channels.md): the
 * channels a team configured (kinds and names only, never their settings)
 * and the deliveries queued on them. The server validates requests with
 * these schemas and the extension validates answers with them.
 */
export const CHANNEL_KINDS = ['email', 'wecom', 'dingtalk', 'feishu'] as const;
export const ChannelKindSchema = z.enum(CHANNEL_KINDS);
export type ChannelKind = z.infer<typeof ChannelKindSchema>;

/** A channel's name: what a delivery names it by (default: its kind). */
export const ChannelNameSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1 to 40 lower-case letters, digits, - or _');

/** The longest text a delivery carries; WeCom's text messages are shorter still (2048 bytes of UTF-8). */
export const MAX_DELIVERY_TEXT = 4000;
export const MAX_SUBJECT = 200;
export const MAX_RECIPIENTS = 20;

/** One address, no display name: letters before and after an @, no spaces, no line breaks. */
export const EmailAddressSchema = z.string().max(254).regex(/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/, 'must be an e-mail address like name@example.com');

export const DeliveryRequestSchema = z.strictObject({
  channel: ChannelNameSchema,
  accountId: IdSchema,
  subject: storable(z.string().trim().min(1).max(MAX_SUBJECT)).refine((s) => !/[\r\n]/.test(s), 'must be one line').optional(),
  text: storable(z.string().min(1).max(MAX_DELIVERY_TEXT)).refine((s) => s.trim().length > 0, 'must not be blank'),
  to: z.array(EmailAddressSchema).min(1).max(MAX_RECIPIENTS).optional(),
});
export type DeliveryRequest = z.infer<typeof DeliveryRequestSchema>;

export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export const DeliveryStateSchema = z.enum(DELIVERY_STATES);
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

export const DeliverySchema = z.object({
  id: z.string(),
  channel: z.string(),
  kind: ChannelKindSchema,
  accountId: z.string(),
  subject: z.string().nullable(),
  text: z.string(),
  to: z.array(z.string()),
  state: DeliveryStateSchema,
  attempts: z.number().int().nonnegative(),
  /** Why the last attempt failed, in words without any channel setting. */
  lastError: z.string().nullable(),
  /** When a queued delivery is tried next. */
  nextAttemptAt: TimestampSchema.nullable(),
  createdBy: z.string(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  sentAt: TimestampSchema.nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const DeliveryAnswerSchema = z.object({ delivery: DeliverySchema });
export const DeliveryListSchema = z.object({ items: z.array(DeliverySchema) });
export const ChannelListSchema = z.object({ items: z.array(z.object({ name: z.string(), kind: ChannelKindSchema })) });
export type ChannelSummary = z.infer<typeof ChannelListSchema>['items'][number];

/** The background's answer when the data source is local: there is no team server to send with. */
export const NO_TEAM_SERVER = 'no team server';
