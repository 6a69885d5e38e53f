import { DEFAULT_HEALTH_MODEL } from './model';
import { healthTrend, redStreak, type TrendPoint } from './trend';
import { isoWeek, mondayOf } from '../../shared/dates/week';
import type { HealthSnapshot } from '../../data/model/records';

const M = DEFAULT_HEALTH_MODEL;
const T = '2026-11-01T00:00:00.000Z';
/** With core adoption alone the score is (core − 10)/60 × 100: 34 → 40, 40 → 50, 41 → 51.7, 28 → 30. */
const snap = (asOf: string, core: number, extra: Partial<HealthSnapshot> = {}): HealthSnapshot => ({
  id: `s-${asOf}-${core}`,
  accountId: 'acc-1',
  createdAt: T,
  updatedAt: T,
  asOf,
  inputs: { coreFeatureAdoption: core },
  ...extra,
});
const pt = (asOf: string, band: TrendPoint['band']): TrendPoint => ({ asOf, band, score: band === 'red' ? 20 : 60 });

describe('ISO weeks', () => {
  it('runs Monday to Sunday and belongs to the year of its Thursday', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48'); // a Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // its Sunday
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53'); // a Sunday in 2027, still 2026's last week
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday in 2024, already 2025's first week
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(mondayOf('2027-01-02')).toBe('2026-12-28');
    expect(mondayOf('1969-12-31')).toBe('1969-12-29'); // before day 0, still a Monday
  });
});

describe('healthTrend', () => {
  it('sorts by date and calls a move under 2 points flat', () => {
    const t = healthTrend([snap('2026-11-23', 41), snap('2026-11-09', 34), snap('2026-11-16', 40)], M, '2026-11-30');
    expect(t.points).toEqual([
      { asOf: '2026-11-09', score: 40, band: 'yellow' },
      { asOf: '2026-11-16', score: 50, band: 'yellow' },
      { asOf: '2026-11-23', score: 51.7, band: 'yellow' },
    ]);
    expect(t.delta).toBe(1.7);
    expect(t.direction).toBe('flat');
  });
  it('is up at +2 exactly and down on a fall', () => {
    expect(healthTrend([snap('2026-11-16', 40), snap('2026-11-23', 41.2)], M, '2026-11-30')).toMatchObject({ delta: 2, direction: 'up' });
    expect(healthTrend([snap('2026-11-23', 41), snap('2026-11-30', 28)], M, '2026-11-30')).toMatchObject({ delta: -21.7, direction: 'down' });
  });
  it('leaves out future, deleted and empty snapshots; the last written wins a day', () => {
    const later = snap('2026-11-23', 28, { id: 'b', updatedAt: '2026-11-23T12:00:00.000Z' });
    const t = healthTrend(
      [snap('2026-11-16', 40), snap('2026-11-23', 70), later, snap('2026-12-01', 70), snap('2026-11-20', 70, { deleted: true }), { ...snap('2026-11-21', 0), inputs: {} }],
      M,
      '2026-11-30',
    );
    expect(t.points.map((p) => [p.asOf, p.score])).toEqual([
      ['2026-11-16', 50],
      ['2026-11-23', 30],
    ]);
    expect(t.direction).toBe('down');
  });
  it('has no delta with fewer than two points', () => {
    expect(healthTrend([snap('2026-11-16', 40)], M, '2026-11-30')).toEqual({ points: [{ asOf: '2026-11-16', score: 50, band: 'yellow' }], direction: 'flat' });
    expect(healthTrend([], M, '2026-11-30')).toEqual({ points: [], direction: 'flat' });
  });
  it('scores with the overrides: the band in a point is the capped band', () => {
    const s = { ...snap('2026-11-16', 70), inputs: { coreFeatureAdoption: 70, nps: -40 } };
    expect(healthTrend([s], M, '2026-11-30').points[0]).toEqual({ asOf: '2026-11-16', score: 83.3, band: 'red' }); // 25/30 × 100 + 5/30 × 0
  });
});

describe('redStreak', () => {
  it('needs red readings spanning two weeks (14 days), with nothing but red since the run began', () => {
    expect(redStreak([pt('2026-11-09', 'red'), pt('2026-11-16', 'red'), pt('2026-11-23', 'red')])).toEqual({
      active: true, runDays: 14, runWeeks: 2, week: '2026-W48', reachedOn: '2026-11-23',
    });
    // Two weekly reds are 7 days: one week in red, not two.
    expect(redStreak([pt('2026-11-16', 'red'), pt('2026-11-23', 'red')])).toEqual({ active: false, runDays: 7, runWeeks: 1 });
    expect(redStreak([pt('2026-11-09', 'red'), pt('2026-11-16', 'red'), pt('2026-11-23', 'yellow')])).toEqual({ active: false, runDays: 0, runWeeks: 0 });
    expect(redStreak([])).toEqual({ active: false, runDays: 0, runWeeks: 0 });
  });
  it('counts days, not calendar weeks: a Sunday and the next Monday are one day', () => {
    expect(redStreak([pt('2026-11-29', 'red'), pt('2026-11-30', 'red')])).toEqual({ active: false, runDays: 1, runWeeks: 0 });
    // Daily readings reach it on the 14th day.
    const daily = Array.from({ length: 16 }, (_, i) => pt(`2026-11-${String(i + 1).padStart(2, '0')}`, 'red'));
    expect(redStreak(daily)).toMatchObject({ active: true, runDays: 15, reachedOn: '2026-11-15' });
  });
  it('takes any cadence: readings every two weeks count', () => {
    expect(redStreak([pt('2026-11-02', 'green'), pt('2026-11-09', 'red'), pt('2026-11-23', 'red')])).toMatchObject({ active: true, runDays: 14, reachedOn: '2026-11-23' });
  });
  it('breaks the run at any reading that is not red, in whatever order the readings come', () => {
    expect(redStreak([pt('2026-11-23', 'red'), pt('2026-11-02', 'red'), pt('2026-11-16', 'green'), pt('2026-11-26', 'red')])).toEqual({ active: false, runDays: 3, runWeeks: 0 });
  });
  it('breaks the run at a gap longer than the streak: nobody looked in between', () => {
    expect(redStreak([pt('2026-10-01', 'red'), pt('2026-11-23', 'red')])).toEqual({ active: false, runDays: 0, runWeeks: 0 });
  });
  it('takes its length as a setting', () => {
    const points = [pt('2026-11-16', 'red'), pt('2026-11-23', 'red')];
    expect(redStreak(points, 7)).toMatchObject({ active: true, reachedOn: '2026-11-23' });
    expect(redStreak(points, 21).active).toBe(false);
  });
  it('crosses the year end and keeps naming the run by the week it became long enough', () => {
    const points = [pt('2026-12-14', 'green'), pt('2026-12-21', 'red'), pt('2026-12-28', 'red'), pt('2027-01-04', 'red')];
    expect(redStreak(points)).toEqual({ active: true, runDays: 14, runWeeks: 2, week: '2027-W01', reachedOn: '2027-01-04' });
    // The same run one week later keeps its name, so it raises one CTA.
    expect(redStreak([...points, pt('2027-01-11', 'red')]).week).toBe('2027-W01');
  });
});
