import { checkIsDue, inQuietHours, nextCheckAt, quietUntil } from './schedule';
import { inTimeZones, settings } from './test-fixtures';

// Dates are built from local wall-clock fields (months count from 0), so these hold in any time zone.
const at = (y: number, m: number, d: number, h: number, min = 0) => new Date(y, m - 1, d, h, min);
const NINE = settings({ checkAt: '09:00' });
const NIGHT = settings({ quietHours: { from: '20:00', to: '08:00' } });
const LUNCH = settings({ quietHours: { from: '12:00', to: '14:00' } });

describe('nextCheckAt', () => {
  it('is today’s check time when it is still ahead', () => {
    expect(nextCheckAt(at(2026, 3, 10, 8, 30), NINE)).toEqual(at(2026, 3, 10, 9, 0));
  });
  it('is tomorrow’s once the time has passed, and strictly after now at the check time itself', () => {
    expect(nextCheckAt(at(2026, 3, 10, 14, 0), NINE)).toEqual(at(2026, 3, 11, 9, 0));
    expect(nextCheckAt(at(2026, 3, 10, 9, 0), NINE)).toEqual(at(2026, 3, 11, 9, 0));
  });
  it('crosses a month end, a leap day and a year end', () => {
    expect(nextCheckAt(at(2026, 1, 31, 10, 0), NINE)).toEqual(at(2026, 2, 1, 9, 0));
    expect(nextCheckAt(at(2028, 2, 28, 12, 0), NINE)).toEqual(at(2028, 2, 29, 9, 0));
    expect(nextCheckAt(at(2026, 12, 31, 23, 59), NINE)).toEqual(at(2027, 1, 1, 9, 0));
  });
  it('follows the configured time, midnight included', () => {
    expect(nextCheckAt(at(2026, 3, 10, 17, 0), settings({ checkAt: '17:45' }))).toEqual(at(2026, 3, 10, 17, 45));
    expect(nextCheckAt(at(2026, 3, 10, 23, 30), settings({ checkAt: '00:00' }))).toEqual(at(2026, 3, 11, 0, 0));
  });
});

describe('checkIsDue', () => {
  it('runs a check the computer slept through: last run yesterday, now 14:00', () => {
    expect(checkIsDue('2026-03-09', at(2026, 3, 10, 14, 0), NINE)).toBe(true);
  });
  it('does not run twice in a day', () => {
    expect(checkIsDue('2026-03-10', at(2026, 3, 10, 14, 0), NINE)).toBe(false);
    expect(checkIsDue('2026-03-10', at(2026, 3, 10, 23, 59), NINE)).toBe(false);
  });
  it('waits for the check time: 07:00 is before 09:00', () => {
    expect(checkIsDue('2026-03-09', at(2026, 3, 10, 7, 0), NINE)).toBe(false);
    expect(checkIsDue('2026-03-09', at(2026, 3, 10, 8, 59), NINE)).toBe(false);
  });
  it('runs at the check time, on the first run ever, and after days asleep', () => {
    expect(checkIsDue('2026-03-09', at(2026, 3, 10, 9, 0), NINE)).toBe(true);
    expect(checkIsDue(undefined, at(2026, 3, 10, 9, 5), NINE)).toBe(true);
    expect(checkIsDue('2026-02-27', at(2026, 3, 10, 9, 5), NINE)).toBe(true);
  });
  it('counts a last check dated after today (clock or zone went back) as run', () => {
    expect(checkIsDue('2026-03-11', at(2026, 3, 10, 14, 0), NINE)).toBe(false);
  });
});

describe('inQuietHours', () => {
  it('handles a range over midnight (20:00 to 08:00): from included, to excluded', () => {
    const quiet = [19 * 60 + 59, 20 * 60, 23 * 60 + 30, 0, 3 * 60, 7 * 60 + 59, 8 * 60, 12 * 60].map((m) =>
      inQuietHours(at(2026, 3, 10, Math.floor(m / 60), m % 60), NIGHT),
    );
    expect(quiet).toEqual([false, true, true, true, true, true, false, false]);
  });
  it('handles a same-day range (12:00 to 14:00)', () => {
    const quiet = [[11, 59], [12, 0], [13, 59], [14, 0], [22, 0]].map(([h, m]) => inQuietHours(at(2026, 3, 10, h!, m!), LUNCH));
    expect(quiet).toEqual([false, true, true, false, false]);
  });
  it('is never quiet without quiet hours, or with an empty range', () => {
    expect(inQuietHours(at(2026, 3, 10, 22, 0), settings({ quietHours: null }))).toBe(false);
    expect(inQuietHours(at(2026, 3, 10, 22, 0), settings({ quietHours: { from: '22:00', to: '22:00' } }))).toBe(false);
  });
});

describe('quietUntil', () => {
  it('is the next morning in the evening part of an overnight range, across a month end', () => {
    expect(quietUntil(at(2026, 3, 31, 22, 0), NIGHT)).toEqual(at(2026, 4, 1, 8, 0));
  });
  it('is the same morning after midnight', () => {
    expect(quietUntil(at(2026, 3, 10, 3, 0), NIGHT)).toEqual(at(2026, 3, 10, 8, 0));
  });
  it('is the end of a same-day range', () => {
    expect(quietUntil(at(2026, 3, 10, 12, 30), LUNCH)).toEqual(at(2026, 3, 10, 14, 0));
  });
  it('is null outside quiet hours and without them', () => {
    expect(quietUntil(at(2026, 3, 10, 12, 0), NIGHT)).toBeNull();
    expect(quietUntil(at(2026, 3, 10, 22, 0), settings({ quietHours: null }))).toBeNull();
  });
});

describe('local wall-clock time in every time zone', () => {
  it('gives the same wall-clock answers in zones far apart, across a DST change', () => {
    const zones = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Pacific/Chatham'];
    const offsets = inTimeZones(zones, () => {
      expect(nextCheckAt(at(2026, 12, 31, 23, 59), NINE)).toEqual(at(2027, 1, 1, 9, 0));
      const next = nextCheckAt(at(2026, 12, 31, 23, 59), NINE);
      expect([next.getFullYear(), next.getMonth(), next.getDate(), next.getHours(), next.getMinutes()]).toEqual([2027, 0, 1, 9, 0]);
      // New York moves its clocks forward on Sunday 2026-03-08: the check stays at 09:00 on the wall clock.
      const afterDst = nextCheckAt(at(2026, 3, 7, 10, 0), NINE);
      expect([afterDst.getDate(), afterDst.getHours(), afterDst.getMinutes()]).toEqual([8, 9, 0]);
      expect(checkIsDue('2026-03-09', at(2026, 3, 10, 14, 0), NINE)).toBe(true);
      expect(checkIsDue('2026-03-09', at(2026, 3, 10, 7, 0), NINE)).toBe(false);
      expect(checkIsDue('2026-03-10', at(2026, 3, 10, 0, 5), NINE)).toBe(false);
      expect(inQuietHours(at(2026, 3, 10, 23, 30), NIGHT)).toBe(true);
      expect(inQuietHours(at(2026, 3, 10, 8, 0), NIGHT)).toBe(false);
      expect(quietUntil(at(2026, 3, 31, 22, 0), NIGHT)).toEqual(at(2026, 4, 1, 8, 0));
    });
    // The zones really were different: UTC+0, +8, −5 and +13:45 on 1 January.
    expect(offsets).toEqual([0, -480, 300, -825]);
  });
});
