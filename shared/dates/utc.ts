import type { IsoDate } from './local-date';

/**
 * Days counted in UTC, for what is dated by the clock rather than by the
 * user's calendar: the team server's event days, windows and retention, token
 * expiry, and calendar dates shown the same in every time zone.
 */

/** Milliseconds in a day: a UTC day always has 24 hours. */
export const DAY_MS = 86_400_000;

/** The UTC calendar date of an instant. */
export const utcDate = (instant: Date): IsoDate => instant.toISOString().slice(0, 10);

/** The instant a UTC calendar date starts (Invalid Date for what is not one). */
export const utcMidnight = (date: IsoDate): Date => new Date(`${date}T00:00:00.000Z`);
