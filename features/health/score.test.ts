import { DEFAULT_HEALTH_MODEL, HEALTH_DIMENSIONS, type HealthModel } from './model';
import { scoreHealth, type ScoredHealth } from './score';
import type { HealthInputs } from '../../data/model/records';

const M = DEFAULT_HEALTH_MODEL;
function scored(inputs: HealthInputs, model: HealthModel = M): ScoredHealth {
  const s = scoreHealth(inputs, model);
  if (s.score === null) throw new Error('expected a score');
  return s;
}
/** A model that scores only the given dimensions (the others weigh 0). */
const only = (dims: Partial<HealthModel['dimensions']>, overrides: HealthModel['overrides'] = []): HealthModel => ({
  ...M,
  dimensions: Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, dims[d] ?? { ...M.dimensions[d], weight: 0 }])) as HealthModel['dimensions'],
  overrides,
});

// Dimension scores under the defaults, by hand:
// active (40-20)/60 = 33.33, core (35-10)/60 = 41.67, breadth (20-10)/50 = 20, tickets 3/12 = 25,
// training 20/60 = 33.33, nps (0+30)/80 = 37.5, outcome (60-50)/50 = 20.
// Points: 6.667 + 10.417 + 2 + 5 + 1.667 + 1.875 + 3 = 30.625.
const STRUGGLING: HealthInputs = { activeUserRate: 40, coreFeatureAdoption: 35, moduleBreadth: 20, tickets90d: 3, trainingRate: 20, nps: 0, outcomeAttainment: 60 };
const PERFECT: HealthInputs = { activeUserRate: 80, coreFeatureAdoption: 70, moduleBreadth: 60, tickets90d: 12, trainingRate: 60, nps: 50, outcomeAttainment: 100 };

describe('scoreHealth', () => {
  it('weighs every dimension and rounds to one decimal', () => {
    const s = scored(STRUGGLING);
    expect(s.score).toBe(30.6);
    expect(s.band).toBe('red');
    expect(s.known).toBe(7);
    // The six service dimensions and ticket resolution weigh too; none is known here.
    expect(s.total).toBe(14);
    expect(s.capped).toBeUndefined();
    const byDim = Object.fromEntries(s.contributions.map((c) => [c.dimension, c]));
    expect(byDim.coreFeatureAdoption!.dimScore).toBeCloseTo(41.667, 3);
    expect(byDim.coreFeatureAdoption!.weight).toBe(0.25); // 15 of the 60 imported points
    expect(byDim.coreFeatureAdoption!.points).toBeCloseTo(10.417, 3);
    expect(byDim.nps!.dimScore).toBe(37.5);
    expect(byDim.outcomeAttainment!.points).toBeCloseTo(3, 9);
    expect(s.contributions.reduce((t, c) => t + c.points, 0)).toBeCloseTo(30.625, 9);
  });
  it('names the biggest drag: largest weight × (100 − dimScore)', () => {
    // Lost points (shares of the imported 60): tickets .2×75 = 15, core .25×58.3 = 14.6, active 13.3, outcome 12, breadth 8, training 3.3, nps 3.1.
    expect(scored(STRUGGLING).biggestDrag).toBe('tickets90d');
    expect(scored(PERFECT).biggestDrag).toBeUndefined();
    expect(scored(PERFECT).score).toBe(100);
    expect(scored(PERFECT).band).toBe('green');
  });
  it('renormalises the weights over the dimensions that have a value', () => {
    // core 70 → 100, tickets 3 → 25; shares 15/27 and 12/27 (= 25/45 and 20/45): 55.56 + 11.11 = 66.67.
    const s = scored({ coreFeatureAdoption: 70, tickets90d: 3 });
    expect(s.score).toBe(66.7);
    expect(s.band).toBe('yellow');
    expect(s.known).toBe(2);
    expect(s.total).toBe(14);
    expect(s.contributions.map((c) => [c.dimension, c.weight])).toEqual([
      ['coreFeatureAdoption', 15 / 27],
      ['tickets90d', 12 / 27],
    ]);
  });
  it('skips a dimension weighted 0 even when it has a value', () => {
    const model = { ...M, dimensions: { ...M.dimensions, trainingRate: { weight: 0, red: 0, green: 60 } } };
    const s = scored({ coreFeatureAdoption: 40, trainingRate: 0 }, model);
    expect(s.score).toBe(50);
    expect(s.known).toBe(1);
    expect(s.total).toBe(13);
  });
  it('has an explicit shape when nothing weighted is known', () => {
    expect(scoreHealth({}, M)).toEqual({ score: null, band: null, known: 0, total: 14, contributions: [] });
    expect(scoreHealth({ trainingRate: 50 }, only({ nps: M.dimensions.nps }))).toEqual({ score: null, band: null, known: 0, total: 1, contributions: [] });
  });
  it('takes the band from the shown (rounded) score', () => {
    // One dimension, 10..70: 69.96 needs value 51.976 → shown 70.0, so green.
    const model = only({ coreFeatureAdoption: M.dimensions.coreFeatureAdoption });
    expect(scored({ coreFeatureAdoption: 51.976 }, model)).toMatchObject({ score: 70, band: 'green' });
    expect(scored({ coreFeatureAdoption: 51.96 }, model)).toMatchObject({ score: 69.9, band: 'yellow' });
  });
});

describe('overrides', () => {
  it('cap the band whatever the score says: NPS at or below -30 is red', () => {
    const s = scored({ ...PERFECT, nps: -40 });
    expect(s.score).toBe(95); // NPS scores 0 there: 100 − 5.
    expect(s.band).toBe('red');
    expect(s.capped).toEqual({ dimension: 'nps', capBand: 'red' });
    expect(s.biggestDrag).toBe('nps');
    expect(scored({ ...PERFECT, nps: -30 }).band).toBe('red'); // at the threshold
    expect(scored({ ...PERFECT, nps: -29 }).band).toBe('green');
  });
  it('cap on low activity; the first listed wins a tie', () => {
    expect(scored({ ...PERFECT, activeUserRate: 20 }).capped).toEqual({ dimension: 'activeUserRate', capBand: 'red' });
    expect(scored({ ...PERFECT, activeUserRate: 15, nps: -50 }).capped).toEqual({ dimension: 'nps', capBand: 'red' });
  });
  it('report a cap only when it lowers the band', () => {
    const s = scored({ activeUserRate: 10, coreFeatureAdoption: 10 });
    expect(s.band).toBe('red');
    expect(s.capped).toBeUndefined();
  });
  it('can cap at yellow and fire at or above a value', () => {
    const model: HealthModel = { ...M, overrides: [{ dimension: 'tickets90d', atOrAbove: 50, capBand: 'yellow' }] };
    expect(scored({ ...PERFECT, tickets90d: 50 }, model)).toMatchObject({ band: 'yellow', capped: { dimension: 'tickets90d', capBand: 'yellow' } });
    expect(scored({ ...PERFECT, tickets90d: 49 }, model).band).toBe('green');
  });
});

describe('next band', () => {
  it('gives the two cheapest single changes that reach the next cut-off', () => {
    // Needs 39.95 (shown 40.0): 9.325 points short.
    // core: 41.67 + 9.325/.25 = 78.97 → 57.38 → 58 (57 gives 39.8); effort 23/60.
    // active: 33.33 + 9.325/.2 = 79.96 → 67.98 → 68 (shown 40.0); effort 28/60.
    // tickets would be 3 → 9 (effort 6/12), outcome 60 → 92 (32/50); the rest cannot reach it.
    expect(scored(STRUGGLING).nextBand).toEqual({
      band: 'yellow',
      mode: 'any',
      actions: [
        { dimension: 'coreFeatureAdoption', from: 35, to: 58 },
        { dimension: 'activeUserRate', from: 40, to: 68 },
      ],
    });
    expect(scored({ ...STRUGGLING, coreFeatureAdoption: 58 }).band).toBe('yellow');
    expect(scored({ ...STRUGGLING, coreFeatureAdoption: 57 }).band).toBe('red');
    expect(scored({ ...STRUGGLING, activeUserRate: 68 }).score).toBe(40);
  });
  it('offers only what can reach it: one more ticket lifts 66.7 to green', () => {
    // Core is already at 100. Tickets: 25 + 3.283/(4/9) = 32.39 → 3.89 → 4, giving 70.4.
    const s = scored({ coreFeatureAdoption: 70, tickets90d: 3 });
    expect(s.nextBand).toEqual({ band: 'green', mode: 'any', actions: [{ dimension: 'tickets90d', from: 3, to: 4 }] });
    expect(scored({ coreFeatureAdoption: 70, tickets90d: 4 })).toMatchObject({ score: 70.4, band: 'green' });
  });
  it('rounds the target down when lower is better', () => {
    // Tickets as "lower is better", 20 → 0: 15 scores 25; 39.95 needs 12.01 → 12 (score 40).
    const s = scored({ tickets90d: 15 }, only({ tickets90d: { weight: 1, red: 20, green: 0 } }));
    expect(s.score).toBe(25);
    expect(s.nextBand).toEqual({ band: 'yellow', mode: 'any', actions: [{ dimension: 'tickets90d', from: 15, to: 12 }] });
  });
  it('lifts a capping dimension just past the override', () => {
    expect(scored({ ...PERFECT, nps: -40 }).nextBand).toEqual({ band: 'yellow', mode: 'any', actions: [{ dimension: 'nps', from: -40, to: -29 }] });
    expect(scored({ ...PERFECT, activeUserRate: 15, nps: -50 }).nextBand).toEqual({
      band: 'yellow',
      mode: 'all',
      actions: [
        { dimension: 'nps', from: -50, to: -29 },
        { dimension: 'activeUserRate', from: 15, to: 21 },
      ],
    });
  });
  it('lifts the cap and adds the cheapest raise when the score is short too', () => {
    // active 18 (capped) → 21; shares 20/65, 25/65, 20/65; score then 18.46, 21.49 short.
    // core: 33.33 + 21.49/(25/65) = 89.2 → 63.5 → 64 (40.3); active would need 63, tickets 11.
    const s = scored({ activeUserRate: 18, coreFeatureAdoption: 30, tickets90d: 2 });
    expect(s.score).toBe(17.9);
    expect(s.nextBand).toEqual({
      band: 'yellow',
      mode: 'all',
      actions: [
        { dimension: 'activeUserRate', from: 18, to: 21 },
        { dimension: 'coreFeatureAdoption', from: 30, to: 64 },
      ],
    });
    expect(scored({ activeUserRate: 21, coreFeatureAdoption: 64, tickets90d: 2 })).toMatchObject({ score: 40.3, band: 'yellow' });
    expect(scored({ activeUserRate: 21, coreFeatureAdoption: 63, tickets90d: 2 }).band).toBe('red');
  });
  it('plans several changes when no single one can close the gap', () => {
    // Each dimension alone tops out below 39.95 (core 38.46). Lift active to 21, core to green (70),
    // then active 23 (40.0) beats tickets 1 on effort (2/60 vs 1/12).
    const s = scored({ activeUserRate: 20, coreFeatureAdoption: 10, tickets90d: 0 });
    expect(s.nextBand).toEqual({
      band: 'yellow',
      mode: 'all',
      actions: [
        { dimension: 'activeUserRate', from: 20, to: 23 },
        { dimension: 'coreFeatureAdoption', from: 10, to: 70 },
      ],
    });
    expect(scored({ activeUserRate: 23, coreFeatureAdoption: 70, tickets90d: 0 })).toMatchObject({ score: 40, band: 'yellow' });
    expect(scored({ activeUserRate: 22, coreFeatureAdoption: 70, tickets90d: 0 }).band).toBe('red');
  });
  it('is absent when green, and when the inputs cannot reach the next band', () => {
    expect(scored(PERFECT).nextBand).toBeUndefined();
    // Green at 150% adoption is beyond the 0..100 input: 70 scores 60/140 = 42.9 and 100 at best 90/140 = 64.3.
    const s = scored({ coreFeatureAdoption: 70 }, only({ coreFeatureAdoption: { weight: 1, red: 10, green: 150 } }));
    expect(s).toMatchObject({ score: 42.9, band: 'yellow' });
    expect(s.nextBand).toBeUndefined();
  });
});
