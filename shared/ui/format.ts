import { dayNumber, type IsoDate } from '../dates/local-date';
import { DAY_MS } from '../dates/utc';
import type { Locale } from '../i18n';

/** "Owner, 负责人" → ['Owner', '负责人']: ASCII or Chinese commas, blanks dropped. */
export const labelList = (s: string): string[] => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean);

/** A calendar date in the user's language ("Nov 23, 2026", "2026年11月23日"). */
export function formatDate(date: IsoDate, locale: Locale): string {
  const n = dayNumber(date);
  if (n === null) return date;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(n * DAY_MS));
}

export function formatMoney(value: number, currency: string | undefined, locale: Locale): string {
  return new Intl.NumberFormat(locale, currency ? { style: 'currency', currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 }).format(value);
}
