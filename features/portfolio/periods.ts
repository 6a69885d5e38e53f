import { addDays, type IsoDate } from '../../shared/dates/local-date';
import { addMonths, addMonthsToDate, firstDay, lastDay, monthOf, quarterOf } from '../../shared/dates/calendar';

/** How the retention figures are cut: the last twelve months to today, or one calendar month, quarter or year. */
export const PERIOD_KINDS = ['last12', 'month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  kind: PeriodKind;
  /** '2026-11', '2026-Q4', '2026', or 'last12'. */
  key: string;
  from: IsoDate;
  to: IsoDate;
}

/** How many past periods the picker offers, the current one first. */
export const PERIODS_OFFERED: Record<PeriodKind, number> = { last12: 1, month: 12, quarter: 8, year: 4 };

/** The periods of a kind, newest (the one holding `today`) first; the current one runs to its end, not to today. */
export function periodsOf(kind: PeriodKind, today: IsoDate): Period[] {
  const month = monthOf(today);
  const year = Number(today.slice(0, 4));
  const out: Period[] = [];
  for (let i = 0; i < PERIODS_OFFERED[kind]; i++) {
    if (kind === 'last12') out.push({ kind, key: 'last12', from: addDays(addMonthsToDate(today, -12), 1), to: today });
    else if (kind === 'month') {
      const m = addMonths(month, -i);
      out.push({ kind, key: m, from: firstDay(m), to: lastDay(m) });
    } else if (kind === 'quarter') {
      const { quarter, months } = quarterOf(addMonths(month, -3 * i));
      out.push({ kind, key: quarter, from: firstDay(months[0]!), to: lastDay(months[2]!) });
    } else out.push({ kind, key: String(year - i), from: `${year - i}-01-01`, to: `${year - i}-12-31` });
  }
  return out;
}
