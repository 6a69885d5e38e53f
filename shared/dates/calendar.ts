import type { IsoDate } from './local-date';
import { dateOfDay, dayIndex } from './week';
import { DEFAULT_SERVICE_DAY, type ServiceDayRule } from '../../data/model/records';

/**
 * The monthly service day. Everything here works on calendar dates (the
 * user's local date, as shared/dates gives it), never on instants, so a rule
 * gives the same day in every time zone.
 */
export type YearMonth = string; // YYYY-MM

/** Day of the week of a day index: Sunday = 0 (1970-01-01, day 0, was a Thursday). */
const weekdayOf = (n: number): number => (((n + 4) % 7) + 7) % 7;

export const monthOf = (date: IsoDate): YearMonth => date.slice(0, 7);

const split = (month: YearMonth): [number, number] => [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
const join = (y: number, m: number): YearMonth => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;

/** The month `k` months after `month` (negative goes back). */
export function addMonths(month: YearMonth, k: number): YearMonth {
  const [y, m] = split(month);
  const total = y * 12 + (m - 1) + k;
  return join(Math.floor(total / 12), (total % 12) + 1);
}

export const firstDay = (month: YearMonth): IsoDate => `${month}-01`;
const lastDays = new Map<YearMonth, IsoDate>();
/** A month's last day (kept per month: the engine asks for the same few months for every account). */
export function lastDay(month: YearMonth): IsoDate {
  let day = lastDays.get(month);
  if (day === undefined) {
    day = dateOfDay(dayIndex(firstDay(addMonths(month, 1))) - 1);
    if (lastDays.size < 5000) lastDays.set(month, day);
  }
  return day;
}

/** Saturday and Sunday move back to Friday: the previous working day. */
function previousWorkingDay(n: number): number {
  const wd = weekdayOf(n);
  return wd === 6 ? n - 1 : wd === 0 ? n - 2 : n;
}

/** Service days already found, by rule and month: every account on the same rule asks for the same few months. */
const serviceDays = new Map<string, IsoDate>();

/** The service day of a month under a rule. */
export function serviceDayIn(rule: ServiceDayRule, month: YearMonth): IsoDate {
  const key = rule.kind === 'day_of_month' ? `${month}d${rule.day}` : `${month}w${rule.n}.${rule.weekday}`;
  let day = serviceDays.get(key);
  if (day === undefined) {
    day = findServiceDay(rule, month);
    if (serviceDays.size < 20_000) serviceDays.set(key, day);
  }
  return day;
}

function findServiceDay(rule: ServiceDayRule, month: YearMonth): IsoDate {
  const first = dayIndex(firstDay(month));
  const last = dayIndex(lastDay(month));
  if (rule.kind === 'day_of_month') {
    // A 31st in a 30-day month is its last day; either way a weekend goes back to Friday.
    return dateOfDay(previousWorkingDay(Math.min(first + rule.day - 1, last)));
  }
  if (rule.n === -1) return dateOfDay(last - ((weekdayOf(last) - rule.weekday + 7) % 7));
  return dateOfDay(first + ((rule.weekday - weekdayOf(first) + 7) % 7) + (rule.n - 1) * 7);
}

/** The first service day on or after `today`. */
export function nextServiceDay(rule: ServiceDayRule, today: IsoDate): IsoDate {
  const month = monthOf(today);
  // Next month's day can move back into this month (a 1st on a Sunday is the Friday before) and be past too;
  // the month after next's is at worst moved back into next month, so always after today.
  for (let k = 0; k < 2; k++) {
    const day = serviceDayIn(rule, addMonths(month, k));
    if (day >= today) return day;
  }
  return serviceDayIn(rule, addMonths(month, 2));
}

/** The account's rule: its plan's, else the default (last Friday of the month). */
export const ruleOf = (plan: { serviceDay: ServiceDayRule; deleted?: boolean } | undefined): ServiceDayRule =>
  plan && !plan.deleted ? plan.serviceDay : DEFAULT_SERVICE_DAY;

/** The same day `months` later, on the month's last day when it is shorter (Jan 31 + 1 → Feb 28). */
export function addMonthsToDate(date: IsoDate, months: number): IsoDate {
  const month = addMonths(monthOf(date), months);
  const end = lastDay(month);
  const day = `${month}-${date.slice(8, 10)}`;
  return day > end ? end : day;
}

/** The quarter a month is in, `YYYY-Qn`, and its three months. */
export function quarterOf(month: YearMonth): { quarter: string; months: string[] } {
  const year = month.slice(0, 4);
  const q = Math.floor((Number(month.slice(5, 7)) - 1) / 3);
  const months = [1, 2, 3].map((i) => `${year}-${String(q * 3 + i).padStart(2, '0')}`);
  return { quarter: `${year}-Q${q + 1}`, months };
}
