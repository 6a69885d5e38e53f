import type { IsoDate } from '../../shared/dates/local-date';
import { daysFrom, plusDays } from '../../shared/dates/week';
import type { Account } from '../../data/model/account';
import type { Cta, ExpectationNote, MonthlyReport, ServicePlan, ServiceVisit } from '../../data/model/records';
import { ctaId, type CtaDraft } from '../../data/model/cta-draft';
import { addMonths, addMonthsToDate, lastDay, monthOf, ruleOf } from '../../shared/dates/calendar';

export { addMonthsToDate };
import { monthState } from './cadence';
import type { ServiceSettings } from './settings';

export type ServiceCloseReason = 'visit_logged' | 'report_sent' | 'visit_removed' | 'reset_done' | 'review_done';

export interface ServiceCtaInput {
  account: Pick<Account, 'id' | 'signedAt' | 'contractStart' | 'csm' | 'owner'>;
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
 * The CTAs the service rhythm and expectation management call for. Causes:
 * - service:visit:<accountId>:<YYYY-MM>: the month's service day passed with
 *   no visit logged (this month and the previous one only);
 * - service:report:<accountId>:<YYYY-MM>: the previous month ended with no
 *   monthly report sent;
 * - service:followup:<visitId>:<n>: each follow-up of a visit, due when the
 *   visit said;
 * - expectations:reset:<accountId>:<signedAt>: the short-term expectation
 *   reset not done within the set days of signing;
 * - expectations:review:<accountId>:<since>: no long-term value review with
 *   the boss for the set months since the last one (or signing).
 * Months before the customer signed count for nothing.
 */
export function serviceCtas(input: ServiceCtaInput, existing: readonly Cta[]): { create: CtaDraft[]; close: { id: string; cause: string; reason: ServiceCloseReason }[] } {
  const { account, today, settings } = input;
  const owner = account.csm ?? account.owner;
  const live = <T extends { accountId: string; deleted?: boolean }>(xs: readonly T[]) => xs.filter((x) => x.accountId === account.id && !x.deleted);
  const visits = live(input.visits);
  const reports = live(input.reports);
  const notes = live(input.notes);
  const since = account.signedAt ?? account.contractStart;
  const cadence = { rule: ruleOf(live(input.plans)[0]), visits, reports, today, ...(since ? { since } : {}) };
  const create: CtaDraft[] = [];
  const draft = (cause: string, title: CtaDraft['title'], dueDate: IsoDate, source: 'service' | 'expectations' = 'service') =>
    create.push({ id: ctaId(cause), accountId: account.id, source, cause, title, ...(owner ? { owner } : {}), dueDate, status: 'open' });

  const current = monthOf(today);
  const previous = addMonths(current, -1);
  for (const month of [previous, current]) {
    const m = monthState(cadence, month);
    // A report sent without a visit still leaves the month unvisited.
    if (m.visits === 0 && m.serviceDay < today && m.state !== 'not_customer' && (!since || m.serviceDay >= since))
      draft(`service:visit:${account.id}:${month}`, { code: 'service_visit_missed', params: { month, serviceDay: m.serviceDay } }, plusDays(m.serviceDay, ACT_DAYS));
  }
  const prev = monthState(cadence, previous);
  // A customer signed after last month's service day owes no report for that month.
  if (!prev.reported && prev.state !== 'not_customer' && (!since || prev.serviceDay >= since))
    draft(`service:report:${account.id}:${previous}`, { code: 'service_report_missing', params: { month: previous } }, plusDays(lastDay(previous), ACT_DAYS));

  for (const v of visits) {
    if (daysFrom(v.date, today) > FOLLOW_UP_HORIZON_DAYS) continue;
    v.followUps.forEach((f, n) =>
      draft(`service:followup:${v.id}:${n}`, { code: 'service_followup', params: { text: f.text, visitDate: v.date } }, f.dueDate));
  }

  const resetDone = notes.some((n) => n.kind === 'short_term_reset' && n.doneAt);
  if (account.signedAt && !resetDone) {
    const due = plusDays(account.signedAt, settings.resetWithinDays);
    if (today > due && daysFrom(account.signedAt, today) <= RESET_HORIZON_DAYS)
      draft(`expectations:reset:${account.id}:${account.signedAt}`, { code: 'expectation_reset', params: { signedAt: account.signedAt } }, due, 'expectations');
  }

  const reviews = notes.filter((n) => n.kind === 'long_term_value' && n.audience === 'boss' && n.doneAt).map((n) => n.doneAt!).sort();
  const base = reviews.at(-1) ?? since;
  if (base) {
    const due = addMonthsToDate(base, settings.reviewEveryMonths);
    if (today > due) draft(`expectations:review:${account.id}:${base}`, { code: 'expectation_review', params: { since: base } }, due, 'expectations');
  }

  const close: { id: string; cause: string; reason: ServiceCloseReason }[] = [];
  const visitById = new Map(input.visits.map((v) => [v.id, v]));
  for (const c of existing) {
    if (c.accountId !== account.id || c.deleted || c.status === 'closed') continue;
    const parts = c.cause.split(':');
    let reason: ServiceCloseReason | undefined;
    if (c.cause.startsWith('service:visit:') && monthState(cadence, parts.at(-1)!).visits > 0) reason = 'visit_logged';
    else if (c.cause.startsWith('service:report:') && monthState(cadence, parts.at(-1)!).reported) reason = 'report_sent';
    else if (c.cause.startsWith('service:followup:')) {
      const visit = visitById.get(parts.slice(2, -1).join(':'));
      if (!visit || visit.deleted || !visit.followUps[Number(parts.at(-1))]) reason = 'visit_removed';
    } else if (c.cause.startsWith('expectations:reset:') && resetDone) reason = 'reset_done';
    else if (c.cause.startsWith('expectations:review:') && reviews.some((d) => d > parts.at(-1)!)) reason = 'review_done';
    if (reason) close.push({ id: c.id, cause: c.cause, reason });
  }
  return { create, close };
}
