import type { IsoDate } from '../../shared/dates/local-date';
import type { Band } from '../../data/model/common';
import type { ExpectationNote, MonthlyReport, PromiseRecord, ServiceDayRule, ServiceVisit } from '../../data/model/records';
import { addMonths, addMonthsToDate, lastDay, monthOf, serviceDayIn, type YearMonth } from '../../shared/dates/calendar';
import { daysFrom, plusDays } from '../../shared/dates/week';
import type { ServiceInputs } from './model';

/** The account's own records the service dimensions are computed from. */
export interface ServiceRecords {
  visits: readonly ServiceVisit[];
  reports: readonly MonthlyReport[];
  notes: readonly ExpectationNote[];
  promises: readonly PromiseRecord[];
}

/** How the account is served (its segment's rhythm) and the service settings the signals need. */
export interface SignalRules {
  rhythm: 'monthly' | 'quarterly' | 'automated';
  serviceDay: ServiceDayRule;
  /** Signing, else the contract start: nothing before it is owed. */
  since?: IsoDate;
  /** The first service day owed falls this many days after signing. */
  firstVisitAfterDays: number;
  /** Days after signing by which the short-term expectation reset is due. */
  resetWithinDays: number;
  /** The month a visit serves (the service feature's rule: a service day a weekend moved back serves the next month). */
  servedMonth: (date: IsoDate) => YearMonth;
  /** Whether an open promise is a risk to the renewal (the expectations feature's rule). */
  promiseAtRisk: (p: PromiseRecord, today: IsoDate) => boolean;
}

/** What each service dimension was computed from: what the health card says about it. */
export interface ServiceFacts {
  serviceRhythm?: { held: number; due: number; lastVisit?: IsoDate };
  bossReviewDays?: { lastReview?: IsoDate; since?: IsoDate };
  reportsOnTime?: { onTime: number; due: number; lastSent?: IsoDate };
  promisesKept?: { kept: number; broken: number; atRisk: number };
  expectationReset?: { doneAt?: IsoDate; dueBy: IsoDate };
  csmRead?: { band: Band; reason?: string; date: IsoDate; previous?: Band };
}

export interface ServiceSignals {
  inputs: ServiceInputs;
  facts: ServiceFacts;
}

/** Months of history the rhythm, the reports and the CSM's read look at. */
export const SIGNAL_MONTHS = 3;
/** A month's report is on time when sent by the seventh day after the month ends. */
export const REPORT_GRACE_DAYS = 7;
/** The short-term reset belongs to the first contract year, as its CTA does. */
export const RESET_HORIZON_DAYS = 365;
/** A read older than this says nothing about the account today. */
export const READ_HORIZON_DAYS = 180;
const READ_POINTS: Record<Band, number> = { green: 100, yellow: 50, red: 0 };
/** The checklist item that records the boss review sent in writing when the boss was absent. */
export const BOSS_SUMMARY_ITEM = 'after.bossSummary';

const live = <T extends { deleted?: boolean }>(xs: readonly T[]) => xs.filter((x) => !x.deleted);
const latestOf = (dates: readonly IsoDate[]): IsoDate | undefined => [...dates].sort().at(-1);

/**
 * The service dimensions of one account on `today`, from its own records. An
 * account with no service record at all (no visit, report, note or promise)
 * gets none: nothing is known about its service, which is not the same as
 * poor service. Accounts on automated touches are not owed visits, reports,
 * boss reviews or the reset; their promises and the CSM's read still count.
 */
export function serviceSignals(records: ServiceRecords, rules: SignalRules, today: IsoDate): ServiceSignals {
  const visits = live(records.visits).filter((v) => v.date <= today);
  const reports = live(records.reports).filter((r) => r.sentAt <= today);
  const notes = live(records.notes);
  const promises = live(records.promises);
  const inputs: ServiceInputs = {};
  const facts: ServiceFacts = {};
  if (!visits.length && !reports.length && !notes.length && !promises.length) return { inputs, facts };
  const days = new Map<YearMonth, IsoDate>();
  const dayIn = (m: YearMonth) => days.get(m) ?? days.set(m, serviceDayIn(rules.serviceDay, m)).get(m)!;
  const firstDue = rules.since ? plusDays(rules.since, rules.firstVisitAfterDays) : undefined;
  const owes = (day: IsoDate) => !firstDue || day >= firstDue;
  const lastVisit = latestOf(visits.map((v) => v.date));

  if (rules.rhythm === 'monthly') {
    const served = new Set(visits.map((v) => rules.servedMonth(v.date)));
    const current = monthOf(today);
    // The current month counts once its service day has passed or it was served early.
    const end = served.has(current) || dayIn(current) < today ? current : addMonths(current, -1);
    const due = Array.from({ length: SIGNAL_MONTHS }, (_, i) => addMonths(end, i - SIGNAL_MONTHS + 1)).filter((m) => owes(dayIn(m)));
    const held = due.filter((m) => served.has(m)).length;
    if (due.length) {
      inputs.serviceRhythm = (held / due.length) * 100;
      facts.serviceRhythm = { held, due: due.length, ...(lastVisit ? { lastVisit } : {}) };
    }
    reportSignal(reports, dayIn, today, owes, inputs, facts);
  } else if (rules.rhythm === 'quarterly') {
    // One review a quarter: a visit in the last three months, owed once the first service day is that old.
    const start = addMonthsToDate(today, -SIGNAL_MONTHS);
    const held = visits.some((v) => v.date > start) ? 1 : 0;
    if (held || owes(start)) {
      inputs.serviceRhythm = held * 100;
      facts.serviceRhythm = { held, due: 1, ...(lastVisit ? { lastVisit } : {}) };
    }
  }

  if (rules.rhythm !== 'automated') {
    const reviews = [
      ...visits.filter((v) => v.bossMet || v.checklistDone.includes(BOSS_SUMMARY_ITEM)).map((v) => v.date),
      ...notes.filter((n) => n.audience === 'boss' && n.doneAt && n.doneAt <= today).map((n) => n.doneAt!),
    ];
    const lastReview = latestOf(reviews);
    const from = lastReview ?? (rules.since && rules.since <= today ? rules.since : undefined);
    if (from) {
      inputs.bossReviewDays = daysFrom(from, today);
      facts.bossReviewDays = lastReview ? { lastReview } : { since: from };
    }
    resetSignal(notes, rules, today, inputs, facts);
  }

  const kept = promises.filter((p) => p.status === 'kept').length;
  const broken = promises.filter((p) => p.status === 'broken').length;
  const atRisk = promises.filter((p) => p.status === 'open' && rules.promiseAtRisk(p, today)).length;
  if (kept + broken + atRisk > 0) {
    inputs.promisesKept = (kept / (kept + broken + atRisk)) * 100;
    facts.promisesKept = { kept, broken, atRisk };
  }

  const horizon = plusDays(today, -READ_HORIZON_DAYS);
  const reads = visits
    .filter((v) => v.sentiment && v.date > horizon)
    .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0));
  const latest = reads.at(-1)?.sentiment;
  if (latest) {
    const previous = reads.at(-2)?.sentiment;
    inputs.csmRead = previous ? (2 * READ_POINTS[latest.band] + READ_POINTS[previous.band]) / 3 : READ_POINTS[latest.band];
    facts.csmRead = { band: latest.band, date: reads.at(-1)!.date, ...(latest.reason ? { reason: latest.reason } : {}), ...(previous ? { previous: previous.band } : {}) };
  }
  return { inputs, facts };
}

/** The last three whole months' reports (monthly rhythm): sent on time ÷ owed, a month owed once its grace ran out. */
function reportSignal(reports: readonly MonthlyReport[], dayIn: (m: YearMonth) => IsoDate, today: IsoDate, owes: (d: IsoDate) => boolean, inputs: ServiceInputs, facts: ServiceFacts) {
  const current = monthOf(today);
  let due = 0;
  let onTime = 0;
  for (let i = SIGNAL_MONTHS; i >= 1; i--) {
    const month = addMonths(current, -i);
    if (!owes(dayIn(month))) continue;
    const deadline = plusDays(lastDay(month), REPORT_GRACE_DAYS);
    const sent = reports.some((r) => r.month === month && r.sentAt <= deadline);
    if (sent) onTime++;
    if (sent || deadline < today) due++;
  }
  if (!due) return;
  const lastSent = latestOf(reports.map((r) => r.sentAt));
  inputs.reportsOnTime = (onTime / due) * 100;
  facts.reportsOnTime = { onTime, due, ...(lastSent ? { lastSent } : {}) };
}

/** The short-term reset: done in time 100, late 50, overdue and not done 0; only in the first contract year. */
function resetSignal(notes: readonly ExpectationNote[], rules: SignalRules, today: IsoDate, inputs: ServiceInputs, facts: ServiceFacts) {
  if (!rules.since || rules.since > today || daysFrom(rules.since, today) > RESET_HORIZON_DAYS) return;
  const dueBy = plusDays(rules.since, rules.resetWithinDays);
  const doneAt = [...notes.filter((n) => n.kind === 'short_term_reset' && n.doneAt && n.doneAt <= today).map((n) => n.doneAt!)].sort()[0];
  if (doneAt) {
    inputs.expectationReset = doneAt <= dueBy ? 100 : 50;
    facts.expectationReset = { doneAt, dueBy };
  } else if (today > dueBy) {
    inputs.expectationReset = 0;
    facts.expectationReset = { dueBy };
  }
}
