import type { IsoDate } from '../../shared/dates/local-date';
import type { Band } from '../../data/model/common';
import type { HealthSnapshot } from '../../data/model/records';
import type { HealthModel, ScoringInputs } from './model';
import { rateBand, round1 } from './rate';
import { dayIndex, isoWeek, type IsoWeek } from '../../shared/dates/week';

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
export function healthTrend<S extends Pick<HealthSnapshot, 'asOf' | 'deleted' | 'updatedAt' | 'id'> & { inputs: ScoringInputs }>(snapshots: readonly S[], model: HealthModel, today: IsoDate): HealthTrend {
  const points: TrendPoint[] = [];
  // Usually one live reading a day, oldest first: scored as they come, with no grouping by day.
  if (oneADay(snapshots, today)) {
    for (const s of snapshots) {
      const r = rateBand(s.inputs, model);
      if (r) points.push({ asOf: s.asOf, score: r.score, band: r.band });
    }
    return withDirection(points);
  }
  const byDay = new Map<IsoDate, S>();
  for (const s of snapshots) {
    if (s.deleted || s.asOf > today) continue;
    const seen = byDay.get(s.asOf);
    if (!seen || s.updatedAt > seen.updatedAt || (s.updatedAt === seen.updatedAt && s.id > seen.id)) byDay.set(s.asOf, s);
  }
  const days = [...byDay.keys()];
  // Readings usually come oldest first: sort only when they do not.
  let sorted = true;
  for (let i = 1; i < days.length && sorted; i++) sorted = days[i - 1]! < days[i]!;
  if (!sorted) days.sort();
  for (const asOf of days) {
    const r = rateBand(byDay.get(asOf)!.inputs, model);
    if (r) points.push({ asOf, score: r.score, band: r.band });
  }
  return withDirection(points);
}

/** Whether every reading is live, on or before today, and on a later day than the one before. */
function oneADay(snapshots: readonly Pick<HealthSnapshot, 'asOf' | 'deleted'>[], today: IsoDate): boolean {
  for (let i = 0; i < snapshots.length; i++) {
    const s = snapshots[i]!;
    if (s.deleted || s.asOf > today || (i > 0 && !(snapshots[i - 1]!.asOf < s.asOf))) return false;
  }
  return true;
}

/** The trend of scored points: the direction of the last move. */
function withDirection(points: TrendPoint[]): HealthTrend {
  const last = points.at(-1);
  const prev = points.at(-2);
  if (!last || !prev) return { points, direction: 'flat' };
  const delta = round1(last.score - prev.score);
  return { points, delta, direction: Math.abs(delta) < FLAT_DELTA ? 'flat' : delta > 0 ? 'up' : 'down' };
}

export interface RedStreak {
  /** The latest readings have been red without a break for at least the streak's length. */
  active: boolean;
  /** Days from the first red reading of the current run to the latest one (0: the latest reading is not red). */
  runDays: number;
  /** Whole weeks of the run, for the wording ("red 3 weeks in a row"). */
  runWeeks: number;
  /** The ISO week of the reading that first made the run long enough: one per run, so it names the run (a CTA cause). */
  week?: IsoWeek;
  /** That reading's day. */
  reachedOn?: IsoDate;
}

/**
 * "An account in the high-risk band two weeks running must raise an action":
 * the current run of red readings (every reading since the last one that was
 * not red) must span at least `minDays` days, whatever the cadence of the
 * readings (daily, weekly, every two weeks). A Sunday and the next Monday are
 * two calendar weeks but one day, and are not a streak. A gap between two red
 * readings longer than the streak itself breaks the run: nobody looked in
 * between.
 */
export function redStreak(points: readonly Pick<TrendPoint, 'asOf' | 'band'>[], minDays = 14): RedStreak {
  let inOrder = true;
  for (let i = 1; i < points.length && inOrder; i++) inOrder = points[i - 1]!.asOf <= points[i]!.asOf;
  const sorted = inOrder ? points : [...points].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
  const last = sorted.length - 1;
  if (last < 0 || sorted[last]!.band !== 'red') return { active: false, runDays: 0, runWeeks: 0 };
  // Day numbers of the red run, latest first: each date is read once.
  const days: number[] = [dayIndex(sorted[last]!.asOf)];
  let start = last;
  for (let i = last - 1; i >= 0; i--) {
    if (sorted[i]!.band !== 'red') break;
    const day = dayIndex(sorted[i]!.asOf);
    if (days[days.length - 1]! - day > minDays) break;
    days.push(day);
    start = i;
  }
  const first = days[days.length - 1]!;
  const runDays = days[0]! - first;
  const runWeeks = Math.floor(runDays / 7);
  if (runDays < minDays) return { active: false, runDays, runWeeks };
  let k = days.length - 1;
  while (days[k]! - first < minDays) k--;
  const reached = sorted[start + (days.length - 1 - k)]!;
  return { active: true, runDays, runWeeks, week: isoWeek(reached.asOf), reachedOn: reached.asOf };
}
