import type { IsoDate } from '../../shared/dates/local-date';
import type { Band } from '../../data/model/common';
import type { HealthSnapshot } from '../../data/model/records';
import type { HealthModel } from './model';
import { rate, round1 } from './rate';
import { dayIndex, isoWeek, mondayIndex, type IsoWeek } from '../../shared/dates/week';

export interface TrendPoint {
  asOf: IsoDate;
  score: number;
  band: Band;
}

export interface HealthTrend {
  /** Oldest first, one per day. */
  points: TrendPoint[];
  /** Latest minus previous point, one decimal; absent with fewer than two points. */
  delta?: number;
  /** 'flat' when |delta| < FLAT_DELTA or there is no delta. */
  direction: 'up' | 'down' | 'flat';
}

/** Score moves under 2 points are noise from one reading to the next, not a trend. */
export const FLAT_DELTA = 2;

/**
 * Scores a series of snapshots. Deleted snapshots, snapshots dated after
 * `today` and snapshots with nothing weighted known are left out. Two
 * snapshots on one day: the last written (updatedAt, then id) counts.
 * Dates are schema-checked YYYY-MM-DD text, so text order is date order.
 */
export function healthTrend(snapshots: readonly HealthSnapshot[], model: HealthModel, today: IsoDate): HealthTrend {
  const byDay = new Map<IsoDate, HealthSnapshot>();
  for (const s of snapshots) {
    if (s.deleted || s.asOf > today) continue;
    const seen = byDay.get(s.asOf);
    if (!seen || s.updatedAt > seen.updatedAt || (s.updatedAt === seen.updatedAt && s.id > seen.id)) byDay.set(s.asOf, s);
  }
  const points: TrendPoint[] = [];
  for (const asOf of [...byDay.keys()].sort()) {
    const r = rate(byDay.get(asOf)!.inputs, model);
    if (r) points.push({ asOf, score: r.score, band: r.band });
  }
  const last = points.at(-1);
  const prev = points.at(-2);
  if (!last || !prev) return { points, direction: 'flat' };
  const delta = round1(last.score - prev.score);
  return { points, delta, direction: Math.abs(delta) < FLAT_DELTA ? 'flat' : delta > 0 ? 'up' : 'down' };
}

export interface RedStreak {
  /** The latest two ISO weeks with a reading are consecutive weeks, both red. */
  active: boolean;
  /** Consecutive red weeks ending at the latest week (0 when the latest week is not red). */
  runWeeks: number;
  /** The week this red run first reached two weeks: one per run, so it names the run (a CTA cause). */
  week?: IsoWeek;
  /** The reading that completed the streak in that week. */
  reachedOn?: IsoDate;
}

/**
 * "Two consecutive weekly snapshots in red raise a CTA." Points are bucketed
 * by ISO week (Monday to Sunday) and the latest point of each week stands for
 * it. Weeks must be adjacent: red in W46 and W48 with no reading in W47 is not
 * a streak, because nobody looked in between.
 */
export function redStreak(points: readonly Pick<TrendPoint, 'asOf' | 'band'>[]): RedStreak {
  const weeks = new Map<number, Pick<TrendPoint, 'asOf' | 'band'>>(); // keyed by the Monday's day index
  for (const p of points) {
    const monday = mondayIndex(dayIndex(p.asOf));
    const seen = weeks.get(monday);
    if (!seen || p.asOf >= seen.asOf) weeks.set(monday, p);
  }
  const mondays = [...weeks.keys()].sort((a, b) => a - b);
  let run = 0;
  for (let i = mondays.length - 1; i >= 0; i--) {
    if (weeks.get(mondays[i]!)!.band !== 'red') break;
    const later = mondays[i + 1];
    if (later !== undefined && later - mondays[i]! !== 7) break;
    run++;
  }
  if (run < 2) return { active: false, runWeeks: run };
  const reached = mondays[mondays.length - run + 1]!;
  const p = weeks.get(reached)!;
  return { active: true, runWeeks: run, week: isoWeek(p.asOf), reachedOn: p.asOf };
}
