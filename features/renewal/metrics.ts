import type { IsoDate } from '../../shared/dates/local-date';
import type { RenewalOutcome } from '../../data/model/records';

export interface RetentionMetrics {
  renewed: number;
  churned: number;
  /** renewed / (renewed + churned); null with no outcome in the period. */
  customerRenewalRate: number | null;
  /** Σ previousArr over the outcomes with revenue. */
  previousArr: number;
  /** Σ min(newArr, previousArr): what was kept, expansion not counted. */
  retainedArr: number;
  /** Σ newArr (churn counts 0). */
  newArr: number;
  /** Gross revenue retention: retainedArr / previousArr, 0..1; null when previousArr is 0. */
  grr: number | null;
  /** Net revenue retention: newArr / previousArr, expansion included; null when previousArr is 0. */
  nrr: number | null;
  /** Outcomes counted as customers but left out of the revenue sums for lack of ARR figures. */
  withoutArr: number;
}

/**
 * Renewal metrics over the outcomes dated from `from` to `to`, inclusive.
 * Only decided outcomes count: 'renewed' and 'churned'. A 'will_not_renew'
 * is a warning, not yet a result (it raises churn recovery instead).
 * Churn is newArr 0 whatever was recorded. A renewal needs both ARR figures
 * for the revenue sums; a churn needs previousArr. Ratios are fractions
 * (1.08 = 108%); the UI formats them.
 */
export function retentionMetrics(outcomes: readonly RenewalOutcome[], from: IsoDate, to: IsoDate): RetentionMetrics {
  let renewed = 0;
  let churned = 0;
  let previousArr = 0;
  let retainedArr = 0;
  let newArr = 0;
  let withoutArr = 0;
  for (const o of outcomes) {
    if (o.deleted || o.date < from || o.date > to || o.kind === 'will_not_renew') continue;
    if (o.kind === 'renewed') renewed++;
    else churned++;
    const next = o.kind === 'churned' ? 0 : o.newArr;
    if (o.previousArr === undefined || next === undefined) {
      withoutArr++;
      continue;
    }
    previousArr += o.previousArr;
    retainedArr += Math.min(next, o.previousArr);
    newArr += next;
  }
  const customers = renewed + churned;
  return {
    renewed,
    churned,
    customerRenewalRate: customers > 0 ? renewed / customers : null,
    previousArr,
    retainedArr,
    newArr,
    grr: previousArr > 0 ? retainedArr / previousArr : null,
    nrr: previousArr > 0 ? newArr / previousArr : null,
    withoutArr,
  };
}
