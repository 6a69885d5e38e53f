import { daysBetween, type IsoDate } from '../../shared/dates/local-date';

export interface NoPitchWindow {
  active: boolean;
  /** Days after today still inside the window (0 on its last day and once it is over). */
  daysLeft: number;
}

/**
 * "Recently signed: no pitching." Sales returning within about a week of
 * signing to pitch another product damages trust. The window is the signing
 * day (day 0) and the `days` days after it: with 7, days 0–7 are covered and
 * day 8 is free, so a full week passes before any new pitch. A signing date
 * in the future (not signed yet) or missing opens no window.
 */
export function noPitchWindow(signedAt: IsoDate | undefined, today: IsoDate, days = 7): NoPitchWindow {
  if (!signedAt) return { active: false, daysLeft: 0 };
  const since = daysBetween(signedAt, today);
  const active = since >= 0 && since <= days;
  return { active, daysLeft: active ? days - since : 0 };
}
