import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import type { ExchangeRates } from './metrics';

const Code = z.string().regex(/^[A-Z]{3}$/);

/**
 * The exchange rates a person entered (options page): one unit of each
 * currency is worth `rates[c]` units of `base`. Absent: figures stay per
 * currency. Nothing is fetched: the rate a finance team signs off is theirs.
 */
export const ExchangeRatesSchema = z.object({
  base: Code,
  rates: z.record(Code, z.number().positive().finite()),
});

export const exchangeRatesItem = storage.defineItem<ExchangeRates | null>('local:exchangeRates', { fallback: null, version: 1 });

export const validRates = (v: unknown): ExchangeRates | null => {
  const parsed = ExchangeRatesSchema.safeParse(v);
  return parsed.success ? parsed.data : null;
};

/**
 * Reads the editor's text: a base code, and one "CODE rate" per line
 * ("CNY 0.14" = 1 CNY is 0.14 of the base). Every line is checked; the first
 * bad one is named, and nothing is kept from a text with a bad line.
 */
export function parseRates(base: string, text: string): { ok: true; rates: ExchangeRates } | { ok: false; line: number; problem: 'base' | 'code' | 'rate' | 'duplicate' } {
  const b = base.trim().toUpperCase();
  if (!Code.safeParse(b).success) return { ok: false, line: 0, problem: 'base' };
  const rates: Record<string, number> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const [code = '', value = '', ...rest] = line.split(/[\s=:,;]+/);
    const c = code.toUpperCase();
    if (!Code.safeParse(c).success) return { ok: false, line: i + 1, problem: 'code' };
    const n = Number(value);
    if (rest.length > 0 || !value || !Number.isFinite(n) || n <= 0) return { ok: false, line: i + 1, problem: 'rate' };
    if (c in rates || c === b) return { ok: false, line: i + 1, problem: 'duplicate' };
    rates[c] = n;
  }
  return { ok: true, rates: { base: b, rates } };
}

export const ratesToText = (r: ExchangeRates | null) => (r ? Object.entries(r.rates).map(([c, v]) => `${c} ${v}`).join('\n') : '');
