import type { IsoDate } from '../../shared/dates/local-date';
import type { Band } from '../../data/model/common';
import type { RenewalOutcome } from '../../data/model/records';
import { retentionMetrics, type RetentionMetrics } from '../renewal/metrics';
import { addMonths, monthOf, type YearMonth } from '../../shared/dates/calendar';
import type { PortfolioRow } from './rows';

/** Money by currency: a book in USD and CNY is never summed into one number. */
export type Money = Record<string, number>;
const NO_CURRENCY = '';

function add(m: Money, row: Pick<PortfolioRow, 'arr' | 'currency'>) {
  if (row.arr === undefined) return;
  const c = row.currency ?? NO_CURRENCY;
  m[c] = (m[c] ?? 0) + row.arr;
}

export interface BookMetrics {
  accounts: number;
  arr: Money;
  /** ARR of accounts in the red band, and in the yellow band. */
  atRisk: { red: Money; yellow: Money; redCount: number; yellowCount: number };
  /** Contracts ending within 30 and 90 days from today (today included; ended ones not). */
  due30: { count: number; arr: Money };
  due90: { count: number; arr: Money };
  /** Renewal rate, GRR and NRR from the outcomes recorded in the period. */
  retention: RetentionMetrics;
  /** Accounts with a visit logged this calendar month, of those with a live contract. */
  cadence: { visited: number; of: number; share: number | null };
}

/**
 * The book's figures. Definitions (shown one click away in the UI):
 * ARR at risk = ARR of accounts whose health band is red (or yellow);
 * renewals due in N days = contracts ending from today to today + N;
 * renewal rate, GRR, NRR = see retentionMetrics, over outcomes in the period;
 * service cadence = accounts visited this month / accounts not yet ended.
 */
export function bookMetrics(rows: readonly PortfolioRow[], outcomes: readonly RenewalOutcome[], period: { from: IsoDate; to: IsoDate }): BookMetrics {
  const m: BookMetrics = {
    accounts: rows.length,
    arr: {},
    atRisk: { red: {}, yellow: {}, redCount: 0, yellowCount: 0 },
    due30: { count: 0, arr: {} },
    due90: { count: 0, arr: {} },
    retention: retentionMetrics(outcomes, period.from, period.to),
    cadence: { visited: 0, of: 0, share: null },
  };
  for (const r of rows) {
    add(m.arr, r);
    if (r.band === 'red') {
      m.atRisk.redCount++;
      add(m.atRisk.red, r);
    } else if (r.band === 'yellow') {
      m.atRisk.yellowCount++;
      add(m.atRisk.yellow, r);
    }
    if (r.daysToRenewal >= 0 && r.daysToRenewal <= 30) {
      m.due30.count++;
      add(m.due30.arr, r);
    }
    if (r.daysToRenewal >= 0 && r.daysToRenewal <= 90) {
      m.due90.count++;
      add(m.due90.arr, r);
    }
    if (r.daysToRenewal >= 0) {
      m.cadence.of++;
      if (r.visitedThisMonth) m.cadence.visited++;
    }
  }
  m.cadence.share = m.cadence.of > 0 ? m.cadence.visited / m.cadence.of : null;
  return m;
}

export type BandOrUnknown = Band | 'unknown';
export interface RenewalMonth {
  month: YearMonth;
  bands: Record<BandOrUnknown, { count: number; arr: Money }>;
}

/** Contracts ending in each of the next `months` months (this one first), stacked by health band. */
export function renewalsByMonth(rows: readonly PortfolioRow[], today: IsoDate, months = 12): RenewalMonth[] {
  const first = monthOf(today);
  const out: RenewalMonth[] = Array.from({ length: months }, (_, i) => ({
    month: addMonths(first, i),
    bands: { green: { count: 0, arr: {} }, yellow: { count: 0, arr: {} }, red: { count: 0, arr: {} }, unknown: { count: 0, arr: {} } },
  }));
  const index = new Map(out.map((m, i) => [m.month, i]));
  for (const r of rows) {
    if (r.contractEnd < today) continue;
    const i = index.get(monthOf(r.contractEnd));
    if (i === undefined) continue;
    const cell = out[i]!.bands[r.band ?? 'unknown'];
    cell.count++;
    add(cell.arr, r);
  }
  return out;
}

/** The currency most of the book's ARR is in (by account count), for charts that need one. */
export function mainCurrency(rows: readonly Pick<PortfolioRow, 'currency' | 'arr'>[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.arr !== undefined) counts.set(r.currency ?? NO_CURRENCY, (counts.get(r.currency ?? NO_CURRENCY) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? NO_CURRENCY;
}
