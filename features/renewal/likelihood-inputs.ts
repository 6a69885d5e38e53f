import type { Band } from '../../data/model/common';
import type { BandOverride } from '../../data/model/records';
import type { LikelihoodInput } from './likelihood';
import type { RenewalTimeline } from './timeline';

/** What the renewal likelihood weighs beside the timeline: the renewal card and the portfolio row pass the same. */
export interface LikelihoodFacts {
  /** The latest computed band (the last scored reading), else the account's stored one. */
  computedBand: Band | null;
  trendDirection: LikelihoodInput['trendDirection'];
  /** A band set by hand counts as that band while it lasts. */
  override?: Pick<BandOverride, 'band'>;
  latestOutcome?: LikelihoodInput['latestOutcome'];
  promisesAtRisk?: number;
  onboardingUnfinished?: boolean;
}

/** The likelihood's input from an account's renewal timeline and facts: one builder, so the card and the portfolio agree. */
export function likelihoodInput(timeline: Pick<RenewalTimeline, 'touchpoints' | 'expired'>, facts: LikelihoodFacts): LikelihoodInput {
  const dueSoFar = timeline.touchpoints.filter((p) => p.status !== 'upcoming');
  return {
    band: facts.override?.band ?? facts.computedBand,
    bandByHand: facts.override !== undefined,
    trendDirection: facts.trendDirection,
    touchpointsKept: dueSoFar.filter((p) => p.status === 'done').length,
    touchpointsDue: dueSoFar.length,
    expired: timeline.expired,
    ...(facts.latestOutcome ? { latestOutcome: facts.latestOutcome } : {}),
    promisesAtRisk: facts.promisesAtRisk ?? 0,
    onboardingUnfinished: facts.onboardingUnfinished ?? false,
  };
}
