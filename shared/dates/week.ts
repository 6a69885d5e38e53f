import type { IsoDate } from './local-date';

/** An ISO 8601 week, written like 2026-W53. */
export type IsoWeek = string;

/*
 * Day arithmetic for the engine's hot loops (thousands of accounts × weekly
 * snapshots × touchpoints). Same results as shared/dates' dayNumber and addDays,
 * tested against them, but plain integer arithmetic (H. Hinnant's civil-date
 * algorithms) instead of a Date round trip per call.
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
};

/** Days since 1970-01-01 of a YYYY-MM-DD date; throws RangeError on anything else, like daysBetween. */
export function dayIndex(date: IsoDate): number {
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  const ok = date.length === 10 && date[4] === '-' && date[7] === '-' && y >= 0 && m >= 1 && m <= 12 && d >= 1;
  if (!ok || d > (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!)) throw new RangeError(`Not a calendar date: ${date}`);
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/**
 * The dates of 2000 to 2099 are written once each: the engine turns the same
 * few hundred day numbers into text for every account of the book.
 */
const WRITTEN_FROM = 10_957; // 2000-01-01
const written: IsoDate[] = new Array<IsoDate>(36_525).fill('');

/** The YYYY-MM-DD date of a day index (inverse of dayIndex). */
export function dateOfDay(n: number): IsoDate {
  const k = n - WRITTEN_FROM;
  if (k >= 0 && k < written.length && Number.isInteger(k)) return written[k] || (written[k] = writeDay(n));
  return writeDay(n);
}

function writeDay(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export const plusDays = (date: IsoDate, days: number): IsoDate => dateOfDay(dayIndex(date) + days);
export const daysFrom = (from: IsoDate, to: IsoDate): number => dayIndex(to) - dayIndex(from);

/** The day index of the Monday starting the ISO week of day `n` (day 0, 1970-01-01, was a Thursday). */
export const mondayIndex = (n: number): number => n - ((((n + 3) % 7) + 7) % 7);

/** The Monday starting the ISO week of `date` (ISO weeks run Monday to Sunday). */
export const mondayOf = (date: IsoDate): IsoDate => dateOfDay(mondayIndex(dayIndex(date)));

/**
 * The ISO week of a date. The week belongs to the year of its Thursday, so
 * 2027-01-01 (a Friday) is in 2026-W53 and 2024-12-30 (a Monday) in 2025-W01.
 */
export function isoWeek(date: IsoDate): IsoWeek {
  const thursday = mondayIndex(dayIndex(date)) + 3;
  const year = dateOfDay(thursday).slice(0, 4);
  const week = Math.floor((thursday - dayIndex(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
