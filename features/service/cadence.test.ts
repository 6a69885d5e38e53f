import { DEFAULT_SERVICE_DAY } from '../../data/model/records';
import { CADENCE_MONTHS, monthState, serviceCadence, serviceMonthOf, type CadenceInput } from './cadence';

/** Default rule (last Friday): Jul 31, Aug 28, Sep 25, Oct 30, Nov 27, Dec 25 in 2026. */
const input = (over: Partial<CadenceInput> = {}): CadenceInput => ({
  rule: DEFAULT_SERVICE_DAY,
  visits: [],
  reports: [],
  today: '2026-12-05',
  ...over,
});
const states = (i: CadenceInput) => serviceCadence(i).map((m) => [m.month, m.state]);

describe('serviceCadence', () => {
  it('answers six months, oldest first, ending with today’s month, with their service days', () => {
    const months = serviceCadence(input());
    expect(CADENCE_MONTHS).toBe(6);
    expect(months.map((m) => [m.month, m.serviceDay])).toEqual([
      ['2026-07', '2026-07-31'],
      ['2026-08', '2026-08-28'],
      ['2026-09', '2026-09-25'],
      ['2026-10', '2026-10-30'],
      ['2026-11', '2026-11-27'],
      ['2026-12', '2026-12-25'],
    ]);
  });
  it('crosses a year end', () => {
    expect(serviceCadence(input({ today: '2027-01-10' })).map((m) => m.month)).toEqual(['2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
  });
  it('tells each state from visits and reports', () => {
    const i = input({
      visits: [{ date: '2026-07-31' }, { date: '2026-08-28' }, { date: '2026-08-14' }],
      reports: [{ month: '2026-07' }, { month: '2026-09' }],
    });
    expect(states(i)).toEqual([
      ['2026-07', 'complete'],
      ['2026-08', 'visited'],
      ['2026-09', 'reported'],
      ['2026-10', 'missed'],
      ['2026-11', 'missed'],
      ['2026-12', 'upcoming'],
    ]);
    const [jul, aug] = serviceCadence(i);
    expect(jul).toMatchObject({ visits: 1, reported: true });
    expect(aug).toMatchObject({ visits: 2, reported: false });
  });
  it('counts a visit on any day of the month, not only the service day', () => {
    expect(monthState(input({ visits: [{ date: '2026-10-02' }] }), '2026-10').state).toBe('visited');
  });
  it('ignores deleted visits and reports', () => {
    const i = input({
      visits: [{ date: '2026-10-30', deleted: true }, { date: '2026-11-27' }],
      reports: [{ month: '2026-11', deleted: true }, { month: '2026-09', deleted: true }],
    });
    const months = serviceCadence(i);
    expect(months.map((m) => m.state)).toEqual(['missed', 'missed', 'missed', 'missed', 'visited', 'upcoming']);
    expect(months[3]).toMatchObject({ month: '2026-10', visits: 0, reported: false });
  });
  it('keeps the month whose service day is today upcoming until a visit is logged', () => {
    expect(monthState(input({ today: '2026-11-27' }), '2026-11').state).toBe('upcoming');
    expect(monthState(input({ today: '2026-11-28' }), '2026-11').state).toBe('missed');
    expect(monthState(input({ today: '2026-11-27', visits: [{ date: '2026-11-27' }] }), '2026-11').state).toBe('visited');
    expect(monthState(input({ today: '2026-11-27', visits: [{ date: '2026-11-27' }], reports: [{ month: '2026-11' }] }), '2026-11').state).toBe('complete');
  });
  it('does not count months that ended before the customer signed, and counts the month of signing', () => {
    const i = input({ since: '2026-09-10', visits: [{ date: '2026-08-28' }], reports: [{ month: '2026-07' }] });
    expect(states(i)).toEqual([
      ['2026-07', 'not_customer'],
      ['2026-08', 'not_customer'], // a visit does not make a month before signing count
      ['2026-09', 'missed'],
      ['2026-10', 'missed'],
      ['2026-11', 'missed'],
      ['2026-12', 'upcoming'],
    ]);
  });
  it('counts a month whose last day is the day of signing', () => {
    expect(monthState(input({ since: '2026-08-31' }), '2026-08').state).toBe('missed');
    expect(monthState(input({ since: '2026-09-01' }), '2026-08').state).toBe('not_customer');
  });
  it('follows the rule it is given', () => {
    const months = serviceCadence(input({ rule: { kind: 'day_of_month', day: 10 }, today: '2026-12-10' }));
    expect(months.map((m) => m.serviceDay)).toEqual(['2026-07-10', '2026-08-10', '2026-09-10', '2026-10-09', '2026-11-10', '2026-12-10']);
    expect(months.at(-1)?.state).toBe('upcoming');
  });
  it('answers as many months as asked', () => {
    expect(serviceCadence(input(), 2).map((m) => m.month)).toEqual(['2026-11', '2026-12']);
  });
});

describe('a service day moved back into the previous month', () => {
  // Day 1: 2026-08-01 is a Saturday, so August's service day is Friday 2026-07-31.
  const rule = { kind: 'day_of_month', day: 1 } as const;
  it('counts a visit on that day for the month it serves, not the calendar month', () => {
    expect(serviceMonthOf(rule, '2026-07-31')).toBe('2026-08');
    expect(serviceMonthOf(rule, '2026-07-30')).toBe('2026-07');
    expect(serviceMonthOf(DEFAULT_SERVICE_DAY, '2026-07-31')).toBe('2026-07'); // the last Friday serves its own month
    const state = (month: string) => monthState(input({ rule, visits: [{ date: '2026-07-31' }], today: '2026-08-20' }), month).state;
    expect(state('2026-08')).toBe('visited');
    expect(state('2026-07')).toBe('missed'); // July's own day (Wed 1 July) had no visit
  });
});
