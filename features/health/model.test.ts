import { DEFAULT_HEALTH_MODEL, dimensionScore, HealthModelSchema, HEALTH_DIMENSIONS, IMPORTED_DIMENSIONS, SERVICE_DIMENSIONS, type HealthModel } from './model';
import { DEFAULT_CUTOFFS } from './band';
import { HealthInputsSchema } from '../../data/model/records';

const messages = (m: unknown) => HealthModelSchema.safeParse(m).error?.issues.map((i) => i.message) ?? [];
const withDims = (patch: Partial<HealthModel['dimensions']>): HealthModel => ({
  ...DEFAULT_HEALTH_MODEL,
  dimensions: { ...DEFAULT_HEALTH_MODEL.dimensions, ...patch },
});

describe('dimension score', () => {
  it('interpolates linearly from red (0) to green (100)', () => {
    const rule = { red: 10, green: 70 };
    expect([10, 25, 40, 70].map((v) => dimensionScore(v, rule))).toEqual([0, 25, 50, 100]);
  });
  it('clamps outside red..green', () => {
    expect(dimensionScore(5, { red: 10, green: 70 })).toBe(0);
    expect(dimensionScore(90, { red: 10, green: 70 })).toBe(100);
  });
  it('runs the other way when red is above green (lower is better)', () => {
    const rule = { red: 30, green: 10 };
    expect([30, 20, 15, 10].map((v) => dimensionScore(v, rule))).toEqual([0, 50, 75, 100]);
    expect(dimensionScore(40, rule)).toBe(0);
    expect(dimensionScore(0, rule)).toBe(100);
  });
  it('handles negative scales (NPS: -30 → 0, 10 → 50, 50 → 100)', () => {
    const rule = DEFAULT_HEALTH_MODEL.dimensions.nps;
    expect([-70, -30, 10, 50, 90].map((v) => dimensionScore(v, rule))).toEqual([0, 0, 50, 100, 100]);
  });
});

describe('health model schema', () => {
  it('accepts the defaults, which score every imported input and every service dimension', () => {
    expect(HealthModelSchema.parse(DEFAULT_HEALTH_MODEL)).toEqual(DEFAULT_HEALTH_MODEL);
    expect([...IMPORTED_DIMENSIONS].sort()).toEqual(Object.keys(HealthInputsSchema.shape).sort());
    expect(HEALTH_DIMENSIONS).toEqual([...IMPORTED_DIMENSIONS, ...SERVICE_DIMENSIONS]);
  });
  it('weighs the strong renewal links highest and the weak ones lowest: 60 for the seeds’ usage signals, 40 service, 4 ticket speed', () => {
    const w = Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, DEFAULT_HEALTH_MODEL.dimensions[d].weight]));
    expect(w).toEqual({
      coreFeatureAdoption: 15, activeUserRate: 12, tickets90d: 12, outcomeAttainment: 9, moduleBreadth: 6, nps: 3, trainingRate: 3,
      ticketResolutionHours: 4,
      serviceRhythm: 10, bossReviewDays: 8, promisesKept: 7, csmRead: 7, reportsOnTime: 5, expectationReset: 3,
    });
    expect(Object.values(w).reduce((a, b) => a + b, 0) - w.ticketResolutionHours!).toBe(100);
    // Faster is better: a day scores 100, a week 0.
    expect(DEFAULT_HEALTH_MODEL.dimensions.ticketResolutionHours).toMatchObject({ red: 168, green: 24 });
    // Fewer days since the boss review is better.
    expect(DEFAULT_HEALTH_MODEL.dimensions.bossReviewDays.red).toBeGreaterThan(DEFAULT_HEALTH_MODEL.dimensions.bossReviewDays.green);
    // More tickets is better: green is above red.
    expect(DEFAULT_HEALTH_MODEL.dimensions.tickets90d.green).toBeGreaterThan(DEFAULT_HEALTH_MODEL.dimensions.tickets90d.red);
    expect(DEFAULT_HEALTH_MODEL.bands).toEqual(DEFAULT_CUTOFFS);
  });
  it('rejects weights that add up to nothing', () => {
    const dims = Object.fromEntries(HEALTH_DIMENSIONS.map((d) => [d, { ...DEFAULT_HEALTH_MODEL.dimensions[d], weight: 0 }]));
    expect(messages({ ...DEFAULT_HEALTH_MODEL, dimensions: dims })).toEqual(['the weights must add up to more than 0']);
  });
  it('rejects a negative weight', () => {
    expect(messages(withDims({ nps: { weight: -1, red: -30, green: 50 } }))).toEqual(['weight cannot be negative']);
  });
  it('rejects red equal to green, naming the dimension', () => {
    const r = HealthModelSchema.safeParse(withDims({ nps: { weight: 5, red: 10, green: 10 } }));
    expect(r.error?.issues.map((i) => [i.message, i.path.join('.')])).toEqual([['nps: the red and green values must differ', 'dimensions.nps.green']]);
  });
  it('rejects cut-offs out of order or outside 0..100', () => {
    expect(messages({ ...DEFAULT_HEALTH_MODEL, bands: { green: 40, red: 70 } })).toEqual(['the red cut-off must be below the green cut-off']);
    expect(messages({ ...DEFAULT_HEALTH_MODEL, bands: { green: 50, red: 50 } })).toEqual(['the red cut-off must be below the green cut-off']);
    expect(messages({ ...DEFAULT_HEALTH_MODEL, bands: { green: 120, red: 40 } })).toEqual(['cut-offs are scores between 0 and 100']);
  });
  it('needs exactly one threshold on an override', () => {
    const both = { dimension: 'nps', atOrBelow: -30, atOrAbove: 90, capBand: 'red' };
    const none = { dimension: 'nps', capBand: 'red' };
    expect(messages({ ...DEFAULT_HEALTH_MODEL, overrides: [both] })).toEqual(['an override needs exactly one of atOrBelow or atOrAbove']);
    expect(messages({ ...DEFAULT_HEALTH_MODEL, overrides: [none] })).toEqual(['an override needs exactly one of atOrBelow or atOrAbove']);
    expect(messages({ ...DEFAULT_HEALTH_MODEL, overrides: [{ dimension: 'nps', atOrBelow: 0, capBand: 'green' }] })).toHaveLength(1);
  });
  it('gives a model stored before ticket resolution existed its default rule, weighted like the stored imported ones', () => {
    const { ticketResolutionHours: _, ...before } = DEFAULT_HEALTH_MODEL.dimensions;
    // A team that doubled every imported weight gets the new dimension at twice its default.
    const doubled = Object.fromEntries(Object.entries(before).map(([d, r]) => [d, { ...r, weight: r.weight * 2 }]));
    const parsed = HealthModelSchema.parse({ ...DEFAULT_HEALTH_MODEL, dimensions: doubled });
    expect(parsed.dimensions.ticketResolutionHours).toEqual({ weight: 8, red: 168, green: 24 });
    expect(parsed.dimensions.nps.weight).toBe(6);
  });
  it('still refuses a dimension whose rule is broken', () => {
    const dims = { ...DEFAULT_HEALTH_MODEL.dimensions, nps: { weight: -1, red: 0, green: 1 } };
    expect(HealthModelSchema.safeParse({ ...DEFAULT_HEALTH_MODEL, dimensions: dims }).success).toBe(false);
  });
});
