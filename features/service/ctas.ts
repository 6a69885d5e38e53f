import type { IsoDate } from '../../shared/dates/local-date';
import { daysFrom, plusDays } from '../../shared/dates/week';
import { ownLive } from '../../shared/rows';
import type { Account } from '../../data/model/account';
import type { Cta, ExpectationNote, MonthlyReport, ServicePlan, ServiceVisit } from '../../data/model/records';
import { ctaId, type CtaDraft } from '../../data/model/cta-draft';
import { addMonths, addMonthsToDate, lastDay, monthOf, quarterOf, ruleOf } from '../../shared/dates/calendar';

export { addMonthsToDate };
import { monthState } from './cadence';
import { rhythmOf, type ServiceSettings } from './settings';

export type ServiceCloseReason = 'visit_logged' | 'report_sent' | 'visit_removed' | 'reset_done' | 'review_done';

export interface ServiceCtaInput {
  account: Pick<Account, 'id' | 'signedAt' | 'contractStart' | 'csm' | 'owner'> & Partial<Pick<Account, 'segment'>>;
  plans: readonly ServicePlan[];
  visits: readonly ServiceVisit[];
  reports: readonly MonthlyReport[];
  notes: readonly ExpectationNote[];
  settings: ServiceSettings;
  today: IsoDate;
}

/** Days to act on a missed month, like any CTA raised from a dated event. */
const ACT_DAYS = 7;
/** Follow-ups of visits older than this are history, not work: a synced archive raises nothing. */
const FOLLOW_UP_HORIZON_DAYS = 90;
/** The short-term reset belongs to the first contract year; an account signed long ago raises none. */
const RESET_HORIZON_DAYS = 365;

/**
 * The CTAs the service rhythm and expectation management call for, by the
 * account's segment (its rhythm: monthly, quarterly or automated). Causes:
 * - service:visit:<accountId>:<YYYY-MM> (monthly): the month's service day
 *   passed with no visit logged (this month and the previous one only);
 * - service:report:<accountId>:<YYYY-MM> (monthly): the previous month ended
 *   with no monthly report sent;
 * - service:qbr:<accountId>:<YYYY-Qn> (quarterly): the quarter's last service
 *   day passed with no visit in the quarter (this quarter and the previous);
 * - service:followup:<visitId>:<n>: each follow-up of a visit, due when the
 *   visit said;
 * - expectations:reset:<accountId>:<signedAt>: the short-term expectation
 *   reset not done within the set days of signing;
 * - expectations:review:<accountId>:<since>: no long-term value review with
 *   the boss for the set months since the last one (or signing).
 * Automated accounts get none of the visit, report, reset or review CTAs. A
 * visit where the boss was met counts as the value review. Service days
 * before the customer signed, or within its first days (firstVisitAfterDays),
 * count for nothing.
 */
export function serviceCtas(input: ServiceCtaInput, existing: readonly Cta[]): { create: CtaDraft[]; close: { id: string; cause: string; reason: ServiceCloseReason }[]; reopen: Set<string> } {
  const { account, today, settings } = input;
  const owner = account.csm ?? account.owner;
  const visits = ownLive(input.visits, account.id);
  const reports = ownLive(input.reports, account.id);
  const notes = ownLive(input.notes, account.id);
  const since = account.signedAt ?? account.contractStart;
  const cadence = { rule: ruleOf(ownLive(input.plans, account.id)[0]), visits, reports, today, ...(since ? { since } : {}) };
  const create: CtaDraft[] = [];
  const drafts: Drafts = { create, accountId: account.id, owner };

  const rhythm = rhythmOf(settings, input.account.segment);
  const firstDue = since ? plusDays(since, settings.firstVisitAfterDays ?? 14) : undefined;
  const { current, previous, quarters } = monthsOf(today);
  if (rhythm === 'monthly') {
    const prev = monthState(cadence, previous);
    for (const m of [prev, monthState(cadence, current)]) {
      const month = m.month;
      // A report sent without a visit still leaves the month unvisited.
      if (m.visits === 0 && m.serviceDay < today && m.state !== 'not_customer' && owes(firstDue, m.serviceDay))
        draft(drafts, `service:visit:${account.id}:${month}`, { code: 'service_visit_missed', params: { month, serviceDay: m.serviceDay } }, plusDays(m.serviceDay, ACT_DAYS));
    }
    // A customer signed after last month's service day owes no report for that month.
    if (!prev.reported && prev.state !== 'not_customer' && owes(firstDue, prev.serviceDay))
      draft(drafts, `service:report:${account.id}:${previous}`, { code: 'service_report_missing', params: { month: previous } }, plusDays(lastDay(previous), ACT_DAYS));
  } else if (rhythm === 'quarterly') {
    for (const q of quarters) {
      const last = monthState(cadence, q.months[2]!);
      const visited = q.months.some((m) => monthState(cadence, m).visits > 0);
      if (!visited && last.serviceDay < today && last.state !== 'not_customer' && owes(firstDue, last.serviceDay))
        draft(drafts, `service:qbr:${account.id}:${q.quarter}`, { code: 'service_qbr_missed', params: { quarter: q.quarter, due: last.serviceDay } }, plusDays(last.serviceDay, ACT_DAYS));
    }
  }

  for (const v of visits) {
    if (daysFrom(v.date, today) > FOLLOW_UP_HORIZON_DAYS) continue;
    v.followUps.forEach((f, n) =>
      draft(drafts, `service:followup:${v.id}:${n}`, { code: 'service_followup', params: { text: f.text, visitDate: v.date } }, f.dueDate));
  }

  const resetDone = notes.some((n) => n.kind === 'short_term_reset' && n.doneAt);
  const handTouched = rhythm !== 'automated';
  if (handTouched && account.signedAt && !resetDone) {
    const due = plusDays(account.signedAt, settings.resetWithinDays);
    if (today > due && daysFrom(account.signedAt, today) <= RESET_HORIZON_DAYS)
      draft(drafts, `expectations:reset:${account.id}:${account.signedAt}`, { code: 'expectation_reset', params: { signedAt: account.signedAt } }, due, 'expectations');
  }

  // The boss met at a service visit is the value review held.
  const reviews = [
    ...notes.filter((n) => n.kind === 'long_term_value' && n.audience === 'boss' && n.doneAt).map((n) => n.doneAt!),
    ...visits.filter((v) => v.bossMet).map((v) => v.date),
  ].sort();
  const base = reviews.at(-1) ?? since;
  if (handTouched && base) {
    const due = addMonthsToDate(base, settings.reviewEveryMonths);
    if (today > due) draft(drafts, `expectations:review:${account.id}:${base}`, { code: 'expectation_review', params: { since: base } }, due, 'expectations');
  }

  const close: { id: string; cause: string; reason: ServiceCloseReason }[] = [];
  const reopen = new Set<string>();
  const visitsOf: VisitLookup = { visits: input.visits, accountId: account.id };
  for (const c of existing) {
    if (c.accountId !== account.id || c.deleted) continue;
    // A follow-up closed because its visit was deleted is due again when the visit is restored.
    if (c.status === 'closed') {
      if (c.closedBy === 'visit_removed' && c.cause.startsWith('service:followup:') && followUpOf(visitsOf, c.cause)) reopen.add(c.id);
      continue;
    }
    const parts = c.cause.split(':');
    let reason: ServiceCloseReason | undefined;
    if (c.cause.startsWith('service:visit:') && monthState(cadence, parts.at(-1)!).visits > 0) reason = 'visit_logged';
    else if (c.cause.startsWith('service:qbr:') && quarterOfCause(parts.at(-1)!).some((m) => monthState(cadence, m).visits > 0)) reason = 'visit_logged';
    else if (c.cause.startsWith('service:report:') && monthState(cadence, parts.at(-1)!).reported) reason = 'report_sent';
    else if (c.cause.startsWith('service:followup:')) {
      if (!followUpOf(visitsOf, c.cause)) reason = 'visit_removed';
    } else if (c.cause.startsWith('expectations:reset:') && resetDone) reason = 'reset_done';
    else if (c.cause.startsWith('expectations:review:') && reviews.some((d) => d > parts.at(-1)!)) reason = 'review_done';
    if (reason) close.push({ id: c.id, cause: c.cause, reason });
  }
  return { create, close, reopen };
}

interface TodaysMonths {
  today: IsoDate;
  current: string;
  previous: string;
  /** The previous quarter and this one. */
  quarters: readonly { quarter: string; months: readonly string[] }[];
}

/** The months of the last day asked for: every account of a book run is evaluated on the same day. */
let lastMonths: TodaysMonths | undefined;

function monthsOf(today: IsoDate): TodaysMonths {
  if (lastMonths?.today === today) return lastMonths;
  const current = monthOf(today);
  const now = quarterOf(current);
  lastMonths = { today, current, previous: addMonths(current, -1), quarters: [quarterOf(addMonths(now.months[0]!, -1)), now] };
  return lastMonths;
}

/*
 * The helpers below take their state as an argument rather than closing over
 * it: serviceCtas runs for every account of the book, and closures made per
 * call are objects (named ones also get a name each time where names are kept).
 */

interface Drafts {
  create: CtaDraft[];
  accountId: string;
  owner: string | undefined;
}

function draft(to: Drafts, cause: string, title: CtaDraft['title'], dueDate: IsoDate, source: 'service' | 'expectations' = 'service'): void {
  to.create.push(
    to.owner
      ? { id: ctaId(cause), accountId: to.accountId, source, cause, title, owner: to.owner, dueDate, status: 'open' }
      : { id: ctaId(cause), accountId: to.accountId, source, cause, title, dueDate, status: 'open' },
  );
}

/** Whether a service day falls on or after the first one owed (none known: every day is owed). */
const owes = (firstDue: IsoDate | undefined, serviceDay: IsoDate): boolean => !firstDue || serviceDay >= firstDue;

interface VisitLookup {
  visits: readonly ServiceVisit[];
  accountId: string;
  /** Built when a follow-up CTA asks: most accounts have none. */
  byId?: Map<string, ServiceVisit>;
}

/** The follow-up a `service:followup:<visitId>:<n>` cause names, while its visit is live and the account's. */
function followUpOf(lookup: VisitLookup, cause: string) {
  const parts = cause.split(':');
  lookup.byId ??= new Map(lookup.visits.map((v) => [v.id, v]));
  const visit = lookup.byId.get(parts.slice(2, -1).join(':'));
  return visit && !visit.deleted && visit.accountId === lookup.accountId ? visit.followUps[Number(parts.at(-1))] : undefined;
}

/** The three months of a `YYYY-Qn` quarter named in a cause. */
function quarterOfCause(quarter: string): string[] {
  const n = Number(quarter.slice(6));
  return n >= 1 && n <= 4 ? quarterOf(`${quarter.slice(0, 4)}-${String(n * 3).padStart(2, '0')}`).months : [];
}
