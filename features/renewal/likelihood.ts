import { z } from 'zod';
import type { Band } from '../../data/model/common';

export interface LikelihoodInput {
  band: Band | null | undefined;
  /** The band was set by hand (features/health/override.ts): it counts as that band, and the reason says so. */
  bandByHand?: boolean;
  trendDirection?: 'up' | 'down' | 'flat';
  touchpointsKept: number;
  /** Touchpoints whose due date has come (done, due or overdue). */
  touchpointsDue: number;
  expired: boolean;
  /** The latest outcome recorded for the current term (earlier ones no longer count). */
  latestOutcome?: 'renewed' | 'churned' | 'will_not_renew';
  /** Promises made at signing that are at risk (undeliverable, broken or overdue). */
  promisesAtRisk?: number;
  /** Onboarding milestones still open past their due date. */
  onboardingUnfinished?: boolean;
}

export type LikelihoodReasonCode =
  | 'base' | 'health_green' | 'health_red' | 'health_unknown' | 'trend_up' | 'trend_down' | 'touchpoints' | 'expired'
  | 'will_not_renew' | 'churned' | 'promises_at_risk' | 'onboarding_unfinished';

export interface LikelihoodReason {
  code: LikelihoodReasonCode;
  /** Points added (negative: taken away). */
  effect: number;
  kept?: number;
  due?: number;
  /** promises_at_risk: how many. */
  n?: number;
  /** health_green / health_red: the band was set by hand. */
  byHand?: boolean;
}

export interface Likelihood {
  /** 0–100: the reasons' effects added up, then clamped. */
  likelihood: number;
  /** 'unknown' while health is unmeasured: the band is the biggest signal, and a guess without it would read as yellow. */
  level: 'high' | 'medium' | 'low' | 'unknown';
  /** Every non-zero effect, starting with the base (and health_unknown, which adds nothing). */
  reasons: LikelihoodReason[];
}

const points = (min: number, max: number, d: number) => z.number().int().min(min).max(max).default(d);

/**
 * The additive model, in points: settings (Options, beside the health
 * model), each a default to tune against the team's own renewals; the
 * reasons list shows the sum.
 */
export const LikelihoodPointsSchema = z
  .object({
    // A coin toss before any evidence.
    base: points(0, 100, 50),
    // The health score is built to predict renewal: its band is the biggest single signal.
    green: points(-100, 100, 25),
    red: points(-100, 100, -25),
    // A falling score precedes churn more reliably than a rising one precedes renewal.
    up: points(-100, 100, 5),
    down: points(-100, 100, -10),
    // Renewals are earned by service: all due touchpoints kept +10, none kept −10, linear between.
    touchpoints: points(0, 100, 10),
    // After expiry renewal rates drop sharply.
    expired: points(-100, 100, -20),
    // The customer said so: only a later outcome (a renewal after all) changes it.
    willNotRenew: points(-100, 100, -50),
    // Over-promising at signing is half of churn: each promise at risk costs, up to a cap.
    promiseAtRisk: points(-100, 0, -5),
    promiseAtRiskCap: points(-100, 0, -15),
    // The 90/10 rule: customers who do not finish onboarding rarely stay.
    onboardingUnfinished: points(-100, 100, -10),
    // Level cut-offs mirror the health bands (70 and 40).
    high: points(1, 100, 70),
    medium: points(0, 99, 40),
  })
  .refine((p) => p.medium < p.high, { message: 'the "medium" cut-off must be below the "high" one', path: ['medium'] });
export type LikelihoodPoints = z.infer<typeof LikelihoodPointsSchema>;
export const LIKELIHOOD_POINTS: LikelihoodPoints = LikelihoodPointsSchema.parse({});

export function renewalLikelihood(input: LikelihoodInput, P: LikelihoodPoints = LIKELIHOOD_POINTS): Likelihood {
  const reasons: LikelihoodReason[] = [{ code: 'base', effect: P.base }];
  const push = (r: LikelihoodReason) => r.effect !== 0 && reasons.push(r);
  const byHand = input.bandByHand ? { byHand: true } : {};
  if (input.band === 'green') push({ code: 'health_green', effect: P.green, ...byHand });
  if (input.band === 'red') push({ code: 'health_red', effect: P.red, ...byHand });
  const unknown = input.band === null || input.band === undefined;
  if (unknown) reasons.push({ code: 'health_unknown', effect: 0 });
  if (input.trendDirection === 'up') push({ code: 'trend_up', effect: P.up });
  if (input.trendDirection === 'down') push({ code: 'trend_down', effect: P.down });
  if (input.touchpointsDue > 0) {
    const kept = Math.min(input.touchpointsKept, input.touchpointsDue);
    push({ code: 'touchpoints', effect: Math.round(P.touchpoints * ((2 * kept) / input.touchpointsDue - 1)), kept, due: input.touchpointsDue });
  }
  if (input.expired) push({ code: 'expired', effect: P.expired });
  const risks = input.promisesAtRisk ?? 0;
  if (risks > 0) push({ code: 'promises_at_risk', effect: Math.max(P.promiseAtRiskCap, risks * P.promiseAtRisk), n: risks });
  if (input.onboardingUnfinished) push({ code: 'onboarding_unfinished', effect: P.onboardingUnfinished });
  if (input.latestOutcome === 'will_not_renew') push({ code: 'will_not_renew', effect: P.willNotRenew });
  const sum = reasons.reduce((s, r) => s + r.effect, 0);
  // Churned is a fact, not a signal: whatever else was true, the term will not renew.
  if (input.latestOutcome === 'churned') reasons.push({ code: 'churned', effect: -Math.max(0, sum) });
  const likelihood = Math.min(100, Math.max(0, input.latestOutcome === 'churned' ? 0 : sum));
  const level = input.latestOutcome === 'churned' ? 'low' : unknown ? 'unknown' : likelihood >= P.high ? 'high' : likelihood >= P.medium ? 'medium' : 'low';
  return { likelihood, level, reasons };
}
