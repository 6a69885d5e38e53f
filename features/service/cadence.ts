import type { IsoDate } from '../../shared/dates/local-date';
import type { MonthlyReport, ServiceDayRule, ServiceVisit } from '../../data/model/records';
import { addMonths, lastDay, monthOf, serviceDayIn, type YearMonth } from '../../shared/dates/calendar';

/**
 * One month of the service rhythm:
 * - complete: visited and the report sent;
 * - visited: visited, no report sent (yet, in the current month);
 * - reported: a report sent without a logged visit;
 * - missed: no visit, and the month's service day has passed;
 * - upcoming: no visit yet, the service day is today or later;
 * - not_customer: the month ended before the customer signed.
 */
export type MonthState = 'complete' | 'visited' | 'reported' | 'missed' | 'upcoming' | 'not_customer';

export interface CadenceMonth {
  month: YearMonth;
  serviceDay: IsoDate;
  visits: number;
  reported: boolean;
  state: MonthState;
}

export interface CadenceInput {
  rule: ServiceDayRule;
  visits: readonly Pick<ServiceVisit, 'date' | 'deleted'>[];
  reports: readonly Pick<MonthlyReport, 'month' | 'deleted'>[];
  /** When the customer relationship began (signing, else the contract start); months before it are not counted. */
  since?: IsoDate;
  today: IsoDate;
}

export const CADENCE_MONTHS = 6;

/**
 * The month a visit serves: its calendar month, except a visit on a service
 * day that a weekend moved back from the next month (day 1 on a Sunday is
 * the Friday before), which serves that next month.
 */
export function serviceMonthOf(rule: ServiceDayRule, date: IsoDate): YearMonth {
  const next = addMonths(monthOf(date), 1);
  return serviceDayIn(rule, next) === date ? next : monthOf(date);
}

/** The state of one month on `today`. */
export function monthState(input: CadenceInput, month: YearMonth): CadenceMonth {
  const serviceDay = serviceDayIn(input.rule, month);
  const visits = input.visits.filter((v) => !v.deleted && serviceMonthOf(input.rule, v.date) === month).length;
  const reported = input.reports.some((r) => !r.deleted && r.month === month);
  let state: MonthState;
  if (input.since && lastDay(month) < input.since) state = 'not_customer';
  else if (visits > 0) state = reported ? 'complete' : 'visited';
  else if (reported) state = 'reported';
  else state = serviceDay < input.today ? 'missed' : 'upcoming';
  return { month, serviceDay, visits, reported, state };
}

/** The last six months, oldest first, ending with the current one. */
export function serviceCadence(input: CadenceInput, months = CADENCE_MONTHS): CadenceMonth[] {
  const current = monthOf(input.today);
  return Array.from({ length: months }, (_, i) => monthState(input, addMonths(current, i - months + 1)));
}
