import { quarterOf } from './calendar';
import { addDays, dayNumber } from './local-date';
import { DAY_MS, utcDate, utcMidnight } from './utc';

describe('UTC days', () => {
  it('names the UTC date of an instant, whatever the local zone', () => {
    expect(utcDate(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11-30');
    expect(utcDate(new Date('2026-12-01T00:00:00.000Z'))).toBe('2026-12-01');
    // 08:00 in Shanghai on 1 December is still 30 November in UTC.
    expect(utcDate(new Date('2026-12-01T08:00:00+08:00'))).toBe('2026-12-01');
    expect(utcDate(new Date('2026-12-01T07:59:59+08:00'))).toBe('2026-11-30');
  });

  it('starts a UTC day at midnight, and is the inverse of utcDate', () => {
    expect(utcMidnight('2028-02-29').toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(utcMidnight('2026-11-23').getTime()).toBe(dayNumber('2026-11-23')! * DAY_MS);
    for (let i = -400; i <= 400; i += 37) {
      const day = addDays('2026-11-23', i);
      expect(utcDate(utcMidnight(day))).toBe(day);
      expect(utcDate(new Date(utcMidnight(day).getTime() + DAY_MS - 1))).toBe(day);
    }
    expect(Number.isNaN(utcMidnight('not a day').getTime())).toBe(true);
  });
});

describe('quarterOf', () => {
  it('names the quarter of a month and lists its three months', () => {
    expect(quarterOf('2026-01')).toEqual({ quarter: '2026-Q1', months: ['2026-01', '2026-02', '2026-03'] });
    expect(quarterOf('2026-06')).toEqual({ quarter: '2026-Q2', months: ['2026-04', '2026-05', '2026-06'] });
    expect(quarterOf('2026-12')).toEqual({ quarter: '2026-Q4', months: ['2026-10', '2026-11', '2026-12'] });
  });
});
