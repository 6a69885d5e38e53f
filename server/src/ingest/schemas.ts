import { z } from 'zod';
import { storable, storableTextProblem } from '../../../data/model/common';

/**
 * What flows in: usage events in the Segment spec (https://segment.com/docs/connections/spec/:
 * the common fields, identify, track, group; page and screen count as activity, alias is
 * accepted and ignored), and the per-team configuration that turns them into health inputs.
 */

/** A Segment batch is at most 500 KB and an event at most 32 KB (Segment HTTP Tracking API limits). */
export const MAX_BATCH_BYTES = 500 * 1024;
export const MAX_EVENT_BYTES = 32 * 1024;
export const MAX_BATCH_EVENTS = 5_000;

const name = (max: number) => storable(z.string().trim().min(1).max(max));
/** Ids may come as numbers from some libraries; they are kept as their decimal text. */
const idLike = z.union([name(200), z.number().int().safe().transform(String)]);
const Instant = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date-time with a time zone');
const Traits = z.record(z.string(), z.unknown());

const Common = z.looseObject({
  messageId: name(200),
  userId: idLike.nullish(),
  anonymousId: idLike.nullish(),
  timestamp: Instant.optional(),
  originalTimestamp: Instant.optional(),
  sentAt: Instant.optional(),
  receivedAt: Instant.optional(),
  context: z.looseObject({ groupId: idLike.optional(), traits: Traits.optional() }).optional(),
});

export const SegmentEventSchema = z
  .discriminatedUnion('type', [
    Common.extend({ type: z.literal('track'), event: name(200), groupId: idLike.optional(), properties: Traits.optional() }),
    Common.extend({ type: z.literal('identify'), traits: Traits.optional() }),
    Common.extend({ type: z.literal('group'), groupId: idLike, traits: Traits.optional() }),
    Common.extend({ type: z.literal('page'), name: name(200).optional(), groupId: idLike.optional() }),
    Common.extend({ type: z.literal('screen'), name: name(200).optional(), groupId: idLike.optional() }),
    Common.extend({ type: z.literal('alias'), previousId: idLike }),
  ], { error: () => 'type: must be one of identify, track, group, page, screen, alias' })
  .refine((e) => e.userId != null || e.anonymousId != null, { message: 'every call needs a userId or an anonymousId', path: ['userId'] });
export type SegmentEvent = z.infer<typeof SegmentEventSchema>;

/** Segment's /v1/batch body; a single call (with a `type`) is accepted as a batch of one. */
export const BatchSchema = z.looseObject({
  batch: z.array(z.unknown()).min(1, 'batch: needs at least one event').max(MAX_BATCH_EVENTS, `batch: at most ${MAX_BATCH_EVENTS} events`),
  sentAt: Instant.optional(),
  context: z.looseObject({}).optional(),
});

/**
 * Every string in a value (keys too) a database can store, with the path of
 * the first one it cannot (NUL, a lone surrogate), else null.
 */
export function unstorablePath(value: unknown, path: string): string | null {
  if (typeof value === 'string') {
    const p = storableTextProblem(value);
    return p ? `${path}: ${p}` : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = unstorablePath(value[i], `${path}.${i}`);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const kp = storableTextProblem(k);
      if (kp) return `${path}: a key ${kp}`;
      const p = unstorablePath(v, `${path}.${k}`);
      if (p) return p;
    }
  }
  return null;
}

const eventList = z.array(name(200)).max(200);

/** Per team: what counts as core, the modules, the key onboarding action, and per-account seats and ids. */
export const IngestConfigSchema = z.strictObject({
  /** The key events of the product: core-feature adoption is the share of them used in the last 28 days. */
  coreEvents: eventList.default([]),
  /** Module name → the events that mean it is used: breadth is the share of modules used in 28 days. */
  modules: z.record(name(100), eventList.min(1)).default({}).refine((m) => Object.keys(m).length <= 100, 'at most 100 modules'),
  /** The onboarding key action: done at least `timesPerWeek` in each of the last `weeks` weeks. */
  keyAction: z.strictObject({
    event: name(200),
    timesPerWeek: z.number().int().min(1).max(1000).default(1),
    weeks: z.number().int().min(1).max(12).default(4),
  }).optional(),
  /** Seats when an account names none; without either, the active-user rate is left out. */
  defaultSeats: z.number().int().min(1).max(10_000_000).optional(),
  /** Per account (its Account Lens id): licensed seats, and the ids other tools know it by (groupId, organisation id). */
  accounts: z.record(name(100), z.strictObject({
    seats: z.number().int().min(1).max(10_000_000).optional(),
    externalIds: z.array(name(200)).max(50).optional(),
  })).default({}).refine((a) => Object.keys(a).length <= 200_000, 'at most 200,000 accounts'),
});
export type IngestConfig = z.infer<typeof IngestConfigSchema>;
export const EMPTY_CONFIG: IngestConfig = IngestConfigSchema.parse({});
