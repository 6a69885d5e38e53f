import { ASSESS_WITHIN_DAYS, promiseRisk, promiseRisks, weighsOnRenewal } from './risks';
import type { PromiseRecord } from '../../data/model/records';

type Fields = Pick<PromiseRecord, 'deliverable' | 'status' | 'dueDate' | 'deleted'>;
const p = (over: Partial<Fields> = {}): Fields => ({ deliverable: 'yes', status: 'open', ...over });
const SIGNED = '2026-11-01';

describe('promiseRisk', () => {
  it('flags an unassessed promise once the account was signed more than 14 days ago, not on day 14', () => {
    expect(ASSESS_WITHIN_DAYS).toBe(14);
    const u = p({ deliverable: 'unassessed' });
    expect(promiseRisk(u, '2026-11-01', SIGNED)).toBeNull();
    expect(promiseRisk(u, '2026-11-15', SIGNED)).toBeNull(); // day 14
    expect(promiseRisk(u, '2026-11-16', SIGNED)).toBe('not_assessed'); // day 15
    expect(promiseRisk(u, '2027-03-01', SIGNED)).toBe('not_assessed');
  });

  it('counts the two weeks across a month and a year end', () => {
    const u = p({ deliverable: 'unassessed' });
    expect(promiseRisk(u, '2027-01-03', '2026-12-20')).toBeNull();
    expect(promiseRisk(u, '2027-01-04', '2026-12-20')).toBe('not_assessed');
  });

  it('does not flag an unassessed promise without a signing date', () => {
    expect(promiseRisk(p({ deliverable: 'unassessed' }), '2027-03-01')).toBeNull();
  });

  it('says overdue before not assessed, and not deliverable before both', () => {
    expect(promiseRisk(p({ deliverable: 'unassessed', dueDate: '2026-12-01' }), '2026-12-20', SIGNED)).toBe('overdue');
    expect(promiseRisk(p({ deliverable: 'no', dueDate: '2026-12-01' }), '2026-12-20', SIGNED)).toBe('not_deliverable');
  });

  it('leaves judged promises as they were: yes and partly are no risk until overdue', () => {
    for (const deliverable of ['yes', 'partly'] as const) {
      expect(promiseRisk(p({ deliverable }), '2027-03-01', SIGNED)).toBeNull();
      expect(promiseRisk(p({ deliverable, dueDate: '2027-02-01' }), '2027-03-01', SIGNED)).toBe('overdue');
    }
  });

  it('does not flag settled or deleted unassessed promises', () => {
    for (const status of ['kept', 'reset', 'broken'] as const) expect(promiseRisk(p({ deliverable: 'unassessed', status }), '2027-03-01', SIGNED)).toBeNull();
    expect(promiseRisk(p({ deliverable: 'unassessed', deleted: true }), '2027-03-01', SIGNED)).toBeNull();
  });

  it('lists each promise at risk with its risk', () => {
    const list = [p({ deliverable: 'unassessed' }), p(), p({ deliverable: 'no' })];
    expect(promiseRisks(list, '2026-12-01', SIGNED).map((r) => r.risk)).toEqual(['not_assessed', 'not_deliverable']);
    expect(promiseRisks(list, '2026-12-01').map((r) => r.risk)).toEqual(['not_deliverable']);
  });
});

describe('weighsOnRenewal', () => {
  it('weighs not deliverable and overdue on the renewal; not assessed weighs as partly does, not at all', () => {
    expect(weighsOnRenewal('not_deliverable')).toBe(true);
    expect(weighsOnRenewal('overdue')).toBe(true);
    expect(weighsOnRenewal('not_assessed')).toBe(false);
    expect(weighsOnRenewal(null)).toBe(false);
  });
});
