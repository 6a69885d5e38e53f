/**
 * When customer success joins the sale. A small, fast deal is handed over
 * after it closes; anything larger, longer or harder to implement brings the
 * CSM in at about 70% of the sales process, so expectations are set before
 * signing.
 */
export interface InvolvementThresholds {
  /** Annual contract value at or above which the deal counts as large. */
  maxValue: number;
  /** Sales cycle in days at or above which the deal counts as long. */
  maxCycleDays: number;
  /** Implementation time in weeks at or above which it counts as long. */
  maxImplementationWeeks: number;
}

export const DEFAULT_INVOLVEMENT: InvolvementThresholds = { maxValue: 15_000, maxCycleDays: 45, maxImplementationWeeks: 3 };

export type InvolvementReason =
  | { code: 'value_small' | 'value_large'; value: number; limit: number }
  | { code: 'cycle_short' | 'cycle_long'; days: number; limit: number }
  | { code: 'implementation_short' | 'implementation_long'; weeks: number; limit: number }
  | { code: 'value_unknown' | 'cycle_unknown' | 'implementation_unknown' };

export interface Involvement {
  when: 'after_close' | 'at_70_percent' | 'undecided';
  /** One reason per input; the reasons that decided come first. */
  reasons: InvolvementReason[];
}

export interface DealShape {
  value?: number;
  salesCycleDays?: number;
  implementationWeeks?: number;
}

const known = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const validLimit = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;

/**
 * Thresholds from stored settings: each field that is not a finite number
 * above zero takes its default; anything that is not an object gives the
 * defaults. Always a fresh object.
 */
export function validThresholds(t: unknown): InvolvementThresholds {
  const o = typeof t === 'object' && t !== null && !Array.isArray(t) ? (t as Record<string, unknown>) : {};
  return {
    maxValue: validLimit(o.maxValue) ? o.maxValue : DEFAULT_INVOLVEMENT.maxValue,
    maxCycleDays: validLimit(o.maxCycleDays) ? o.maxCycleDays : DEFAULT_INVOLVEMENT.maxCycleDays,
    maxImplementationWeeks: validLimit(o.maxImplementationWeeks) ? o.maxImplementationWeeks : DEFAULT_INVOLVEMENT.maxImplementationWeeks,
  };
}

type Verdict = 'over' | 'under' | 'unknown';

/**
 * When CS should join this deal. Any known input at or above its limit means
 * 'at_70_percent'; all three known and under their limits means
 * 'after_close'; otherwise (nothing over, something unknown) 'undecided'.
 * A missing, non-finite or negative input is unknown.
 */
export function csInvolvement(deal: DealShape, t: InvolvementThresholds = DEFAULT_INVOLVEMENT): Involvement {
  const lim = validThresholds(t);
  const judged: { verdict: Verdict; reason: InvolvementReason }[] = [];

  const v = deal.value;
  if (!known(v)) judged.push({ verdict: 'unknown', reason: { code: 'value_unknown' } });
  else if (v >= lim.maxValue) judged.push({ verdict: 'over', reason: { code: 'value_large', value: v, limit: lim.maxValue } });
  else judged.push({ verdict: 'under', reason: { code: 'value_small', value: v, limit: lim.maxValue } });

  const d = deal.salesCycleDays;
  if (!known(d)) judged.push({ verdict: 'unknown', reason: { code: 'cycle_unknown' } });
  else if (d >= lim.maxCycleDays) judged.push({ verdict: 'over', reason: { code: 'cycle_long', days: d, limit: lim.maxCycleDays } });
  else judged.push({ verdict: 'under', reason: { code: 'cycle_short', days: d, limit: lim.maxCycleDays } });

  const w = deal.implementationWeeks;
  if (!known(w)) judged.push({ verdict: 'unknown', reason: { code: 'implementation_unknown' } });
  else if (w >= lim.maxImplementationWeeks)
    judged.push({ verdict: 'over', reason: { code: 'implementation_long', weeks: w, limit: lim.maxImplementationWeeks } });
  else judged.push({ verdict: 'under', reason: { code: 'implementation_short', weeks: w, limit: lim.maxImplementationWeeks } });

  // The deciding verdict's reasons first, then the others, each group in input order.
  const ordered = (first: Verdict) => [
    ...judged.filter((j) => j.verdict === first).map((j) => j.reason),
    ...judged.filter((j) => j.verdict !== first).map((j) => j.reason),
  ];
  if (judged.some((j) => j.verdict === 'over')) return { when: 'at_70_percent', reasons: ordered('over') };
  if (judged.every((j) => j.verdict === 'under')) return { when: 'after_close', reasons: ordered('under') };
  return { when: 'undecided', reasons: ordered('unknown') };
}
