import fc from 'fast-check';
import { DEFAULT_HEALTH_MODEL, HEALTH_DIMENSIONS, type HealthModel, type ScoringInputs } from './health/model';
import { rate, rateBand } from './health/rate';
import { redStreak, type TrendPoint } from './health/trend';
import { dateOfDay, dayIndex, isoWeek } from '../shared/dates/week';
import { addMonths, firstDay, lastDay, serviceDayIn } from '../shared/dates/calendar';
import { latestReading } from './health/current';
import type { Band } from '../data/model/common';
import type { ServiceDayRule } from '../data/model/records';

/*
 * The engine's fast paths against the straightforward computations they
 * replace in the hot loops: the same results on any input.
 */

const maybe = (a: fc.Arbitrary<number>) => fc.option(a, { nil: undefined });
const inputsArb: fc.Arbitrary<ScoringInputs> = fc.record(
  Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, maybe(fc.double({ min: -150, max: 400, noNaN: true }))])) as Record<keyof ScoringInputs, fc.Arbitrary<number | undefined>>,
);
const ruleArb = fc.record({ weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 30, noNaN: true })), red: fc.integer({ min: -50, max: 100 }), green: fc.integer({ min: 101, max: 300 }) });
const modelArb: fc.Arbitrary<HealthModel> = fc.record({
  dimensions: fc.record(Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, fc.oneof(ruleArb, ruleArb.map((r) => ({ ...r, red: r.green, green: r.red })))])) as Record<keyof HealthModel['dimensions'], typeof ruleArb>),
  bands: fc.integer({ min: 1, max: 98 }).chain((red) => fc.integer({ min: red + 1, max: 99 }).map((green) => ({ red, green }))),
  overrides: fc.array(
    fc.record({ dimension: fc.constantFrom(...HEALTH_DIMENSIONS), at: fc.integer({ min: -50, max: 150 }), below: fc.boolean(), capBand: fc.constantFrom('red' as const, 'yellow' as const) }).map((o) =>
      o.below ? { dimension: o.dimension, atOrBelow: o.at, capBand: o.capBand } : { dimension: o.dimension, atOrAbove: o.at, capBand: o.capBand },
    ),
    { maxLength: 4 },
  ),
});

describe('engine fast paths', () => {
  it('rateBand gives rate’s score and band, for any model and inputs', () => {
    fc.assert(
      fc.property(modelArb, inputsArb, (model, inputs) => {
        const full = rate(inputs, model);
        const fast = rateBand(inputs, model);
        expect(fast).toEqual(full ? { score: full.score, band: full.band } : null);
      }),
      { numRuns: 3000 },
    );
    const i: ScoringInputs = { activeUserRate: 15, coreFeatureAdoption: 90 };
    expect(rateBand(i, DEFAULT_HEALTH_MODEL)).toEqual({ score: rate(i, DEFAULT_HEALTH_MODEL)!.score, band: 'red' });
  });

  /** redStreak as it was written first: sort a copy, walk back, date arithmetic per step. */
  function plainRedStreak(points: readonly Pick<TrendPoint, 'asOf' | 'band'>[], minDays: number) {
    const sorted = [...points].sort((a, b) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0));
    let start = sorted.length;
    for (let i = sorted.length - 1; i >= 0; i--) {
      if (sorted[i]!.band !== 'red') break;
      const later = sorted[i + 1];
      if (later && dayIndex(later.asOf) - dayIndex(sorted[i]!.asOf) > minDays) break;
      start = i;
    }
    if (start === sorted.length) return { active: false, runDays: 0, runWeeks: 0 };
    const first = dayIndex(sorted[start]!.asOf);
    const runDays = dayIndex(sorted.at(-1)!.asOf) - first;
    const runWeeks = Math.floor(runDays / 7);
    if (runDays < minDays) return { active: false, runDays, runWeeks };
    const reached = sorted.slice(start).find((p) => dayIndex(p.asOf) - first >= minDays)!;
    return { active: true, runDays, runWeeks, week: isoWeek(reached.asOf), reachedOn: reached.asOf };
  }

  it('redStreak equals the plain walk, on sorted and shuffled series', () => {
    const pointsArb = fc.array(fc.record({ day: fc.integer({ min: 20_000, max: 20_200 }), band: fc.constantFrom<Band>('red', 'red', 'yellow', 'green') }), { maxLength: 14 });
    fc.assert(
      fc.property(pointsArb, fc.boolean(), fc.integer({ min: 1, max: 30 }), (raw, ordered, minDays) => {
        const unique = [...new Map(raw.map((p) => [p.day, p])).values()];
        const points = (ordered ? [...unique].sort((a, b) => a.day - b.day) : unique).map((p) => ({ asOf: dateOfDay(p.day), band: p.band }));
        expect(redStreak(points, minDays)).toEqual(plainRedStreak(points, minDays));
      }),
      { numRuns: 2000 },
    );
  });

  it('dates written once read the same as dates written each time, in and out of the kept range', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 60_000 }), (n) => {
        const again = dateOfDay(n);
        expect(dateOfDay(n)).toBe(again);
        expect(dayIndex(again)).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });

  it('kept service days and month ends equal a fresh computation', () => {
    const ruleArb2: fc.Arbitrary<ServiceDayRule> = fc.oneof(
      fc.record({ kind: fc.constant('nth_weekday' as const), n: fc.constantFrom(1, 2, 3, 4, -1 as const), weekday: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ kind: fc.constant('day_of_month' as const), day: fc.integer({ min: 1, max: 31 }) }),
    );
    fc.assert(
      fc.property(ruleArb2, fc.integer({ min: 0, max: 1200 }), (rule, k) => {
        const month = addMonths('2000-01', k);
        const day = serviceDayIn(rule, month);
        expect(serviceDayIn({ ...rule }, month)).toBe(day);
        // In the month, or moved back from its first days by a weekend.
        const n = dayIndex(day);
        expect(n >= dayIndex(firstDay(month)) - 2 && n <= dayIndex(lastDay(month))).toBe(true);
        expect(lastDay(month)).toBe(dateOfDay(dayIndex(firstDay(addMonths(month, 1))) - 1));
      }),
      { numRuns: 1000 },
    );
  });

  it('latestReading is the first of the latest day, as a stable latest-first sort gives', () => {
    const arb = fc.array(fc.record({ id: fc.nat(), asOf: fc.integer({ min: 0, max: 20 }).map((d) => dateOfDay(20_000 + d)), deleted: fc.option(fc.boolean(), { nil: undefined }) }), { maxLength: 12 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 20 }).map((d) => dateOfDay(20_000 + d)), (xs, today) => {
        const sorted = xs.filter((s) => !s.deleted && s.asOf <= today).sort((a, b) => (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0))[0];
        expect(latestReading(xs, today)).toBe(sorted);
      }),
      { numRuns: 1000 },
    );
  });
});
