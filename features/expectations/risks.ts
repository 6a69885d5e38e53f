import { addDays, type IsoDate } from '../../shared/dates/local-date';
import type { PromiseRecord } from '../../data/model/records';

/**
 * Why a promise is a risk to the renewal: it is known not to be deliverable,
 * it is past its due date and still open, or nobody has judged it yet though
 * the account was signed more than two weeks ago. Kept, reset-with-the-customer
 * and broken promises are settled, so no longer a risk to flag (a broken
 * promise is already history the renewal conversation has to face).
 */
export type PromiseRisk = 'not_deliverable' | 'overdue' | 'not_assessed';

/** Days after signing the CSM has to judge each promise made in the sale. */
export const ASSESS_WITHIN_DAYS = 14;

type RiskFields = Pick<PromiseRecord, 'deliverable' | 'status' | 'dueDate' | 'deleted'>;

/**
 * The risk of one promise on `today`. `signedAt` is the account's signing
 * date: without it an unassessed promise is not flagged (there is no date to
 * count the two weeks from). An unassessed promise past its due date is
 * overdue first: that is the more urgent thing to say.
 */
export function promiseRisk(p: RiskFields, today: IsoDate, signedAt?: IsoDate): PromiseRisk | null {
  if (p.deleted || p.status !== 'open') return null;
  if (p.deliverable === 'no') return 'not_deliverable';
  if (p.dueDate && p.dueDate < today) return 'overdue';
  if (p.deliverable === 'unassessed' && signedAt && addDays(signedAt, ASSESS_WITHIN_DAYS) < today) return 'not_assessed';
  return null;
}

export function promiseRisks<P extends RiskFields>(promises: readonly P[], today: IsoDate, signedAt?: IsoDate): { promise: P; risk: PromiseRisk }[] {
  return promises.flatMap((promise) => {
    const risk = promiseRisk(promise, today, signedAt);
    return risk ? [{ promise, risk }] : [];
  });
}

/**
 * Whether a risk weighs on the renewal: renewal likelihood, "Can I pitch?" and
 * the health score count these. A promise not yet assessed weighs as a partly
 * deliverable one does, which is not at all until it is overdue: not judging
 * a promise is the CSM's work to do, not news about the customer.
 */
export const weighsOnRenewal = (risk: PromiseRisk | null): boolean => risk === 'not_deliverable' || risk === 'overdue';
