import { localDate, type IsoDate } from '../../shared/dates/local-date';
import { minutesOf, type ClockTime, type ReminderSettings } from './settings';

/*
 * When the daily check runs, in the user's local wall-clock time (Date's
 * local getters). Alarms fire late, or not at all, after the service worker
 * stopped or the computer slept, so nothing here assumes the previous alarm
 * fired on time: checkIsDue tells from the last check's local date whether
 * today's has run, and a missed one runs once on wake or startup.
 */

/** Minutes after local midnight of an instant, by the wall clock. */
const wallMinutes = (d: Date): number => d.getHours() * 60 + d.getMinutes();

/** The instant of HH:MM on the local calendar day of `d`, `days` later (across month and year ends). */
function atTime(d: Date, time: ClockTime, days = 0): Date {
  const m = minutesOf(time);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, Math.floor(m / 60), m % 60, 0, 0);
}

/**
 * The next daily check: today's check time when it is still ahead of `now`,
 * else tomorrow's. Strictly after `now`, so scheduling at the check time
 * itself gives tomorrow's.
 */
export function nextCheckAt(now: Date, settings: ReminderSettings): Date {
  const today = atTime(now, settings.checkAt);
  return today.getTime() > now.getTime() ? today : atTime(now, settings.checkAt, 1);
}

/**
 * Whether the daily check should run now: today's has not run (the last
 * check was on an earlier local date, or never) and the local time has
 * reached the check time. So a check the computer slept through runs on wake,
 * once; before the check time it waits for the alarm. A last check dated
 * after today (the clock or the time zone went back) counts as run.
 */
export function checkIsDue(lastCheckDay: IsoDate | undefined, now: Date, settings: ReminderSettings): boolean {
  if (lastCheckDay !== undefined && lastCheckDay >= localDate(now)) return false;
  return wallMinutes(now) >= minutesOf(settings.checkAt);
}

/**
 * Whether `now` falls in the quiet hours: from `from` (included) to `to`
 * (excluded). A range with `from` after `to` runs over midnight; equal ends
 * make an empty range.
 */
export function inQuietHours(now: Date, settings: ReminderSettings): boolean {
  const q = settings.quietHours;
  if (!q) return false;
  const from = minutesOf(q.from);
  const to = minutesOf(q.to);
  const m = wallMinutes(now);
  if (from === to) return false;
  return from < to ? m >= from && m < to : m >= from || m < to;
}

/** When the current quiet hours end (the next `to` time), to defer notifications to; null when not in quiet hours. */
export function quietUntil(now: Date, settings: ReminderSettings): Date | null {
  const q = settings.quietHours;
  if (!q || !inQuietHours(now, settings)) return null;
  return wallMinutes(now) < minutesOf(q.to) ? atTime(now, q.to) : atTime(now, q.to, 1);
}
