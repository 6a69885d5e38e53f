import { z } from 'zod';
import { IsoDateSchema, text, TimestampSchema, WrittenSchema } from './common';

/** Raw health inputs, each on the scale the CSV and the API use. */
export const HealthInputsSchema = z.object({
  activeUserRate: z.number().min(0).max(100).optional(),
  coreFeatureAdoption: z.number().min(0).max(100).optional(),
  moduleBreadth: z.number().min(0).max(100).optional(),
  tickets90d: z.number().int().min(0).max(1_000_000).optional(),
  /** Median hours from opened to solved, over the tickets solved in the last 90 days. */
  ticketResolutionHours: z.number().min(0).max(100_000).optional(),
  trainingRate: z.number().min(0).max(100).optional(),
  nps: z.number().min(-100).max(100).optional(),
  outcomeAttainment: z.number().min(0).max(200).optional(),
});
export type HealthInputs = z.infer<typeof HealthInputsSchema>;

/**
 * The onboarding key action as the team server's usage rollup measured it on
 * the reading's day: of the last `weeks` weeks, how many saw the event at the
 * configured frequency.
 */
export const KeyActionReadingSchema = z.object({
  event: text(200).min(1),
  weeksDone: z.number().int().min(0).max(52),
  weeks: z.number().int().min(1).max(52),
  lastAt: TimestampSchema.optional(),
});
export type KeyActionReading = z.infer<typeof KeyActionReadingSchema>;

/** A key person (by their key on the account) found among the end users, and the last day they were active. */
export const KeyPersonActivitySchema = z.object({
  person: text(300).min(1),
  lastActiveOn: IsoDateSchema.optional(),
});
export type KeyPersonActivity = z.infer<typeof KeyPersonActivitySchema>;

const count = z.number().int().min(0).max(100_000_000);

/**
 * The end users apart from the company: how many were active in the 28 days
 * (activeUsers), how many the product knows (knownUsers), the seats bought.
 */
export const UsageReadingSchema = z.object({
  keyAction: KeyActionReadingSchema.optional(),
  // Explanations, not scored inputs: a malformed one is dropped rather than losing the reading.
  activeUsers: count.optional().catch(undefined),
  knownUsers: count.optional().catch(undefined),
  seats: count.optional().catch(undefined),
  keyPeople: z.array(KeyPersonActivitySchema).max(50).optional().catch(undefined),
});
export type UsageReading = z.infer<typeof UsageReadingSchema>;

/** Dated raw metric values: the health engine scores them; trends come from the series. */
export const HealthSnapshotSchema = WrittenSchema.extend({
  asOf: IsoDateSchema,
  inputs: HealthInputsSchema,
  /** What the usage rollup found besides the scored inputs: the key action, the end users, the key people's activity. */
  usage: UsageReadingSchema.optional(),
});
export type HealthSnapshot = z.infer<typeof HealthSnapshotSchema>;

/** The latest live reading up to today whose usage says what `has` asks for (the end users, the key people). */
export function latestUsageReading<S extends Pick<HealthSnapshot, 'asOf' | 'deleted' | 'usage'>>(snapshots: readonly S[], today: string, has: (u: UsageReading) => boolean): S | undefined {
  let best: S | undefined;
  for (const s of snapshots) if (!s.deleted && s.asOf <= today && s.usage && has(s.usage) && (!best || s.asOf > best.asOf)) best = s;
  return best;
}
