/**
 * The thresholds of the rule for when customer success joins a sale
 * (features/handover/involvement.ts), kept here because the service
 * settings store them and the handover reads them.
 *
 * A deal's value is compared only with a threshold in its own currency: a
 * number in yen says nothing against one in dollars. Each currency has its
 * own "value under which CS joins after close"; an amount whose currency the
 * page did not show is compared with the USD threshold, and says so.
 */
export interface InvolvementThresholds {
  /** The USD value threshold: the single number stored before there was a table (read as USD), kept equal to `valueLimits.USD`. */
  maxValue: number;
  /** Annual contract value at or above which the deal counts as large, per ISO 4217 currency. */
  valueLimits?: Record<string, number>;
  /** Sales cycle in days at or above which the deal counts as long. */
  maxCycleDays: number;
  /** Implementation time in weeks at or above which it counts as long. */
  maxImplementationWeeks: number;
}

/** The currency an amount with none is compared in (and the old single threshold's). */
export const FALLBACK_CURRENCY = 'USD';

/** The default value thresholds, each about the same deal size (features/handover: small deals, under ~15,000 a year). */
export const DEFAULT_VALUE_LIMITS: Readonly<Record<string, number>> = Object.freeze({
  USD: 15_000, EUR: 15_000, GBP: 12_000, CNY: 100_000, JPY: 2_000_000,
});

export const DEFAULT_INVOLVEMENT: InvolvementThresholds = Object.freeze({
  maxValue: 15_000, valueLimits: DEFAULT_VALUE_LIMITS, maxCycleDays: 45, maxImplementationWeeks: 3,
}) as InvolvementThresholds;

const KNOWN_CODES: ReadonlySet<string> | null = (() => {
  try {
    return new Set(Intl.supportedValuesOf('currency'));
  } catch {
    return null;
  }
})();

/** True for an ISO 4217 currency code (three capitals the runtime knows as a currency, where it can tell). */
export const isCurrencyCode = (code: unknown): code is string =>
  typeof code === 'string' && /^[A-Z]{3}$/.test(code) && (KNOWN_CODES === null || KNOWN_CODES.has(code));

/** The largest value threshold accepted. */
export const MAX_VALUE_LIMIT = 1e12;
const validLimit = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0;
const validValueLimit = (v: unknown): v is number => validLimit(v) && v <= MAX_VALUE_LIMIT;

/**
 * Thresholds from stored settings: each field that is not a finite number
 * above zero takes its default; anything that is not an object gives the
 * defaults. A stored value table keeps its valid rows; without one (stored
 * before there was a table) the default table applies, with the old single
 * number as the USD value. Always a fresh object.
 */
export function validThresholds(t: unknown): Required<InvolvementThresholds> {
  const o = typeof t === 'object' && t !== null && !Array.isArray(t) ? (t as Record<string, unknown>) : {};
  const single = validLimit(o.maxValue) ? o.maxValue : undefined;
  const stored = typeof o.valueLimits === 'object' && o.valueLimits !== null && !Array.isArray(o.valueLimits) ? (o.valueLimits as Record<string, unknown>) : null;
  const table: Record<string, number> = {};
  if (stored) {
    for (const [code, v] of Object.entries(stored)) if (isCurrencyCode(code) && validValueLimit(v)) table[code] = v;
  } else Object.assign(table, DEFAULT_VALUE_LIMITS);
  if (!stored || table[FALLBACK_CURRENCY] === undefined) table[FALLBACK_CURRENCY] = single ?? DEFAULT_VALUE_LIMITS[FALLBACK_CURRENCY]!;
  return {
    maxValue: table[FALLBACK_CURRENCY]!,
    valueLimits: table,
    maxCycleDays: validLimit(o.maxCycleDays) ? o.maxCycleDays : DEFAULT_INVOLVEMENT.maxCycleDays,
    maxImplementationWeeks: validLimit(o.maxImplementationWeeks) ? o.maxImplementationWeeks : DEFAULT_INVOLVEMENT.maxImplementationWeeks,
  };
}

/**
 * The threshold an amount is compared with: the one in its currency; for an
 * amount whose currency is not known, the USD one (`assumed`); null when
 * its currency has no threshold (then its value is not compared at all).
 */
export function valueLimitFor(t: InvolvementThresholds, currency: string | undefined): { limit: number; currency: string; assumed: boolean } | null {
  const table = validThresholds(t).valueLimits;
  if (!currency) return { limit: table[FALLBACK_CURRENCY]!, currency: FALLBACK_CURRENCY, assumed: true };
  const limit = table[currency];
  return limit === undefined ? null : { limit, currency, assumed: false };
}

/** One row of the value table as typed in the settings. */
export interface ValueLimitRow {
  currency: string;
  amount: string;
}
export type ValueLimitError = 'currency' | 'duplicate' | 'amount';

/**
 * The value table from typed rows, or the errors by row. A currency is an
 * ISO 4217 code (lower case accepted), once; an amount is a positive number
 * ("100,000" accepted); a row left blank is dropped; USD is required, as the
 * threshold for amounts with no currency.
 */
export function parseValueLimits(rows: readonly ValueLimitRow[]):
  | { ok: true; value: Record<string, number> }
  | { ok: false; errors: Record<number, ValueLimitError>; missingFallback: boolean } {
  const value: Record<string, number> = {};
  const errors: Record<number, ValueLimitError> = {};
  rows.forEach((row, i) => {
    const code = row.currency.trim().toUpperCase();
    const typed = row.amount.trim().replace(/[,，\s_]/g, '');
    if (!code && !typed) return;
    if (!isCurrencyCode(code)) return void (errors[i] = 'currency');
    if (value[code] !== undefined) return void (errors[i] = 'duplicate');
    const n = Number(typed);
    if (!/^\d+(\.\d+)?$/.test(typed) || !validValueLimit(n)) return void (errors[i] = 'amount');
    value[code] = n;
  });
  const missingFallback = !rows.some((r) => r.currency.trim().toUpperCase() === FALLBACK_CURRENCY);
  if (Object.keys(errors).length || missingFallback) return { ok: false, errors, missingFallback };
  return { ok: true, value };
}

/** The table as rows to edit, USD first, then by code. */
export const valueLimitRows = (table: Record<string, number>): ValueLimitRow[] =>
  Object.entries(table)
    .sort(([a], [b]) => (a === FALLBACK_CURRENCY ? -1 : b === FALLBACK_CURRENCY ? 1 : a.localeCompare(b)))
    .map(([currency, amount]) => ({ currency, amount: String(amount) }));
