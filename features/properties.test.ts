import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_HEALTH_MODEL } from './health/model';
import { BAND_RANK } from './health/rate';
import { scoreHealth } from './health/score';
import { dateOfDay, dayIndex } from '../shared/dates/week';
import { addDays, dayNumber } from '../shared/dates/local-date';
import type { HealthInputs } from '../data/model/records';

const M = DEFAULT_HEALTH_MODEL;
const maybe = (a: fc.Arbitrary<number>) => fc.option(a, { nil: undefined });
const inputsArb: fc.Arbitrary<HealthInputs> = fc.record({
  activeUserRate: maybe(fc.integer({ min: 0, max: 100 })),
  coreFeatureAdoption: maybe(fc.integer({ min: 0, max: 100 })),
  moduleBreadth: maybe(fc.integer({ min: 0, max: 100 })),
  tickets90d: maybe(fc.integer({ min: 0, max: 40 })),
  trainingRate: maybe(fc.integer({ min: 0, max: 100 })),
  nps: maybe(fc.integer({ min: -100, max: 100 })),
  outcomeAttainment: maybe(fc.integer({ min: 0, max: 200 })),
});
const band = (i: HealthInputs) => {
  const s = scoreHealth(i, M);
  return s.score === null ? -1 : BAND_RANK[s.band];
};

describe('health properties', () => {
  it('scores stay in 0..100 and the points add up to the score', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const s = scoreHealth(i, M);
        if (s.score === null) return s.known === 0;
        const sum = s.contributions.reduce((t, c) => t + c.points, 0);
        return s.score >= 0 && s.score <= 100 && Math.abs(sum - s.score) <= 0.05 + 1e-9;
      }),
      { numRuns: 2000 },
    );
  });
  it('every suggested action reaches the next band, and one unit less does not', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const s = scoreHealth(i, M);
        if (s.score === null || !s.nextBand) return true;
        const { band: target, mode, actions } = s.nextBand;
        if (actions.length === 0 || BAND_RANK[target] !== BAND_RANK[s.band] + 1) return false;
        if (mode === 'all') return band({ ...i, ...Object.fromEntries(actions.map((a) => [a.dimension, a.to])) }) >= BAND_RANK[target];
        return actions.every((a) => {
          const step = a.to > a.from ? 1 : -1;
          return band({ ...i, [a.dimension]: a.to }) >= BAND_RANK[target] && band({ ...i, [a.dimension]: a.to - step }) < BAND_RANK[target];
        });
      }),
      { numRuns: 2000 },
    );
  });
  it('suggests a next band for every scored account that is not green (the defaults can always reach it)', () => {
    fc.assert(
      fc.property(inputsArb, (i) => {
        const s = scoreHealth(i, M);
        return s.score === null || (s.band === 'green') === (s.nextBand === undefined);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('engine day arithmetic', () => {
  it('agrees with shared/dates on every day from 1000 to 9999', () => {
    const lo = dayNumber('1000-01-01')!;
    const hi = dayNumber('9999-12-31')!;
    fc.assert(
      fc.property(fc.integer({ min: lo, max: hi }), (n) => {
        const date = addDays('1970-01-01', n);
        return dateOfDay(n) === date && dayIndex(date) === n && dayNumber(date) === n;
      }),
      { numRuns: 5000 },
    );
    expect([dateOfDay(lo), dateOfDay(hi), dateOfDay(0), dateOfDay(-1)]).toEqual(['1000-01-01', '9999-12-31', '1970-01-01', '1969-12-31']);
  });
  it('rejects what is not a calendar date, like daysBetween', () => {
    for (const bad of ['2026-02-29', '2100-02-29', '2026-13-01', '2026-04-31', '2026-00-10', '26-01-01', '2026-1-01', '2026-01-1x', '2026/01/01', '2026-01-011']) {
      expect(() => dayIndex(bad)).toThrow(RangeError);
    }
    expect(dayIndex('2028-02-29')).toBe(dayNumber('2028-02-29'));
    expect(dayIndex('2000-02-29')).toBe(dayNumber('2000-02-29'));
  });
});

describe('purity', () => {
  it('no engine module reads the clock, randomness or storage', () => {
    // The logic of each engine feature (its folder's own .ts files; ui/, tests and strings aside) and the CTA evaluation.
    const root = import.meta.dirname;
    const logic = (f: string) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('strings.');
    const files = [
      ...['health', 'renewal', 'onboarding'].flatMap((d) => readdirSync(join(root, d)).filter(logic).map((f) => join(root, d, f))),
      join(root, 'ctas.ts'),
      resolve(root, '../data/model/cta-draft.ts'),
    ];
    expect(files.length).toBeGreaterThan(15);
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      expect([f, /Date\.now|new Date\(|performance\.|Math\.random|crypto\.|localStorage|indexedDB|fetch\(|chrome\./.test(src)]).toEqual([f, false]);
    }
  });
});
