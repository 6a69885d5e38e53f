import { z } from 'zod';
import { SegmentSchema, type Segment } from '../../data/model/common';
import { LIKELIHOOD_POINTS, LikelihoodPointsSchema } from './likelihood';
import { defaultPlanTemplate, PlanTemplateSchema } from './plan-template';

/** How one segment is walked to renewal: days-before-end offsets and who makes the contact. */
export const CadenceSchema = z
  .object({
    offsets: z.array(z.number().int().min(1, 'offsets are days before the contract ends: 1 or more').max(365)).min(1).max(12),
    automated: z.boolean(),
  })
  .superRefine((c, ctx) => {
    if (new Set(c.offsets).size !== c.offsets.length) ctx.addIssue({ code: 'custom', message: 'each offset can appear only once', path: ['offsets'] });
  });
export type Cadence = z.infer<typeof CadenceSchema>;

/**
 * The usual renewal touchpoints (domain brief, "Renewal"): 90, 60, 30, 15 and
 * 7 days before the end. High-value segments: the CSM starts at 90 days in
 * person. Small and self-serve: automated messages from 30 days, because a
 * CSM call per small account does not pay for itself.
 */
export const TOUCHPOINT_DEFAULTS: Record<Segment, Cadence> = {
  enterprise: { offsets: [90, 60, 30, 15, 7], automated: false },
  mid_market: { offsets: [90, 60, 30, 15, 7], automated: false },
  smb: { offsets: [30, 15, 7], automated: true },
  self_serve: { offsets: [30, 15, 7], automated: true },
};

// Copies, so editing parsed settings never edits the defaults.
const copy = (s: Segment): Cadence => ({ offsets: [...TOUCHPOINT_DEFAULTS[s].offsets], automated: TOUCHPOINT_DEFAULTS[s].automated });

export const RenewalSettingsSchema = z.object({
  // Each segment defaults on its own, so settings can change one segment and keep the rest.
  cadence: z
    .object({
      enterprise: CadenceSchema.default(() => copy('enterprise')),
      mid_market: CadenceSchema.default(() => copy('mid_market')),
      smb: CadenceSchema.default(() => copy('smb')),
      self_serve: CadenceSchema.default(() => copy('self_serve')),
    })
    .default(() => ({ enterprise: copy('enterprise'), mid_market: copy('mid_market'), smb: copy('smb'), self_serve: copy('self_serve') })),
  /**
   * Accounts without a segment follow this one. Default mid_market (CSM-led):
   * an extra call costs less than a renewal nobody prepared.
   */
  defaultSegment: SegmentSchema.default('mid_market'),
  /** Days after signing when sales must not pitch another product ("about a week"). */
  noPitchDays: z.number().int().min(0).max(60).default(7),
  /**
   * Days after its due date a touchpoint is still just "due"; then it is
   * overdue and raises a CTA. Three days: a few days' slip is scheduling,
   * more is a miss, and the week-long windows of the 15- and 7-day
   * touchpoints still leave days to act on the CTA.
   */
  graceDays: z.number().int().min(0).max(60).default(3),
  /** The renewal likelihood's points (likelihood.ts). */
  likelihood: LikelihoodPointsSchema.default(() => ({ ...LIKELIHOOD_POINTS })),
  /** The 90-day renewal plan's steps (plan-template.ts). */
  plan: PlanTemplateSchema.default(defaultPlanTemplate),
});
export type RenewalSettings = z.infer<typeof RenewalSettingsSchema>;

export const DEFAULT_RENEWAL_SETTINGS: RenewalSettings = RenewalSettingsSchema.parse({});

/** The cadence an account follows, offsets largest first. */
export function cadenceFor(segment: Segment | undefined, settings: RenewalSettings): Cadence {
  const c = settings.cadence[segment ?? settings.defaultSegment];
  // Settings keep the offsets furthest first already; a copy is sorted only when they do not.
  let inOrder = true;
  for (let i = 1; i < c.offsets.length && inOrder; i++) inOrder = c.offsets[i - 1]! >= c.offsets[i]!;
  return { offsets: inOrder ? c.offsets : [...c.offsets].sort((a, b) => b - a), automated: c.automated };
}
