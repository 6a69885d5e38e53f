import type { Money } from './types';

/**
 * Symbols that name one currency. A bare "$" (USD, CAD, AUD, …) and a bare
 * "¥" (CNY or JPY) do not, so they give an amount without a currency. Longer
 * symbols come first so "US$" is not read as "$".
 */
const SYMBOLS: readonly (readonly [string, string])[] = [
  ['US$', 'USD'], ['CA$', 'CAD'], ['AU$', 'AUD'], ['A$', 'AUD'], ['NZ$', 'NZD'], ['HK$', 'HKD'],
  ['NT$', 'TWD'], ['S$', 'SGD'], ['R$', 'BRL'], ['CN¥', 'CNY'], ['JP¥', 'JPY'],
  ['人民币', 'CNY'], ['元', 'CNY'], ['￥', 'CNY'], ['€', 'EUR'], ['£', 'GBP'], ['₹', 'INR'], ['Rs.', 'INR'],
  ['₩', 'KRW'], ['₽', 'RUB'],
];
// Chinese UIs write large amounts in 万 (10⁴) and 亿 (10⁸).
const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const NUMBER = /[-−]?\d[\d.,'\u00a0\u202f ]*/;
const ISO = /(?:^|[^A-Za-z])([A-Z]{3})(?![A-Za-z])/;
// Three-letter names in use that are not the ISO code.
const ALIASES: Record<string, string> = { RMB: 'CNY' };

/** "1.234.567,89", "1,234,567.89", "1 234 567,89" and "1'234.50" → number; null when it is not one. */
function parseNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0\u202f']/g, '').replace('−', '-');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let normal: string;
  if (lastDot >= 0 && lastComma >= 0) {
    // Both appear: the later one is the decimal mark.
    const dec = lastDot > lastComma ? '.' : ',';
    const group = dec === '.' ? ',' : '.';
    normal = s.split(group).join('').replace(dec, '.');
  } else {
    const mark = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : '';
    const parts = mark ? s.split(mark) : [s];
    // One mark followed by exactly three digits, or several marks, group thousands.
    const grouping = parts.length > 2 || (parts.length === 2 && parts[1]!.length === 3);
    normal = grouping ? parts.join('') : parts.join('.');
  }
  if (!/^-?\d+(?:\.\d+)?$/.test(normal)) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}

/** Pure: the amount a money field shows ("$120,000.00", "EUR 12.500,00", "¥ 50万"), or undefined. */
export function parseMoney(text: string | undefined): Money | undefined {
  const shown = text?.replace(/\s+/g, ' ').trim();
  if (!shown || shown.length > 60) return undefined;
  const num = NUMBER.exec(shown);
  if (!num) return undefined;
  const value = parseNumber(num[0].trim());
  if (value === null) return undefined;
  const after = shown.slice(num.index + num[0].length).trim();
  const scale = SCALE[after.charAt(0)] ?? 1;
  const rest = shown.slice(0, num.index) + ' ' + after;
  const money: Money = { amount: Math.round(value * scale * 100) / 100, text: shown };
  const raw = ISO.exec(rest)?.[1];
  const code = raw ? (ALIASES[raw] ?? raw) : undefined;
  const symbol = SYMBOLS.find(([sym]) => rest.includes(sym))?.[1];
  const currency = code ?? symbol;
  if (currency) money.currency = currency;
  return money;
}
