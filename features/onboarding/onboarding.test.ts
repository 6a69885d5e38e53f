import type { Cta, Milestone } from '../../data/model/records';
import { MilestoneSchema } from '../../data/model/records';
import { arrAtRiskByOwner, ctaColour, onboardingRisk, onboardingStatus } from './status';
import { milestonesFor, ONBOARDING_TEMPLATE } from './template';

const T = '2026-11-20T09:00:00.000Z';
const SIGNED = '2026-11-20';
const milestones = (done: Record<string, string> = {}): Milestone[] =>
  milestonesFor('acc-1', SIGNED).map((d) => ({ ...d, createdAt: T, updatedAt: T, ...(done[d.key] ? { doneAt: done[d.key] } : {}) }));
const cta = (status: Cta['status'], needsOtherTeam?: boolean, deleted?: boolean): Cta => ({
  id: `c-${status}-${String(needsOtherTeam)}`,
  accountId: 'acc-1',
  createdAt: T,
  updatedAt: T,
  source: 'onboarding',
  cause: `x:${status}:${String(needsOtherTeam)}`,
  title: 'x',
  dueDate: '2026-12-01',
  status,
  ...(needsOtherTeam !== undefined ? { needsOtherTeam } : {}),
  ...(deleted ? { deleted } : {}),
});

describe('onboarding milestones', () => {
  it('dates the template from signing: kick-off 7, workshop 30, key users trained 45, first value 60', () => {
    expect(ONBOARDING_TEMPLATE.map((t) => [t.key, t.dueDays])).toEqual([['kick_off', 7], ['workshop_60pct', 30], ['key_users_trained', 45], ['first_value', 60]]);
    expect(milestonesFor('acc-1', SIGNED, undefined, 'Cleo')).toEqual([
      { id: 'ms:acc-1:kick_off', accountId: 'acc-1', key: 'kick_off', title: 'kick_off', dueDate: '2026-11-27', owner: 'Cleo' },
      { id: 'ms:acc-1:workshop_60pct', accountId: 'acc-1', key: 'workshop_60pct', title: 'workshop_60pct', dueDate: '2026-12-20', owner: 'Cleo' },
      { id: 'ms:acc-1:key_users_trained', accountId: 'acc-1', key: 'key_users_trained', title: 'key_users_trained', dueDate: '2027-01-04', owner: 'Cleo' },
      { id: 'ms:acc-1:first_value', accountId: 'acc-1', key: 'first_value', title: 'first_value', dueDate: '2027-01-19', owner: 'Cleo' },
    ]);
  });
  it('makes valid records once stamped, and takes a custom template', () => {
    for (const m of milestones()) expect(MilestoneSchema.parse(m)).toEqual(m);
    expect(milestonesFor('a', '2028-02-28', [{ key: 'go_live', dueDays: 1, needsOtherTeam: false }])).toEqual([{ id: 'ms:a:go_live', accountId: 'a', key: 'go_live', title: 'go_live', dueDate: '2028-02-29' }]);
  });
});

describe('onboardingStatus', () => {
  it('counts the 90 days from the signing day', () => {
    const at = (today: string) => {
      const s = onboardingStatus([], [], SIGNED, today);
      return [s.inWindow, s.daysLeft];
    };
    expect(at('2026-11-20')).toEqual([true, 90]); // day 0
    expect(at('2027-02-17')).toEqual([true, 1]); // day 89
    expect(at('2027-02-18')).toEqual([false, 0]); // day 90
    expect(at('2026-11-19')).toEqual([false, 90]); // before signing
  });
  it('lists milestones past their due date and not done, earliest first', () => {
    const ms = milestones({ kick_off: '2026-11-26' }).reverse();
    const s = onboardingStatus(ms, [], SIGNED, '2027-01-05');
    expect(s.overdue.map((m) => m.key)).toEqual(['workshop_60pct', 'key_users_trained']);
    // On its due date a milestone is not overdue yet.
    expect(onboardingStatus(ms, [], SIGNED, '2026-12-20').overdue).toEqual([]);
    expect(onboardingStatus([{ ...ms[2]!, deleted: true }], [], SIGNED, '2027-01-05').overdue).toEqual([]);
  });
  it('colours by CTAs: red when one needs another team, yellow when any is open, green when none', () => {
    const colour = (ctas: Cta[]) => onboardingStatus([], ctas, SIGNED, '2026-12-01').colour;
    expect(colour([])).toBe('green');
    expect(colour([cta('open')])).toBe('yellow');
    expect(colour([cta('open', false), cta('open', true)])).toBe('red');
    expect(colour([cta('snoozed')])).toBe('yellow'); // parked, not resolved
    expect(colour([cta('snoozed', true)])).toBe('red');
    expect(colour([cta('closed', true)])).toBe('green');
    expect(colour([cta('open', true, true)])).toBe('green'); // deleted
    expect(ctaColour([cta('closed'), cta('open')])).toBe('yellow');
  });
  it('counts only onboarding CTAs: a missing report or a churn recovery is not onboarding late', () => {
    const other = (source: Cta['source'], needsOtherTeam?: boolean): Cta => ({ ...cta('open', needsOtherTeam), id: `c-${source}`, source });
    expect(ctaColour([other('service'), other('renewal', true), other('health', true)])).toBe('green');
    expect(ctaColour([other('service'), cta('open')])).toBe('yellow');
  });
});

describe('onboarding risk and ARR at risk', () => {
  it('weighs colours red 1, yellow 0.5, green 0', () => {
    expect(onboardingRisk({ green: 5, yellow: 2, red: 3 })).toEqual({ risk: 4, accounts: 10, perAccount: 0.4 });
    expect(onboardingRisk({ green: 5, yellow: 2, red: 3 }, { red: 2, yellow: 1, green: 0 })).toEqual({ risk: 8, accounts: 10, perAccount: 0.8 });
    expect(onboardingRisk({ green: 0, yellow: 0, red: 0 })).toEqual({ risk: 0, accounts: 0, perAccount: null });
  });
  it('sums the ARR of red and yellow accounts per owner, most first, unowned last among equals', () => {
    const rows = arrAtRiskByOwner([
      { owner: 'Ann', arr: 1000, colour: 'red' },
      { owner: 'Ann', arr: 500, colour: 'yellow' },
      { owner: 'Ann', arr: 700, colour: 'green' },
      { owner: 'Bob', arr: 2000, colour: 'yellow' },
      { arr: 300, colour: 'red' },
      { owner: '  ', colour: 'yellow' },
      { owner: 'Dee', arr: 300, colour: 'red' },
      { owner: 'Cy', arr: 100, colour: 'green' },
    ]);
    expect(rows).toEqual([
      { owner: 'Bob', arrAtRisk: 2000, red: 0, yellow: 2000, accountsAtRisk: 1 },
      { owner: 'Ann', arrAtRisk: 1500, red: 1000, yellow: 500, accountsAtRisk: 2 },
      { owner: 'Dee', arrAtRisk: 300, red: 300, yellow: 0, accountsAtRisk: 1 },
      { owner: null, arrAtRisk: 300, red: 300, yellow: 0, accountsAtRisk: 2 },
      { owner: 'Cy', arrAtRisk: 0, red: 0, yellow: 0, accountsAtRisk: 0 },
    ]);
  });
});
