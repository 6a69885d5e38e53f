import type { CtaRule } from '../data/model/cta-draft';
import type { WrittenKind } from '../data/model/records';
import { expectationsFeature } from './expectations/feature';
import { handoverFeature } from './handover/feature';
import { healthFeature } from './health/feature';
import { nextStepsFeature } from './next-steps/feature';
import { onboardingFeature } from './onboarding/feature';
import { peopleFeature } from './people/feature';
import { portfolioFeature } from './portfolio/feature';
import { remindersFeature } from './reminders/feature';
import { renewalFeature } from './renewal/feature';
import { serviceFeature } from './service/feature';
import { transferFeature } from './transfer/feature';

/**
 * The registry: every feature's registration (its feature.ts), in the order
 * their CTA rules run. A new source of calls to action or a new record kind is
 * added in its feature's folder and listed here once. The registry stays free
 * of storage (scripts and the team server evaluate CTAs outside the extension):
 * the settings items are gathered in features/engine-settings.ts.
 */
export const FEATURES = [
  healthFeature,
  renewalFeature,
  onboardingFeature,
  serviceFeature,
  expectationsFeature,
  handoverFeature,
  peopleFeature,
  nextStepsFeature,
  portfolioFeature,
  remindersFeature,
  transferFeature,
] as const;

type Registration = (typeof FEATURES)[number];
type RulesOf<F> = F extends { ctaRules: readonly (infer R)[] } ? R : never;
type InputOf<R> = R extends CtaRule<infer I> ? I : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Everything any registered CTA rule reads: the evaluation input is all of it at once. */
export type CtaRulesInput = UnionToIntersection<InputOf<RulesOf<Registration>>>;

/** Every registered CTA rule, in registry order. */
export const CTA_RULES: readonly CtaRule<CtaRulesInput>[] = FEATURES.flatMap((f): readonly CtaRule<CtaRulesInput>[] => ('ctaRules' in f ? f.ctaRules : []));

/** The feature that owns each user-written record kind. */
export const RECORD_OWNERS: ReadonlyMap<WrittenKind, Registration['name']> = new Map(
  FEATURES.flatMap((f) => ('records' in f ? f.records.map((k) => [k, f.name] as const) : [])),
);
