import { CHURN_ROOT_CAUSES, CHURN_SYMPTOMS, type ChurnRootCause, type RenewalOutcome } from '../../data/model/records';
import type { IsoDate } from '../../shared/dates/local-date';

/**
 * The practice's claim: about half of churn comes from poor service and about
 * half from over-promising at signing. It "holds" for a book when each of the
 * two explains at least CLAIM_EACH of the churns with a root cause and
 * together at least CLAIM_TOGETHER; below CLAIM_MIN_CHURNS there is too little
 * to say either way.
 */
export const CLAIM_EACH = 0.3;
export const CLAIM_TOGETHER = 0.7;
export const CLAIM_MIN_CHURNS = 5;

export interface ChurnSplit {
  /** Churns (and "will not renew") in the period, and how many name a root cause. */
  churns: number;
  withCause: number;
  causes: { cause: ChurnRootCause; count: number; share: number }[];
  symptoms: { symptom: (typeof CHURN_SYMPTOMS)[number]; count: number }[];
  poorService: number;
  overPromising: number;
  verdict: 'too_few' | 'holds' | 'does_not_hold';
  /** The most frequent root cause, when the claim does not hold. */
  top?: ChurnRootCause;
}

/** The book's own split of churn root causes and symptoms over outcomes dated from `from` to `to`. */
export function churnSplit(outcomes: readonly RenewalOutcome[], from: IsoDate, to: IsoDate): ChurnSplit {
  const causes = new Map<ChurnRootCause, number>();
  const symptoms = new Map<(typeof CHURN_SYMPTOMS)[number], number>();
  let churns = 0;
  for (const o of outcomes) {
    if (o.deleted || o.kind === 'renewed' || o.date < from || o.date > to) continue;
    churns++;
    if (o.rootCause) causes.set(o.rootCause, (causes.get(o.rootCause) ?? 0) + 1);
    if (o.symptom) symptoms.set(o.symptom, (symptoms.get(o.symptom) ?? 0) + 1);
  }
  const withCause = [...causes.values()].reduce((s, n) => s + n, 0);
  const share = (n: number) => (withCause > 0 ? n / withCause : 0);
  const poorService = share(causes.get('poor_service') ?? 0);
  const overPromising = share(causes.get('over_promising') ?? 0);
  const ranked = CHURN_ROOT_CAUSES.filter((c) => causes.has(c))
    .map((cause) => ({ cause, count: causes.get(cause)!, share: share(causes.get(cause)!) }))
    .sort((a, b) => b.count - a.count);
  const holds = poorService >= CLAIM_EACH && overPromising >= CLAIM_EACH && poorService + overPromising >= CLAIM_TOGETHER;
  return {
    churns,
    withCause,
    causes: ranked,
    symptoms: CHURN_SYMPTOMS.filter((s) => symptoms.has(s)).map((symptom) => ({ symptom, count: symptoms.get(symptom)! })).sort((a, b) => b.count - a.count),
    poorService,
    overPromising,
    verdict: withCause < CLAIM_MIN_CHURNS ? 'too_few' : holds ? 'holds' : 'does_not_hold',
    ...(withCause >= CLAIM_MIN_CHURNS && !holds && ranked[0] ? { top: ranked[0].cause } : {}),
  };
}
