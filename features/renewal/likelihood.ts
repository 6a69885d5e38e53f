import type { Band } from '../../data/model/common';

export interface LikelihoodInput {
  band: Band | null | undefined;
  trendDirection?: 'up' | 'down' | 'flat';
  touchpointsKept: number;
  /** Touchpoints whose due date has come (done, due or overdue). */
  touchpointsDue: number;
  expired: boolean;
  willNotRenew: boolean;
}

export type LikelihoodReasonCode = 'base' | 'health_green' | 'health_red' | 'trend_up' | 'trend_down' | 'touchpoints' | 'expired' | 'will_not_renew';

export interface LikelihoodReason {
  code: LikelihoodReasonCode;
  /** Points added (negative: taken away). */
  effect: number;
  kept?: number;
  due?: number;
}

export interface Likelihood {
  /** 0–100: the reasons' effects added up, then clamped. */
  likelihood: number;
  level: 'high' | 'medium' | 'low';
  /** Every non-zero effect, starting with the base. */
  reasons: LikelihoodReason[];
}

/**
 * The additive model, in points. Every number is a default to tune against
 * the team's own renewals; the reasons list shows the sum.
 */
export const LIKELIHOOD_POINTS = {
  // A coin toss before any evidence.
  base: 50,
  // The health score is built to predict renewal: its band is the biggest single signal.
  green: 25,
  red: -25,
  // A falling score precedes churn more reliably than a rising one precedes renewal.
  up: 5,
  down: -10,
  // Renewals are earned by service: all due touchpoints kept +10, none kept −10, linear between.
  touchpoints: 10,
  // After expiry renewal rates drop sharply.
  expired: -20,
  // The customer said so: only a recovery changes it.
  willNotRenew: -50,
  // Level cut-offs mirror the health bands (70 and 40).
  high: 70,
  medium: 40,
} as const;

export function renewalLikelihood(input: LikelihoodInput): Likelihood {
  const P = LIKELIHOOD_POINTS;
  const reasons: LikelihoodReason[] = [{ code: 'base', effect: P.base }];
  if (input.band === 'green') reasons.push({ code: 'health_green', effect: P.green });
  if (input.band === 'red') reasons.push({ code: 'health_red', effect: P.red });
  if (input.trendDirection === 'up') reasons.push({ code: 'trend_up', effect: P.up });
  if (input.trendDirection === 'down') reasons.push({ code: 'trend_down', effect: P.down });
  if (input.touchpointsDue > 0) {
    const kept = Math.min(input.touchpointsKept, input.touchpointsDue);
    const effect = Math.round(P.touchpoints * ((2 * kept) / input.touchpointsDue - 1));
    if (effect !== 0) reasons.push({ code: 'touchpoints', effect, kept, due: input.touchpointsDue });
  }
  if (input.expired) reasons.push({ code: 'expired', effect: P.expired });
  if (input.willNotRenew) reasons.push({ code: 'will_not_renew', effect: P.willNotRenew });
  const sum = reasons.reduce((s, r) => s + r.effect, 0);
  const likelihood = Math.min(100, Math.max(0, sum));
  return { likelihood, level: likelihood >= P.high ? 'high' : likelihood >= P.medium ? 'medium' : 'low', reasons };
}
