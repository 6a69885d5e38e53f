/**
 * When customer success joins the sale. A small, fast deal is handed over
 * after it closes; anything larger, longer or harder to implement brings the
 * CSM in at about 70% of the sales process, so expectations are set before
 * signing.
 */
import { DEFAULT_INVOLVEMENT, validThresholds, valueLimitFor, type InvolvementThresholds } from '../../shared/involvement-thresholds';

// The thresholds live in shared/ (the service settings store them); the rule is here.
export { DEFAULT_INVOLVEMENT, DEFAULT_VALUE_LIMITS, validThresholds, type InvolvementThresholds } from '../../shared/involvement-thresholds';

export type InvolvementReason =
  /** The value against the threshold in its currency; `assumed`: the amount had no currency, the USD threshold was used. */
  | { code: 'value_small' | 'value_large'; value: number; limit: number; currency: string; assumed?: true }
  /** The amount's currency has no threshold: its value is not compared with one in another currency. */
  | { code: 'value_no_limit'; value: number; currency: string }
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
  /** The value's ISO 4217 currency; absent: not known (the USD threshold applies, and the reason says so). */
  currency?: string | undefined;
  salesCycleDays?: number;
  implementationWeeks?: number;
}

const known = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

type Verdict = 'over' | 'under' | 'unknown';

/**
 * When CS should join this deal. Any known input at or above its limit means
 * 'at_70_percent'; all three known and under their limits means
 * 'after_close'; otherwise (nothing over, something unknown) 'undecided'.
 * A missing, non-finite or negative input is unknown. The value is weighed
 * against the threshold in its own currency; in a currency with none, it is
 * not weighed (as if unknown), and the reason says so.
 */
export function csInvolvement(deal: DealShape, t: InvolvementThresholds = DEFAULT_INVOLVEMENT): Involvement {
  const lim = validThresholds(t);
  const judged: { verdict: Verdict; reason: InvolvementReason }[] = [];

  const v = deal.value;
  const byCurrency = valueLimitFor(lim, deal.currency);
  if (!known(v)) judged.push({ verdict: 'unknown', reason: { code: 'value_unknown' } });
  else if (!byCurrency) judged.push({ verdict: 'unknown', reason: { code: 'value_no_limit', value: v, currency: deal.currency! } });
  else {
    const { limit, currency, assumed } = byCurrency;
    const reason = { value: v, limit, currency, ...(assumed ? { assumed: true as const } : {}) };
    if (v >= limit) judged.push({ verdict: 'over', reason: { code: 'value_large', ...reason } });
    else judged.push({ verdict: 'under', reason: { code: 'value_small', ...reason } });
  }

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
