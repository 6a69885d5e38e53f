import type { IsoDate } from '../../shared/dates/local-date';
import type { Band } from '../../data/model/common';
import { retentionFigures, type ExchangeRates, type RetentionFigures } from '../renewal/metrics';
import type { RenewalEvent } from '../renewal/terms';

export type { ExchangeRates, Retention, RetentionFigures } from '../renewal/metrics';
export type { RenewalEvent } from '../renewal/terms';
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
  /** Renewal rate, GRR and NRR over the terms up for renewal in the period, per currency. */
  retention: RetentionFigures;
  /** Expected renewal ARR of the contracts ending in the next 30, 90 and 180 days. */
  forecast: Forecast[];
  /** Accounts with a visit logged this calendar month, of those with a live contract. */
  cadence: { visited: number; of: number; share: number | null };
}

/**
 * The book's figures. Definitions (shown one click away in the UI):
 * ARR at risk = ARR of accounts whose health band is red (or yellow);
 * renewals due in N days = contracts ending from today to today + N;
 * renewal rate, GRR, NRR = see retentionFigures, over the terms up for renewal in the period;
 * service cadence = accounts visited this month / accounts not yet ended;
 * forecast = see renewalForecast.
 */
export function bookMetrics(
  rows: readonly PortfolioRow[],
  events: readonly RenewalEvent[],
  period: { from: IsoDate; to: IsoDate },
  rates?: ExchangeRates | null,
): BookMetrics {
  const m: BookMetrics = {
    accounts: rows.length,
    arr: {},
    atRisk: { red: {}, yellow: {}, redCount: 0, yellowCount: 0 },
    due30: { count: 0, arr: {} },
    due90: { count: 0, arr: {} },
    retention: retentionFigures(events, period.from, period.to, rates),
    forecast: renewalForecast(rows),
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

export const FORECAST_DAYS = [30, 90, 180] as const;
export interface Forecast {
  days: (typeof FORECAST_DAYS)[number];
  /** Contracts ending from today to today + days, and how many of them have an ARR and a likelihood. */
  count: number;
  counted: number;
  /** Σ ARR of the contracts counted, per currency. */
  due: Money;
  /** Σ likelihood × ARR, per currency. */
  expected: Money;
}

/**
 * Expected renewal ARR: for each contract ending in the window, its renewal
 * likelihood (0–100, the panel's own model for today) × its ARR, summed per
 * currency. A contract without an ARR is counted but adds nothing.
 */
export function renewalForecast(rows: readonly PortfolioRow[]): Forecast[] {
  return FORECAST_DAYS.map((days) => {
    const f: Forecast = { days, count: 0, counted: 0, due: {}, expected: {} };
    for (const r of rows) {
      if (r.daysToRenewal < 0 || r.daysToRenewal > days) continue;
      f.count++;
      if (r.arr === undefined || r.likelihood === undefined) continue;
      f.counted++;
      add(f.due, r);
      add(f.expected, { arr: (r.arr * r.likelihood) / 100, ...(r.currency ? { currency: r.currency } : {}) });
    }
    return f;
  });
}

export type BreakdownBy = 'owner' | 'csm' | 'segment';

/** The period's retention for each owner, CSM or segment ('' for events without one), biggest group first. */
export function retentionBy(
  events: readonly RenewalEvent[],
  by: BreakdownBy,
  period: { from: IsoDate; to: IsoDate },
  rates?: ExchangeRates | null,
): { group: string; figures: RetentionFigures }[] {
  const groups = new Map<string, RenewalEvent[]>();
  for (const e of events) {
    const k = e[by] ?? '';
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  return [...groups]
    .map(([group, list]) => ({ group, figures: retentionFigures(list, period.from, period.to, rates) }))
    .filter((g) => g.figures.total.customers > 0)
    .sort((a, b) => b.figures.total.customers - a.figures.total.customers || a.group.localeCompare(b.group));
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
