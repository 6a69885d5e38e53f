import { retentionMetrics } from './metrics';
import { noPitchWindow } from './no-pitch';
import { renewalOutcome } from '../../tests/support/outcomes';

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

describe('retentionMetrics', () => {
  const o = renewalOutcome;

  const year = [
    o('renewed', '2026-01-01', 100, 100), // flat, on the first day
    o('renewed', '2026-06-30', 200, 150), // downgrade
    o('churned', '2026-07-15', 50, 30), // churn: newArr counts 0 whatever was typed
    o('renewed', '2026-12-31', 100, 160), // expansion, on the last day
    o('will_not_renew', '2026-09-01', 80), // a warning, not an outcome
    o('renewed', '2027-01-01', 999, 999), // after the period
    o('renewed', '2025-12-31', 999, 999), // before it
    o('renewed', '2026-05-01', 999, 999, { deleted: true }),
    o('renewed', '2026-03-01'), // a customer, without revenue figures
  ];
  it('computes customer renewal rate, GRR and NRR by their definitions', () => {
    const m = retentionMetrics(year, '2026-01-01', '2026-12-31');
    expect(m).toMatchObject({ renewed: 4, churned: 1, customerRenewalRate: 0.8, previousArr: 450, retainedArr: 350, newArr: 410, withoutArr: 1 });
    expect(m.grr).toBeCloseTo(350 / 450, 12); // 77.8%
    expect(m.nrr).toBeCloseTo(410 / 450, 12); // 91.1%
  });
  it('lets expansion lift NRR above 100% but never GRR', () => {
    const m = retentionMetrics([o('renewed', '2026-03-01', 100, 108), o('renewed', '2026-04-01', 400, 400)], '2026-01-01', '2026-12-31');
    expect(m.nrr).toBeCloseTo(508 / 500, 12);
    expect(m.grr).toBe(1);
  });
  it('counts a churn as a customer lost and all its ARR lost', () => {
    const m = retentionMetrics([o('churned', '2026-03-01', 300), o('renewed', '2026-04-01', 100, 100)], '2026-01-01', '2026-12-31');
    expect(m).toMatchObject({ customerRenewalRate: 0.5, grr: 0.25, nrr: 0.25, newArr: 100 });
  });
  it('is null without outcomes or revenue', () => {
    expect(retentionMetrics([], '2026-01-01', '2026-12-31')).toEqual({ renewed: 0, churned: 0, customerRenewalRate: null, previousArr: 0, retainedArr: 0, newArr: 0, grr: null, nrr: null, withoutArr: 0 });
    expect(retentionMetrics([o('renewed', '2026-03-01')], '2026-01-01', '2026-12-31')).toMatchObject({ customerRenewalRate: 1, grr: null, nrr: null, withoutArr: 1 });
  });
});
