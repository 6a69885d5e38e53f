import type { IsoDate } from '../../shared/dates/local-date';
import type { PromiseRecord } from '../../data/model/records';

/**
 * Why a promise is a risk to the renewal: it is known not to be deliverable,
 * or it is past its due date and still open. Kept, reset-with-the-customer
 * and broken promises are settled, so no longer a risk to flag (a broken
 * promise is already history the renewal conversation has to face).
 */
export type PromiseRisk = 'not_deliverable' | 'overdue';

export function promiseRisk(p: Pick<PromiseRecord, 'deliverable' | 'status' | 'dueDate' | 'deleted'>, today: IsoDate): PromiseRisk | null {
  if (p.deleted || p.status !== 'open') return null;
  if (p.deliverable === 'no') return 'not_deliverable';
  if (p.dueDate && p.dueDate < today) return 'overdue';
  return null;
}

export function promiseRisks<P extends Pick<PromiseRecord, 'deliverable' | 'status' | 'dueDate' | 'deleted'>>(promises: readonly P[], today: IsoDate): { promise: P; risk: PromiseRisk }[] {
  return promises.flatMap((promise) => {
    const risk = promiseRisk(promise, today);
    return risk ? [{ promise, risk }] : [];
  });
}
