import { LikelihoodPointsSchema, renewalLikelihood, type LikelihoodInput } from './likelihood';

const L = (patch: Partial<LikelihoodInput>) =>
  renewalLikelihood({ band: 'yellow', trendDirection: 'flat', touchpointsKept: 0, touchpointsDue: 0, expired: false, ...patch });

describe('renewalLikelihood', () => {
  it('adds transparent effects to a base of 50', () => {
    expect(L({ band: 'green', trendDirection: 'up', touchpointsKept: 3, touchpointsDue: 4 })).toEqual({
      likelihood: 85,
      level: 'high',
      reasons: [
        { code: 'base', effect: 50 },
        { code: 'health_green', effect: 25 },
        { code: 'trend_up', effect: 5 },
        { code: 'touchpoints', effect: 5, kept: 3, due: 4 },
      ],
    });
  });
  it('counts a band set by hand as that band and marks its reason', () => {
    expect(L({ band: 'red', bandByHand: true }).reasons).toEqual([{ code: 'base', effect: 50 }, { code: 'health_red', effect: -25, byHand: true }]);
    expect(L({ band: 'green', bandByHand: true }).reasons[1]).toEqual({ code: 'health_green', effect: 25, byHand: true });
    // Yellow adds nothing, set by hand or not; an unmeasured band is not "by hand".
    expect(L({ band: 'yellow', bandByHand: true }).reasons).toEqual([{ code: 'base', effect: 50 }]);
    expect(L({ band: 'green' }).reasons[1]).not.toHaveProperty('byHand');
  });
  it('clamps at 0 and keeps every reason so the sum is visible', () => {
    const r = L({ band: 'red', trendDirection: 'down', touchpointsKept: 0, touchpointsDue: 2, expired: true });
    expect(r.reasons.map((x) => [x.code, x.effect])).toEqual([['base', 50], ['health_red', -25], ['trend_down', -10], ['touchpoints', -10], ['expired', -20]]);
    expect(r.reasons.reduce((s, x) => s + x.effect, 0)).toBe(-15);
    expect(r).toMatchObject({ likelihood: 0, level: 'low' });
  });
  it('leaves out zero effects: yellow, flat, half the touchpoints kept is the base', () => {
    expect(L({ touchpointsKept: 1, touchpointsDue: 2 })).toEqual({ likelihood: 50, level: 'medium', reasons: [{ code: 'base', effect: 50 }] });
    expect(L({ band: null, trendDirection: undefined })).toMatchObject({ likelihood: 50, level: 'unknown', reasons: [{ code: 'base', effect: 50 }, { code: 'health_unknown', effect: 0 }] });
  });
  it('scales touchpoints linearly and rounds: 2 of 3 is +3, 1 of 3 is −3, more kept than due counts as all', () => {
    expect(L({ touchpointsKept: 2, touchpointsDue: 3 }).likelihood).toBe(53);
    expect(L({ touchpointsKept: 1, touchpointsDue: 3 }).likelihood).toBe(47);
    expect(L({ touchpointsKept: 5, touchpointsDue: 3 }).reasons[1]).toEqual({ code: 'touchpoints', effect: 10, kept: 3, due: 3 });
  });
  it('puts the level cut-offs at 70 and 40', () => {
    expect(L({ band: 'green', trendDirection: 'down', touchpointsKept: 3, touchpointsDue: 4 })).toMatchObject({ likelihood: 70, level: 'high' });
    expect(L({ band: 'green', trendDirection: 'down', touchpointsKept: 1, touchpointsDue: 2 })).toMatchObject({ likelihood: 65, level: 'medium' });
    expect(L({ trendDirection: 'down' })).toMatchObject({ likelihood: 40, level: 'medium' });
    expect(L({ trendDirection: 'down', touchpointsKept: 1, touchpointsDue: 3 })).toMatchObject({ likelihood: 37, level: 'low' });
  });
  it('takes 50 for a customer who said they will not renew, when that is the latest outcome of the term', () => {
    expect(L({ band: 'green', latestOutcome: 'will_not_renew' })).toMatchObject({ likelihood: 25, level: 'low' });
    // "Will not renew" followed by "renewed": the latest counts, so no penalty.
    expect(L({ band: 'green', latestOutcome: 'renewed' })).toMatchObject({ likelihood: 75, level: 'high' });
  });
  it('is 0 and low once the term churned, whatever else is true', () => {
    const r = L({ band: 'green', trendDirection: 'up', latestOutcome: 'churned' });
    expect(r).toMatchObject({ likelihood: 0, level: 'low' });
    expect(r.reasons.at(-1)).toEqual({ code: 'churned', effect: -80 });
  });
  it('says "unknown" without a health band, not yellow, and says why', () => {
    const r = L({ band: null, trendDirection: undefined, touchpointsKept: 2, touchpointsDue: 2 });
    expect(r).toMatchObject({ likelihood: 60, level: 'unknown' });
    expect(r.reasons.map((x) => x.code)).toEqual(['base', 'health_unknown', 'touchpoints']);
    expect(L({ band: undefined }).level).toBe('unknown');
  });
  it('lowers it for each promise at risk, down to a cap, and for unfinished onboarding, each with its reason', () => {
    expect(L({ promisesAtRisk: 2 }).reasons).toEqual([{ code: 'base', effect: 50 }, { code: 'promises_at_risk', effect: -10, n: 2 }]);
    expect(L({ promisesAtRisk: 7 }).likelihood).toBe(35);
    expect(L({ onboardingUnfinished: true }).reasons).toEqual([{ code: 'base', effect: 50 }, { code: 'onboarding_unfinished', effect: -10 }]);
  });
  it('takes its points from the settings', () => {
    const points = LikelihoodPointsSchema.parse({ base: 60, green: 30, promiseAtRisk: -8, promiseAtRiskCap: -30, high: 90 });
    const r = renewalLikelihood({ band: 'green', touchpointsKept: 0, touchpointsDue: 0, expired: false, promisesAtRisk: 2 }, points);
    expect(r).toMatchObject({ likelihood: 74, level: 'medium' });
    expect(LikelihoodPointsSchema.safeParse({ high: 40, medium: 40 }).success).toBe(false);
    expect(LikelihoodPointsSchema.safeParse({ base: 150 }).success).toBe(false);
  });
});

