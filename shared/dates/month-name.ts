import type { Locale } from '../i18n';
import type { YearMonth } from './calendar';

/** A month in the user's language: "October 2026", "2026年10月". */
export function monthName(month: YearMonth, locale: Locale): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  if (!(y > 0 && m >= 1 && m <= 12)) return month;
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
}
