/**
 * Calendar dates as the user sees them. Contract ends and renewals are dates,
 * not instants: "renews in 3 days" is counted in the user's local calendar.
 * Functions take `now` so tests are exact.
 */
import { DAY_MS, utcDate } from './utc';

export type IsoDate = string; // YYYY-MM-DD

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local calendar date of an instant. */
export function localDate(now: Date): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Days since 1970-01-01 for a valid ISO date, or null. Independent of time zones. */
export function dayNumber(date: IsoDate): number | null {
  const m = ISO.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / DAY_MS);
}

export const isIsoDate = (s: string): boolean => dayNumber(s) !== null;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (a === null || b === null) throw new RangeError(`Not a calendar date: ${a === null ? from : to}`);
  return b - a;
}

/** The ISO date `days` after `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`Not a calendar date: ${date}`);
  return utcDate(new Date((n + days) * DAY_MS));
}
