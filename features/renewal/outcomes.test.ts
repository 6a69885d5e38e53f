import { renewalLikelihood, type LikelihoodInput } from './likelihood';
import { noPitchWindow } from './no-pitch';

const L = (patch: Partial<LikelihoodInput>) =>
  renewalLikelihood({ band: 'yellow', trendDirection: 'flat', touchpointsKept: 0, touchpointsDue: 0, expired: false, willNotRenew: false, ...patch });

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
  it('clamps at 0 and keeps every reason so the sum is visible', () => {
    const r = L({ band: 'red', trendDirection: 'down', touchpointsKept: 0, touchpointsDue: 2, expired: true });
    expect(r.reasons.map((x) => [x.code, x.effect])).toEqual([['base', 50], ['health_red', -25], ['trend_down', -10], ['touchpoints', -10], ['expired', -20]]);
    expect(r.reasons.reduce((s, x) => s + x.effect, 0)).toBe(-15);
    expect(r).toMatchObject({ likelihood: 0, level: 'low' });
  });
  it('leaves out zero effects: yellow, flat, half the touchpoints kept is the base', () => {
    expect(L({ touchpointsKept: 1, touchpointsDue: 2 })).toEqual({ likelihood: 50, level: 'medium', reasons: [{ code: 'base', effect: 50 }] });
    expect(L({ band: null, trendDirection: undefined })).toMatchObject({ likelihood: 50, reasons: [{ code: 'base', effect: 50 }] });
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
  it('takes 50 for a customer who said they will not renew', () => {
    expect(L({ band: 'green', willNotRenew: true })).toMatchObject({ likelihood: 25, level: 'low' });
    expect(L({ band: null, willNotRenew: true }).likelihood).toBe(0);
  });
});

describe('noPitchWindow', () => {
  const signed = '2026-11-20';
  it('covers the signing day and the 7 days after', () => {
    expect(noPitchWindow(signed, '2026-11-20')).toEqual({ active: true, daysLeft: 7 }); // day 0
    expect(noPitchWindow(signed, '2026-11-27')).toEqual({ active: true, daysLeft: 0 }); // day 7
    expect(noPitchWindow(signed, '2026-11-28')).toEqual({ active: false, daysLeft: 0 }); // day 8
  });
  it('is closed before signing and without a signing date', () => {
    expect(noPitchWindow(signed, '2026-11-19')).toEqual({ active: false, daysLeft: 0 });
    expect(noPitchWindow(undefined, '2026-11-20')).toEqual({ active: false, daysLeft: 0 });
  });
  it('takes the length from settings, across a month end', () => {
    expect(noPitchWindow('2026-11-25', '2026-12-09', 14)).toEqual({ active: true, daysLeft: 0 });
    expect(noPitchWindow('2026-11-25', '2026-12-10', 14).active).toBe(false);
    expect(noPitchWindow(signed, '2026-11-20', 0)).toEqual({ active: true, daysLeft: 0 });
    expect(noPitchWindow(signed, '2026-11-21', 0).active).toBe(false);
  });
});
