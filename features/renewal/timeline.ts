import type { IsoDate } from '../../shared/dates/local-date';
import { dateOfDay, dayIndex } from '../../shared/dates/week';
import type { Segment } from '../../data/model/common';
import type { ExpectationNote, ServiceVisit } from '../../data/model/records';
import { cadenceFor, type RenewalSettings } from './settings';

/** A contact with the customer: a visit, a written note, a sent message. */
export interface TouchpointLog {
  date: IsoDate;
  /** The touchpoint (days-before-end offset) it was logged for, when the user said so. */
  touchpoint?: number;
}

export interface RenewalAccount {
  contractEnd: IsoDate;
  /** The current term's start: contacts and touchpoints before it belong to the previous term. */
  contractStart?: IsoDate;
  segment?: Segment;
  signedAt?: IsoDate;
}

/**
 * Where an account stands, by days left (d) to the contract end:
 * - expired: d < 0, the end has passed;
 * - final_week: 0 ≤ d ≤ 7;
 * - in_window: 7 < d ≤ the segment's first offset (its touchpoints are running);
 * - early: first offset < d ≤ 90, inside the 90-day renewal plan but before
 *   the segment's first touchpoint (small accounts between 90 and 30 days);
 * - not_started: further out than both.
 */
export type RenewalStage = 'expired' | 'final_week' | 'in_window' | 'early' | 'not_started';
export const FINAL_WEEK_DAYS = 7;
export const PLAN_DAYS = 90;

export interface Touchpoint {
  offset: number;
  due: IsoDate;
  /** The last day a contact counts for this touchpoint: the day before the next one is due, or the contract end. */
  windowEnd: IsoDate;
  mode: 'csm' | 'automated';
  status: 'done' | 'due' | 'overdue' | 'upcoming';
}

export interface RenewalTimeline {
  daysLeft: number;
  stage: RenewalStage;
  touchpoints: Touchpoint[];
  expired: boolean;
}

export function renewalStage(daysLeft: number, firstOffset: number): RenewalStage {
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= FINAL_WEEK_DAYS) return 'final_week';
  if (daysLeft <= firstOffset) return 'in_window';
  if (daysLeft <= PLAN_DAYS) return 'early';
  return 'not_started';
}

/** On or after the account signed and its term started (either unknown: no bound). Dates are YYYY-MM-DD text, so text order is date order. */
const isAfterStart = (account: { signedAt?: IsoDate; contractStart?: IsoDate }, d: IsoDate): boolean =>
  (!account.signedAt || d >= account.signedAt) && (!account.contractStart || d >= account.contractStart);

/**
 * The account's touchpoints and their status on `today`.
 * Done: a log names the touchpoint's offset and is dated in this renewal
 * cycle (after signing, within the 365 days up to the contract end), or an
 * untagged log (or one naming an offset the cadence lacks) falls inside the
 * touchpoint's window: from its due date to the day before the next one is
 * due; the last window runs to the contract end, inclusive.
 * Otherwise: upcoming before the due date; due on it and for `graceDays`
 * days after; overdue from then on. The grace is shortened when the window
 * is shorter, so the window's last day is overdue at the latest.
 * Touchpoints that would fall before signing are left out: there was nothing to renew yet;
 * so are those before the term's start (after a renewal, the previous term's
 * touchpoints and contacts stay with it, and this term's start afresh).
 */
export function renewalTimeline(account: RenewalAccount, logged: readonly TouchpointLog[], settings: RenewalSettings, today: IsoDate): RenewalTimeline {
  const end = account.contractEnd;
  const endDay = dayIndex(end);
  const daysLeft = endDay - dayIndex(today);
  const cadence = cadenceFor(account.segment, settings);
  const yearBefore = dateOfDay(endDay - 365);
  const offsets = cadence.offsets.filter((o) => isAfterStart(account, dateOfDay(endDay - o)));
  const named = new Set(offsets);
  const touchpoints = offsets.map((offset, i): Touchpoint => {
    const due = dateOfDay(endDay - offset);
    const next = offsets[i + 1];
    const windowEnd = next === undefined ? end : dateOfDay(endDay - next - 1);
    const windowDays = next === undefined ? offset + 1 : offset - next;
    const done = logged.some((l) =>
      l.touchpoint !== undefined && named.has(l.touchpoint)
        ? l.touchpoint === offset && l.date > yearBefore && l.date <= end && isAfterStart(account, l.date)
        : l.date >= due && l.date <= windowEnd,
    );
    // Never let the grace outlast the window: the last window day is overdue at the latest, so a CTA can still help.
    const grace = Math.min(settings.graceDays, windowDays - 2);
    const late = offset - daysLeft; // days since the due date
    const status = done ? 'done' : late < 0 ? 'upcoming' : late > grace ? 'overdue' : 'due';
    return { offset, due, windowEnd, mode: cadence.automated ? 'automated' : 'csm', status };
  });
  return { daysLeft, stage: renewalStage(daysLeft, cadence.offsets[0] ?? 0), touchpoints, expired: daysLeft < 0 };
}

/** Visits and done notes (e.g. the review sent to an absent boss) as touchpoint logs. */
export function touchpointLogs(visits: readonly ServiceVisit[], notes: readonly ExpectationNote[]): TouchpointLog[] {
  const logs: TouchpointLog[] = visits.filter((v) => !v.deleted).map((v) => ({ date: v.date }));
  for (const n of notes) if (!n.deleted && n.doneAt) logs.push({ date: n.doneAt });
  return logs;
}
