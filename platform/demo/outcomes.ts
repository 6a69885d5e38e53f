import { addDays, daysBetween, type IsoDate } from '../../shared/dates/local-date';
import type { Account } from '../../data/model/account';
import type { RenewalOutcome } from '../../data/model/records';

/**
 * The demo book's recorded renewals and churns, dated from `today` so the
 * last twelve months always hold some in USD and some in CNY:
 * - every other account renewed its previous term five days before that term
 *   ended (a year before the current one), some with expansion, some with a
 *   downgrade;
 * - two accounts whose contract just ended churned, one in each currency,
 *   with symptom and root cause;
 * - the other ended contracts (Northwind Logistics among them, see
 *   scenarios.ts) have no outcome recorded.
 */
export const DEMO_CHURNS: Readonly<Record<string, Pick<RenewalOutcome, 'symptom' | 'rootCause' | 'notes'>>> = {
  'Stark Components': { symptom: 'sales_expectation', rootCause: 'over_promising', notes: 'Expected the custom reports sales had shown them.' },
  '天津港湾航运': { symptom: 'price', rootCause: 'poor_service', notes: '半年没有上门拜访，老板认为不值这个价。' },
};

export function demoOutcomes(accounts: readonly Account[], today: IsoDate, stamp: string): RenewalOutcome[] {
  const out: RenewalOutcome[] = [];
  accounts.forEach((a, i) => {
    const base = { accountId: a.id, createdAt: stamp, updatedAt: stamp, ...(a.currency ? { currency: a.currency } : {}) };
    const churn = DEMO_CHURNS[a.name];
    if (churn) {
      out.push({ id: `demo-outcome-${a.id}-churned`, ...base, kind: 'churned', date: a.contractEnd, ...(a.arr !== undefined ? { previousArr: a.arr } : {}), ...churn });
      return;
    }
    if (i % 2 !== 0 || !a.contractStart || a.arr === undefined) return;
    const date = addDays(a.contractStart, -5);
    if (daysBetween(date, today) < 0 || daysBetween(date, today) >= 365) return;
    // A tenth up, flat, or a tenth down: the new term's value is the account's ARR today.
    const previousArr = Math.round(a.arr * [0.9, 1, 1.1][i % 3]!);
    out.push({ id: `demo-outcome-${a.id}-renewed`, ...base, kind: 'renewed', date, previousArr, newArr: a.arr });
  });
  return out;
}
