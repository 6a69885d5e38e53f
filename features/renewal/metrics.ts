import type { IsoDate } from '../../shared/dates/local-date';
import type { RenewalEvent } from './terms';

/** Counts and revenue of the terms up for renewal in one currency (or converted into one). */
export interface Retention {
  renewed: number;
  churned: number;
  /** Terms that ended with no outcome recorded: in the denominator, never renewed. */
  notRecorded: number;
  /** renewed + churned + notRecorded. */
  customers: number;
  /** renewed / customers; null with no term up for renewal. */
  customerRenewalRate: number | null;
  /** Σ ARR up for renewal, over the terms whose ARR is known. */
  base: number;
  /** Σ min(after, base): what was kept, expansion not counted. */
  retained: number;
  /** Σ ARR after renewal, expansion and contraction included (churn and not recorded count 0). */
  after: number;
  /** Gross revenue retention, retained / base, 0..1; null when base is 0. */
  grr: number | null;
  /** Net revenue retention, after / base; null when base is 0. */
  nrr: number | null;
  /** Terms counted as customers but left out of the revenue sums: their ARR is unknown. */
  withoutArr: number;
}

/** Exchange rates the person entered: one unit of each currency is `rates[c]` units of `base`. */
export interface ExchangeRates {
  base: string;
  rates: Readonly<Record<string, number>>;
}

export interface RetentionFigures {
  /** Every currency together: counts only (money is never added across currencies). */
  total: Pick<Retention, 'renewed' | 'churned' | 'notRecorded' | 'customers' | 'customerRenewalRate' | 'withoutArr'>;
  /** Per currency code ('' for terms with none), counts and revenue. */
  byCurrency: Record<string, Retention>;
  /** Everything in `rates.base`, when rates were given and cover every currency; else null with `missing` naming the gaps. */
  converted: (Retention & { currency: string }) | null;
  /** Currencies with revenue but no rate (only when rates were given). */
  missing: string[];
}

const empty = (): Retention => ({
  renewed: 0, churned: 0, notRecorded: 0, customers: 0, customerRenewalRate: null, base: 0, retained: 0, after: 0, grr: null, nrr: null, withoutArr: 0,
});

function addEvent(r: Retention, e: RenewalEvent, rate = 1) {
  if (e.status === 'renewed') r.renewed++;
  else if (e.status === 'churned') r.churned++;
  else r.notRecorded++;
  r.customers++;
  if (e.base === undefined || e.after === undefined) {
    r.withoutArr++;
    return;
  }
  r.base += e.base * rate;
  r.retained += Math.min(e.after, e.base) * rate;
  r.after += e.after * rate;
}

function finish(r: Retention): Retention {
  return {
    ...r,
    customerRenewalRate: r.customers > 0 ? r.renewed / r.customers : null,
    grr: r.base > 0 ? r.retained / r.base : null,
    nrr: r.base > 0 ? r.after / r.base : null,
  };
}

export const inPeriod = (e: Pick<RenewalEvent, 'date'>, from: IsoDate, to: IsoDate) => e.date >= from && e.date <= to;

/**
 * Customer renewal rate, GRR and NRR over the terms up for renewal from `from`
 * to `to` inclusive (see renewalEvents: outcomes by their date, unrecorded
 * terms by their end). Per currency always; converted into one currency only
 * with the person's own rates, and only when every currency has one — a
 * figure is never a silent mix. Ratios are fractions (1.08 = 108%).
 */
export function retentionFigures(events: readonly RenewalEvent[], from: IsoDate, to: IsoDate, rates?: ExchangeRates | null): RetentionFigures {
  const byCurrency: Record<string, Retention> = {};
  const total = empty();
  const kept: RenewalEvent[] = [];
  for (const e of events) {
    if (!inPeriod(e, from, to)) continue;
    kept.push(e);
    addEvent(total, e);
    addEvent((byCurrency[e.currency] ??= empty()), e);
  }
  for (const c of Object.keys(byCurrency)) byCurrency[c] = finish(byCurrency[c]!);
  const t = finish(total);
  const figures: RetentionFigures = {
    total: { renewed: t.renewed, churned: t.churned, notRecorded: t.notRecorded, customers: t.customers, customerRenewalRate: t.customerRenewalRate, withoutArr: t.withoutArr },
    byCurrency,
    converted: null,
    missing: [],
  };
  if (!rates) return figures;
  const rateOf = (c: string) => (c === rates.base ? 1 : rates.rates[c]);
  figures.missing = Object.keys(byCurrency).filter((c) => byCurrency[c]!.base > 0 && !(rateOf(c)! > 0)).sort();
  if (figures.missing.length > 0) return figures;
  const converted = empty();
  for (const e of kept) addEvent(converted, e, rateOf(e.currency) ?? 0);
  figures.converted = { ...finish(converted), currency: rates.base };
  return figures;
}
