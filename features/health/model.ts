import { z } from 'zod';
import { BandSchema } from '../../data/model/common';
import type { HealthInputs } from '../../data/model/records';
import { DEFAULT_CUTOFFS } from './band';

/** The imported dimensions (the HealthInputs keys: CSV, API), in the order explanations list them. */
export const IMPORTED_DIMENSIONS = [
  'activeUserRate',
  'coreFeatureAdoption',
  'moduleBreadth',
  'tickets90d',
  'ticketResolutionHours',
  'trainingRate',
  'nps',
  'outcomeAttainment',
] as const satisfies readonly (keyof HealthInputs)[];

/**
 * The service dimensions, computed from the account's own records (signals.ts),
 * never imported: renewal is earned by service, so a team without a data
 * pipeline still has health.
 */
export const SERVICE_DIMENSIONS = ['serviceRhythm', 'bossReviewDays', 'reportsOnTime', 'promisesKept', 'expectationReset', 'csmRead'] as const;
export type ServiceDimension = (typeof SERVICE_DIMENSIONS)[number];
export type ServiceInputs = Partial<Record<ServiceDimension, number>>;
/** What the engine scores: the latest imported reading merged with the service signals. */
export type ScoringInputs = HealthInputs & ServiceInputs;

export const HEALTH_DIMENSIONS = [...IMPORTED_DIMENSIONS, ...SERVICE_DIMENSIONS] as const;
export type HealthDimension = (typeof HEALTH_DIMENSIONS)[number];
// Compile-time check that the list covers every input: adding an input without scoring it fails here.
const _allInputsScored: Record<Exclude<keyof ScoringInputs, HealthDimension>, never> = {};
void _allInputsScored;
export const HealthDimensionSchema = z.enum(HEALTH_DIMENSIONS);
export const isServiceDimension = (d: HealthDimension): d is ServiceDimension => (SERVICE_DIMENSIONS as readonly string[]).includes(d);

/**
 * The values each input can take (HealthInputsSchema's bounds): suggested
 * targets are kept inside them, so an action never asks for 120% adoption.
 */
export const DIMENSION_RANGE: Record<HealthDimension, { min: number; max: number }> = {
  activeUserRate: { min: 0, max: 100 },
  coreFeatureAdoption: { min: 0, max: 100 },
  moduleBreadth: { min: 0, max: 100 },
  tickets90d: { min: 0, max: 1_000_000 },
  ticketResolutionHours: { min: 0, max: 100_000 },
  trainingRate: { min: 0, max: 100 },
  nps: { min: -100, max: 100 },
  outcomeAttainment: { min: 0, max: 200 },
  serviceRhythm: { min: 0, max: 100 },
  bossReviewDays: { min: 0, max: 3650 },
  reportsOnTime: { min: 0, max: 100 },
  promisesKept: { min: 0, max: 100 },
  expectationReset: { min: 0, max: 100 },
  csmRead: { min: 0, max: 100 },
};

/** A value at `red` scores 0, at `green` 100, linearly between; `red > green` means lower is better. */
export const DimensionRuleSchema = z.object({
  weight: z.number().min(0, 'weight cannot be negative').finite(),
  red: z.number().finite(),
  green: z.number().finite(),
});
export type DimensionRule = z.infer<typeof DimensionRuleSchema>;

/** A hard limit a single reading puts on the band, whatever the weighted score says. */
export const HealthOverrideSchema = z
  .object({
    dimension: HealthDimensionSchema,
    atOrBelow: z.number().finite().optional(),
    atOrAbove: z.number().finite().optional(),
    capBand: z.enum(['red', 'yellow']),
  })
  .superRefine((o, ctx) => {
    if ((o.atOrBelow === undefined) === (o.atOrAbove === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'an override needs exactly one of atOrBelow or atOrAbove', path: ['atOrBelow'] });
    }
  });
export type HealthOverride = z.infer<typeof HealthOverrideSchema>;

const cutoff = z.number().min(0, 'cut-offs are scores between 0 and 100').max(100, 'cut-offs are scores between 0 and 100');

/**
 * A model stored before some dimensions existed (the service ones, ticket
 * resolution) gets the default rules for the missing ones, their weights
 * scaled to the stored imported weights so each new dimension's share of the
 * score is the default's.
 */
function withNewDimensionDefaults(dims: unknown): unknown {
  if (!dims || typeof dims !== 'object') return dims;
  const stored = dims as Record<string, unknown>;
  if (HEALTH_DIMENSIONS.every((d) => d in stored)) return dims;
  const weightOf = (d: string) => {
    const w = (stored[d] as { weight?: unknown } | undefined)?.weight;
    return typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : 0;
  };
  const present = IMPORTED_DIMENSIONS.filter((d) => d in stored);
  const importedDefault = present.reduce((s, d) => s + DEFAULT_DIMENSIONS[d].weight, 0);
  const importedStored = present.reduce((s, d) => s + weightOf(d), 0);
  const scale = importedStored > 0 && importedDefault > 0 ? importedStored / importedDefault : 1;
  const filled: Record<string, unknown> = { ...stored };
  for (const d of HEALTH_DIMENSIONS) {
    if (!(d in filled)) filled[d] = { ...DEFAULT_DIMENSIONS[d], weight: Math.round(DEFAULT_DIMENSIONS[d].weight * scale * 100) / 100 };
  }
  return filled;
}

/**
 * Defaults from the domain brief (docs: ../shared/domain.md, "Adoption and health"
 * and "Monthly service day"). Weights are relative (the score renormalises
 * them over the dimensions measured): 60 for the usage signals the seeds name,
 * 40 for service, and 4 more for ticket resolution time, which only a help
 * desk's feed measures.
 */
const DEFAULT_DIMENSIONS: Record<HealthDimension, DimensionRule> = {
  // Strong renewal link (activity). Under 20% of seats active is near-abandonment; 80% is a fully used licence.
  activeUserRate: { weight: 12, red: 20, green: 80 },
  // Strongest renewal link: depth of core-feature use is what the customer pays for. 10% = untouched, 70% = habitual.
  coreFeatureAdoption: { weight: 15, red: 10, green: 70 },
  // Breadth is not named as a strong link: it helps expansion more than renewal. Share of bought modules in use.
  moduleBreadth: { weight: 6, red: 10, green: 60 },
  // Strong link, and more is better: engaged customers ask. Silence (0 in 90 days) scores 0; about one a week scores 100.
  tickets90d: { weight: 12, red: 0, green: 12 },
  // The other side of tickets: how fast they are solved (median hours to solve, 90 days), from the help desk's
  // feed. Solved within a working day (24 h) scores 100; a week (168 h) scores 0. A supporting signal beside the count.
  ticketResolutionHours: { weight: 4, red: 168, green: 24 },
  // Weak link (event/training participation). 60% of users trained is as good as it gets.
  trainingRate: { weight: 3, red: 0, green: 60 },
  // Weak link. -30 (a detractor-heavy base) scores 0, matching the override below; 50 is excellent for B2B.
  nps: { weight: 3, red: -30, green: 50 },
  // Moderate: the customer's business result (e.g. GMV vs target), where relevant. Half the target scores 0, the target 100.
  outcomeAttainment: { weight: 9, red: 50, green: 100 },
  // Poor service is half of churn: the share of the last three months' service days held. One of three scores 0, all 100.
  serviceRhythm: { weight: 10, red: 33, green: 100 },
  // The relationship that decides renewals is with the boss. Days since the boss was met or written to: a monthly
  // review (45 days, with slack) scores 100; four months without one scores 0.
  bossReviewDays: { weight: 8, red: 120, green: 45 },
  // "A report sent every month builds a habit the customer notices when missing": share of the last three sent on time.
  reportsOnTime: { weight: 5, red: 33, green: 100 },
  // Over-promising is the other half of churn: kept ÷ (kept + broken + at risk). Half kept scores 0.
  promisesKept: { weight: 7, red: 50, green: 100 },
  // The short-term reset right after signing: done in time 100, late 50, not done and overdue 0.
  expectationReset: { weight: 3, red: 0, green: 100 },
  // The CSM's own read at each visit (green 100, yellow 50, red 0), the latest weighing twice the one before.
  csmRead: { weight: 7, red: 0, green: 100 },
};

export const HealthModelSchema = z
  .object({
    dimensions: z.preprocess(withNewDimensionDefaults, z.record(HealthDimensionSchema, DimensionRuleSchema)),
    bands: z.object({ green: cutoff, red: cutoff }),
    overrides: z.array(HealthOverrideSchema).max(50),
    /** How long red readings must span before a recovery CTA is raised (default RED_STREAK_DAYS). */
    redStreakDays: z.number().int('whole days').min(1, 'at least one day').max(180, 'at most 180 days').optional(),
  })
  .superRefine((m, ctx) => {
    const weights = HEALTH_DIMENSIONS.reduce((s, d) => s + m.dimensions[d].weight, 0);
    if (!(weights > 0)) ctx.addIssue({ code: 'custom', message: 'the weights must add up to more than 0', path: ['dimensions'] });
    for (const d of HEALTH_DIMENSIONS) {
      if (m.dimensions[d].red === m.dimensions[d].green) {
        ctx.addIssue({ code: 'custom', message: `${d}: the red and green values must differ`, path: ['dimensions', d, 'green'] });
      }
    }
    if (!(m.bands.red < m.bands.green)) {
      ctx.addIssue({ code: 'custom', message: 'the red cut-off must be below the green cut-off', path: ['bands', 'red'] });
    }
  });
export type HealthModel = z.infer<typeof HealthModelSchema>;

/** "An account in the high-risk band two weeks running must raise an action": two weeks, in days. */
export const RED_STREAK_DAYS = 14;
export const redStreakDays = (m: Pick<HealthModel, 'redStreakDays'>): number => m.redStreakDays ?? RED_STREAK_DAYS;

export const DEFAULT_HEALTH_MODEL: HealthModel = {
  dimensions: { ...DEFAULT_DIMENSIONS },
  bands: { ...DEFAULT_CUTOFFS },
  overrides: [
    // A loud detractor signal decides the band even though NPS weighs little in the score.
    { dimension: 'nps', atOrBelow: -30, capBand: 'red' },
    // Nobody logging in: usage is the precondition of every other signal, so the account is red.
    { dimension: 'activeUserRate', atOrBelow: 20, capBand: 'red' },
  ],
};

/** The 0–100 score of one reading: linear between red and green, clamped; works in both directions. */
export function dimensionScore(value: number, rule: Pick<DimensionRule, 'red' | 'green'>): number {
  const t = (value - rule.red) / (rule.green - rule.red);
  return Math.min(100, Math.max(0, t * 100));
}

/** Whether an override fires for a reading. */
export const overrideFires = (o: HealthOverride, value: number): boolean =>
  (o.atOrBelow !== undefined && value <= o.atOrBelow) || (o.atOrAbove !== undefined && value >= o.atOrAbove);
