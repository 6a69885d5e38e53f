import { canPitch, type PitchInput } from './can-pitch';

const TODAY = '2027-03-10';
const P = (patch: Partial<PitchInput> = {}) =>
  canPitch({ account: {}, today: TODAY, noPitchDays: 7, band: 'green', ctas: [], promises: { broken: 0, atRisk: 0 }, ...patch });
const cta = (cause: string, patch: Partial<PitchInput['ctas'][number]> = {}) => ({ cause, status: 'open' as const, ...patch });

describe('canPitch', () => {
  it('says go for a settled, healthy account signed long ago', () => {
    expect(P({ account: { signedAt: '2026-01-01' } })).toEqual({ answer: 'go', holds: [] });
  });
  it('holds inside the no-pitch window, through its last day, and not after', () => {
    expect(P({ account: { signedAt: '2027-03-05' } })).toEqual({ answer: 'hold', holds: [{ code: 'no_pitch_window', until: '2027-03-12' }] });
    expect(P({ account: { signedAt: '2027-03-03' } }).holds).toEqual([{ code: 'no_pitch_window', until: '2027-03-10' }]);
    expect(P({ account: { signedAt: '2027-03-02' } }).answer).toBe('go');
    expect(P({ account: { signedAt: '2027-03-05' }, noPitchDays: 0 }).answer).toBe('go');
  });
  it('holds while a churn recovery is pending (snoozed counts, closed or deleted does not)', () => {
    expect(P({ ctas: [cta('churn-recovery:o1', { needsOtherTeam: true })] }).holds).toEqual([{ code: 'churn_recovery', count: 1 }]);
    expect(P({ ctas: [cta('churn-recovery:o1', { status: 'snoozed', snoozedUntil: '2027-04-01' })] }).answer).toBe('hold');
    expect(P({ ctas: [cta('churn-recovery:o1', { status: 'closed' }), cta('churn-recovery:o2', { deleted: true })] }).answer).toBe('go');
  });
  it('holds on a red band and says when the red was set by hand', () => {
    expect(P({ band: 'red' }).holds).toEqual([{ code: 'health_red', byHand: false }]);
    expect(P({ band: 'red', bandByHand: true }).holds).toEqual([{ code: 'health_red', byHand: true }]);
    expect(P({ band: 'yellow' }).answer).toBe('go');
    expect(P({ band: null }).answer).toBe('go');
  });
  it('holds on broken promises or promises at risk, counting each', () => {
    expect(P({ promises: { broken: 1, atRisk: 2 } }).holds).toEqual([{ code: 'promises', broken: 1, atRisk: 2 }]);
    expect(P({ promises: { broken: 0, atRisk: 1 } }).answer).toBe('hold');
  });
  it('counts escalations: pending CTAs needing another team, churn recovery apart', () => {
    const ctas = [cta('milestone:m1', { needsOtherTeam: true }), cta('manual:x', { needsOtherTeam: true, status: 'snoozed' }), cta('milestone:m2'), cta('churn-recovery:o', { needsOtherTeam: true })];
    expect(P({ ctas }).holds).toEqual([{ code: 'churn_recovery', count: 1 }, { code: 'escalation', count: 2 }]);
  });
  it('lists every reason at once, most serious first', () => {
    const r = P({ account: { signedAt: '2027-03-09' }, band: 'red', ctas: [cta('churn-recovery:o'), cta('m', { needsOtherTeam: true })], promises: { broken: 1, atRisk: 0 } });
    expect(r.answer).toBe('hold');
    expect(r.holds.map((h) => h.code)).toEqual(['churn_recovery', 'health_red', 'promises', 'escalation', 'no_pitch_window']);
  });
});
