import { localDate } from './local-date';
import { DEFAULT_SERVICE_DAY, type ServiceDayRule } from '../../data/model/records';
import { addMonths, firstDay, lastDay, monthOf, nextServiceDay, ruleOf, serviceDayIn } from './calendar';

const nth = (n: 1 | 2 | 3 | 4 | -1, weekday: number): ServiceDayRule => ({ kind: 'nth_weekday', n, weekday });
const dom = (day: number): ServiceDayRule => ({ kind: 'day_of_month', day });
const MON = 1;
const TUE = 2;
const THU = 4;
const FRI = 5;
const SUN = 0;

describe('serviceDayIn: the default rule (last Friday of the month)', () => {
  it('gives the last Friday of every month of 2026', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    expect(months.map((m) => serviceDayIn(DEFAULT_SERVICE_DAY, m))).toEqual([
      '2026-01-30', // five Fridays: 2, 9, 16, 23, 30; the month ends on Saturday the 31st
      '2026-02-27',
      '2026-03-27',
      '2026-04-24',
      '2026-05-29',
      '2026-06-26',
      '2026-07-31', // the month ends on a Friday
      '2026-08-28',
      '2026-09-25',
      '2026-10-30',
      '2026-11-27',
      '2026-12-25',
    ]);
  });
  it('is the last rule for a month with five Fridays, not the fourth', () => {
    expect(serviceDayIn(DEFAULT_SERVICE_DAY, '2026-01')).not.toBe('2026-01-23');
    expect(serviceDayIn(nth(4, FRI), '2026-01')).toBe('2026-01-23');
  });
});

describe('serviceDayIn: the nth weekday', () => {
  it('finds the first Monday, also when the month starts on a Monday', () => {
    expect(serviceDayIn(nth(1, MON), '2026-11')).toBe('2026-11-02'); // November 1 is a Sunday
    expect(serviceDayIn(nth(1, MON), '2026-06')).toBe('2026-06-01'); // June 1 is a Monday
  });
  it('finds the second Tuesday', () => {
    expect(serviceDayIn(nth(2, TUE), '2026-11')).toBe('2026-11-10');
    expect(serviceDayIn(nth(2, TUE), '2026-09')).toBe('2026-09-08'); // September 1 is a Tuesday
  });
  it('finds the fourth Thursday (US Thanksgiving 2026)', () => {
    expect(serviceDayIn(nth(4, THU), '2026-11')).toBe('2026-11-26');
  });
  it('finds the last Sunday, also when the month ends on a Sunday', () => {
    expect(serviceDayIn(nth(-1, SUN), '2026-03')).toBe('2026-03-29'); // March 31 is a Tuesday
    expect(serviceDayIn(nth(-1, SUN), '2026-05')).toBe('2026-05-31'); // May 31 is a Sunday
  });
  it('takes the first day itself when the month starts on the weekday', () => {
    expect(serviceDayIn(nth(1, FRI), '2026-05')).toBe('2026-05-01');
  });
});

describe('serviceDayIn: a day of the month', () => {
  it('keeps a weekday date', () => {
    expect(serviceDayIn(dom(15), '2026-04')).toBe('2026-04-15'); // a Wednesday
  });
  it('moves a Saturday or a Sunday back to the Friday before', () => {
    expect(serviceDayIn(dom(14), '2026-03')).toBe('2026-03-13'); // Saturday the 14th
    expect(serviceDayIn(dom(15), '2026-03')).toBe('2026-03-13'); // Sunday the 15th
  });
  it('takes the last day of a 30-day month for the 31st, then moves a weekend back', () => {
    expect(serviceDayIn(dom(31), '2026-04')).toBe('2026-04-30'); // a Thursday
    expect(serviceDayIn(dom(31), '2028-09')).toBe('2028-09-29'); // September 30 2028 is a Saturday
    expect(serviceDayIn(dom(31), '2028-04')).toBe('2028-04-28'); // April 30 2028 is a Sunday
  });
  it('takes the last day of February for the 30th and 31st, in leap and other years', () => {
    expect(serviceDayIn(dom(30), '2028-02')).toBe('2028-02-29'); // a Tuesday
    expect(serviceDayIn(dom(31), '2028-02')).toBe('2028-02-29');
    expect(serviceDayIn(dom(30), '2027-02')).toBe('2027-02-26'); // the 28th is a Sunday
    expect(serviceDayIn(dom(31), '2027-02')).toBe('2027-02-26');
  });
  it('moves a 1st on a weekend into the previous month: the previous working day', () => {
    expect(serviceDayIn(dom(1), '2026-08')).toBe('2026-07-31'); // August 1 2026 is a Saturday
    expect(serviceDayIn(dom(1), '2026-03')).toBe('2026-02-27'); // March 1 2026 is a Sunday
  });
});

describe('nextServiceDay', () => {
  it('counts today when it is the service day', () => {
    expect(nextServiceDay(DEFAULT_SERVICE_DAY, '2026-11-27')).toBe('2026-11-27');
  });
  it('gives this month’s service day before it', () => {
    expect(nextServiceDay(DEFAULT_SERVICE_DAY, '2026-11-01')).toBe('2026-11-27');
  });
  it('goes to next month the day after', () => {
    expect(nextServiceDay(DEFAULT_SERVICE_DAY, '2026-11-28')).toBe('2026-12-25');
  });
  it('crosses a year end', () => {
    expect(nextServiceDay(DEFAULT_SERVICE_DAY, '2026-12-26')).toBe('2027-01-29');
    expect(nextServiceDay(dom(5), '2026-12-31')).toBe('2027-01-05');
  });
  it('gives next month’s service day when it was moved back into this month', () => {
    expect(nextServiceDay(dom(1), '2026-07-02')).toBe('2026-07-31'); // August's, moved from Saturday the 1st
    expect(nextServiceDay(dom(1), '2026-07-31')).toBe('2026-07-31');
    expect(nextServiceDay(dom(1), '2026-08-01')).toBe('2026-09-01');
  });
  it('never answers a day already past', () => {
    // March 2026's 1st (a Sunday) moves back to Friday February 27: on the 28th the next one is April 1.
    expect(nextServiceDay(dom(1), '2026-02-28')).toBe('2026-04-01');
    // February's 1st (a Sunday) moves back to Friday January 30: on the 31st the next one is February 27.
    expect(nextServiceDay(dom(1), '2026-01-31')).toBe('2026-02-27');
  });
  it('does not depend on the time zone: a late-evening local time is still that day', () => {
    const today = localDate(new Date(2026, 10, 27, 23, 30));
    expect(today).toBe('2026-11-27');
    expect(nextServiceDay(DEFAULT_SERVICE_DAY, today)).toBe('2026-11-27');
  });
});

describe('month arithmetic', () => {
  it('adds months across year boundaries both ways', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-03', -15)).toBe('2024-12');
    expect(addMonths('2026-06', 0)).toBe('2026-06');
    expect(addMonths('2026-01', 24)).toBe('2028-01');
  });
  it('gives the last day of February in leap and other years', () => {
    expect(lastDay('2028-02')).toBe('2028-02-29');
    expect(lastDay('2027-02')).toBe('2027-02-28');
    expect(lastDay('2000-02')).toBe('2000-02-29');
    expect(lastDay('2100-02')).toBe('2100-02-28');
    expect(lastDay('2026-12')).toBe('2026-12-31');
    expect(lastDay('2026-04')).toBe('2026-04-30');
  });
  it('gives the month and first day of a date', () => {
    expect(monthOf('2026-11-27')).toBe('2026-11');
    expect(firstDay('2026-11')).toBe('2026-11-01');
  });
});

describe('ruleOf', () => {
  const plan = (deleted?: boolean) => ({ serviceDay: dom(10), ...(deleted === undefined ? {} : { deleted }) });
  it('takes the plan’s rule, else the default', () => {
    expect(ruleOf(plan())).toEqual(dom(10));
    expect(ruleOf(plan(true))).toEqual(DEFAULT_SERVICE_DAY);
    expect(ruleOf(undefined)).toEqual(DEFAULT_SERVICE_DAY);
  });
});
