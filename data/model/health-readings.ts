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

/** Dated raw metric values: the health engine scores them; trends come from the series. */
export const HealthSnapshotSchema = WrittenSchema.extend({
  asOf: IsoDateSchema,
  inputs: HealthInputsSchema,
  /** What the usage rollup found besides the scored inputs; only the key action is kept. */
  usage: z.object({ keyAction: KeyActionReadingSchema.optional() }).optional(),
});
export type HealthSnapshot = z.infer<typeof HealthSnapshotSchema>;
