import { dayNumber, type IsoDate } from '../dates/local-date';
import { DAY_MS } from '../dates/utc';
import type { Locale } from '../i18n';

/** "Owner, 负责人" → ['Owner', '负责人']: ASCII or Chinese commas, blanks dropped. */
export const labelList = (s: string): string[] => s.split(/[,，]/).map((x) => x.trim()).filter(Boolean);

// Building an Intl formatter costs far more than using one: each is made once per language (and currency) and kept.
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

const dateFormat = (locale: Locale): Intl.DateTimeFormat => {
  let f = dateFormats.get(locale);
  if (!f) dateFormats.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })));
  return f;
};

const moneyFormat = (currency: string | undefined, locale: Locale): Intl.NumberFormat => {
  const key = `${locale} ${currency ?? ''}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, currency ? { style: 'currency', currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 });
    moneyFormats.set(key, f);
  }
  return f;
};

/** A calendar date in the user's language ("Nov 23, 2026", "2026年11月23日"). */
export function formatDate(date: IsoDate, locale: Locale): string {
  const n = dayNumber(date);
  if (n === null) return date;
  return dateFormat(locale).format(new Date(n * DAY_MS));
}

export function formatMoney(value: number, currency: string | undefined, locale: Locale): string {
  return moneyFormat(currency, locale).format(value);
}
