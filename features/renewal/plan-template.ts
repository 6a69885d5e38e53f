import { z } from 'zod';
import { text } from '../../data/model/common';

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The built-in steps: their wording comes from the string files (renewal.step.<id>). */
export const BUILT_IN_STEPS = [
  'review_health', 'review_promises', 'value_review_with_boss', 'success_story', 'offer_value', 'renewal_proposal', 'confirm_decision', 'paperwork',
] as const;
export type PlanStepCode = (typeof BUILT_IN_STEPS)[number];
export const isBuiltInStep = (id: string): id is PlanStepCode => (BUILT_IN_STEPS as readonly string[]).includes(id);

/**
 * One step of the 90-day renewal plan, as days before the contract end.
 * `customer` steps involve the customer (automated in automated segments);
 * the others are the CSM's own preparation. A step the team adds has its own
 * title; a built-in one may be renamed the same way.
 */
export const PlanTemplateStepSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,60}$/, 'a step id is 1–60 lower-case letters, digits, "-" or "_"'),
  offset: z.number().int().min(0, 'a step is 0 or more days before the end').max(365, 'a step is at most 365 days before the end'),
  priority: z.enum(PRIORITIES),
  customer: z.boolean(),
  title: text(200).min(1).optional(),
});
export type PlanTemplateStep = z.infer<typeof PlanTemplateStepSchema>;

export const RENEWAL_PLAN_STEPS: readonly PlanTemplateStep[] = [
  // Know where the account stands (health, open CTAs) while there is still time to fix adoption.
  { id: 'review_health', offset: 90, priority: 'high', customer: false },
  // The promises made at signing follow the account to renewal: which were kept, which reset.
  { id: 'review_promises', offset: 90, priority: 'medium', customer: false },
  // The relationship that decides renewals is with the boss: review the value delivered with them.
  { id: 'value_review_with_boss', offset: 60, priority: 'high', customer: true },
  // Renewal groundwork: a success story in the customer's own numbers, ready before the proposal.
  { id: 'success_story', offset: 45, priority: 'medium', customer: false },
  // Value, not discounts: extra training, a strategy session, priority support or an extra month.
  { id: 'offer_value', offset: 30, priority: 'medium', customer: true },
  { id: 'renewal_proposal', offset: 30, priority: 'high', customer: true },
  { id: 'confirm_decision', offset: 15, priority: 'high', customer: true },
  // Signed before the end date: after expiry renewal rates drop sharply.
  { id: 'paperwork', offset: 7, priority: 'high', customer: true },
];

export const PlanTemplateSchema = z
  .array(PlanTemplateStepSchema)
  .min(1, 'the plan needs at least one step')
  .max(30)
  .superRefine((steps, ctx) => {
    const seen = new Set<string>();
    steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', message: `the step id "${s.id}" is used twice`, path: [i, 'id'] });
      seen.add(s.id);
      if (!isBuiltInStep(s.id) && !s.title) ctx.addIssue({ code: 'custom', message: `the step "${s.id}" needs a title`, path: [i, 'title'] });
    });
  });
export const defaultPlanTemplate = (): PlanTemplateStep[] => RENEWAL_PLAN_STEPS.map((s) => ({ ...s }));
