import { ctaId, toCta, type CtaDraft } from '../data/model/cta-draft';
import { evaluateCtas, type CtaEvaluationInput } from './ctas';
import { DEFAULT_HEALTH_MODEL } from './health/model';
import { CtaSchema, type Cta, type HealthSnapshot, type Milestone, type RenewalOutcome } from '../data/model/records';
import { milestonesFor } from './onboarding/template';
import { DEFAULT_RENEWAL_SETTINGS } from './renewal/settings';

const T = '2026-11-20T09:00:00.000Z';
const account = { id: 'acc-1', csm: 'Cleo', owner: 'Ann', segment: 'enterprise' as const, contractEnd: '2027-03-31', signedAt: '2026-11-20' };
/** Core adoption alone: 22 → 20, 25 → 25, 28 → 30 (red); 70 → 100 (green). */
const snap = (asOf: string, core: number, accountId = 'acc-1'): HealthSnapshot => ({ id: `s-${accountId}-${asOf}`, accountId, createdAt: T, updatedAt: T, asOf, inputs: { coreFeatureAdoption: core } });
const RED_RUN = [snap('2026-12-21', 22), snap('2026-12-31', 28), snap('2027-01-04', 25), snap('2027-01-05', 70, 'acc-2')];
const milestones = (patch: Record<string, Partial<Milestone>> = {}): Milestone[] =>
  milestonesFor('acc-1', account.signedAt).map((d) => ({ ...d, createdAt: T, updatedAt: T, ...(d.key === 'kick_off' ? { doneAt: '2026-11-26' } : {}), ...(d.key === 'key_users_trained' ? { owner: 'Dan' } : {}), ...patch[d.key] }));
const outcome = (id: string, kind: RenewalOutcome['kind']): RenewalOutcome => ({ id, accountId: 'acc-1', createdAt: T, updatedAt: T, kind, date: '2027-01-05', symptom: 'price', rootCause: 'poor_service' });
const input = (patch: Partial<CtaEvaluationInput> = {}): CtaEvaluationInput => ({
  account,
  snapshots: RED_RUN,
  milestones: milestones(),
  outcomes: [outcome('o-9', 'will_not_renew'), outcome('o-8', 'renewed')],
  existing: [],
  model: DEFAULT_HEALTH_MODEL,
  renewalSettings: DEFAULT_RENEWAL_SETTINGS,
  today: '2027-01-06',
  ...patch,
});
const stored = (drafts: CtaDraft[], patch: Partial<Cta> = {}): Cta[] => drafts.map((d) => ({ ...toCta(d, d.title.code, T), ...patch }));
const causes = (i: CtaEvaluationInput) => evaluateCtas(i).create.map((d) => d.cause);

describe('evaluateCtas', () => {
  it('raises one CTA per cause from every source, with codes, owners and data-derived due dates', () => {
    expect(evaluateCtas(input()).create).toEqual([
      {
        id: 'cta:health:red-streak:acc-1:2027-W01',
        accountId: 'acc-1',
        source: 'health',
        cause: 'health:red-streak:acc-1:2027-W01',
        title: { code: 'health_red_streak', params: { week: '2027-W01', weeks: 2, score: 25 } },
        owner: 'Cleo',
        dueDate: '2027-01-11', // a week after the reading that made the red run span 14 days (2027-01-04)
        status: 'open',
      },
      {
        id: 'cta:renewal:acc-1:2027-03-31:90',
        accountId: 'acc-1',
        source: 'renewal',
        cause: 'renewal:acc-1:2027-03-31:90',
        title: { code: 'renewal_touchpoint', params: { offset: 90, due: '2026-12-31', contractEnd: '2027-03-31', mode: 'csm' } },
        owner: 'Cleo',
        dueDate: '2026-12-31', // the 90-day contact's own date: overdue since then
        status: 'open',
      },
      {
        id: 'cta:churn-recovery:o-9',
        accountId: 'acc-1',
        source: 'renewal',
        cause: 'churn-recovery:o-9',
        title: { code: 'churn_recovery', params: { date: '2027-01-05', symptom: 'price', rootCause: 'poor_service' } },
        owner: 'Cleo',
        dueDate: '2027-01-05',
        status: 'open',
        needsOtherTeam: true,
      },
      {
        id: 'cta:onboarding:ms:acc-1:workshop_60pct',
        accountId: 'acc-1',
        source: 'onboarding',
        cause: 'onboarding:ms:acc-1:workshop_60pct',
        title: { code: 'onboarding_milestone', params: { key: 'workshop_60pct', title: 'workshop_60pct', due: '2026-12-20' } },
        owner: 'Cleo',
        dueDate: '2026-12-27',
        status: 'open',
        needsOtherTeam: true,
      },
      {
        id: 'cta:onboarding:ms:acc-1:key_users_trained',
        accountId: 'acc-1',
        source: 'onboarding',
        cause: 'onboarding:ms:acc-1:key_users_trained',
        title: { code: 'onboarding_milestone', params: { key: 'key_users_trained', title: 'key_users_trained', due: '2027-01-04' } },
        owner: 'Dan',
        dueDate: '2027-01-11',
        status: 'open',
        needsOtherTeam: false,
      },
    ]);
  });
  it('never raises a cause again, whatever became of the first CTA', () => {
    const first = evaluateCtas(input()).create;
    for (const patch of [{}, { status: 'closed' as const }, { status: 'snoozed' as const }, { deleted: true }]) {
      expect(evaluateCtas(input({ existing: stored(first, patch), today: '2027-01-08' })).create).toEqual([]);
    }
    // Partly known: only the missing cause is raised.
    expect(causes(input({ existing: stored(first.slice(1)) }))).toEqual(['health:red-streak:acc-1:2027-W01']);
  });
  it('drafts identical records on two devices evaluating on different days', () => {
    const a = evaluateCtas(input({ today: '2027-01-06' })).create;
    const b = evaluateCtas(input({ today: '2027-01-07' })).create;
    expect(b).toEqual(a);
    for (const c of stored(a)) expect(CtaSchema.parse(c)).toEqual(c);
  });
  it('raises one health CTA per red run, and a new one after a recovery', () => {
    const first = evaluateCtas(input()).create;
    const longer = [...RED_RUN, snap('2027-01-11', 25)];
    expect(causes(input({ snapshots: longer, existing: stored(first), today: '2027-01-12' }))).toEqual([]);
    const again = [...longer.slice(0, 3), snap('2027-01-11', 70), snap('2027-01-18', 25), snap('2027-01-25', 22)];
    // The first run's CTA was closed when the account recovered; the new run needs its own 14 days.
    const recovered = stored(first, { status: 'closed' });
    expect(causes(input({ snapshots: again, existing: recovered, milestones: [], today: '2027-01-26' }))).toEqual([]);
    const twoWeeks = [...again, snap('2027-02-01', 25)];
    expect(causes(input({ snapshots: twoWeeks, existing: recovered, milestones: [], today: '2027-02-02' }))).toEqual(['health:red-streak:acc-1:2027-W05']);
    // While the first run's CTA is still open, a second run raises nothing more: one recovery at a time.
    expect(causes(input({ snapshots: twoWeeks, existing: stored(first), milestones: [], today: '2027-02-02' }))).toEqual([]);
    // One red week is not enough; nor is another account's data.
    expect(causes(input({ snapshots: [snap('2027-01-04', 25)], outcomes: [], milestones: [] }))).toEqual(['renewal:acc-1:2027-03-31:90']);
  });
  it('raises a renewal CTA only while the overdue touchpoint still counts, and never after expiry', () => {
    const renewal = (today: string, extra: Partial<CtaEvaluationInput> = {}) =>
      causes(input({ snapshots: [], milestones: [], outcomes: [], today, ...extra }));
    expect(renewal('2027-01-03')).toEqual([]); // 90-day touchpoint 3 days late: still in grace
    expect(renewal('2027-01-29')).toEqual(['renewal:acc-1:2027-03-31:90']);
    expect(renewal('2027-02-01')).toEqual([]); // its window closed; the 60-day one is 2 days late
    expect(renewal('2027-02-03')).toEqual(['renewal:acc-1:2027-03-31:60']);
    expect(renewal('2027-02-03', { logged: [{ date: '2027-02-02' }] })).toEqual([]);
    expect(renewal('2027-04-01')).toEqual([]);
    const smb = evaluateCtas(input({ account: { ...account, segment: 'smb' }, snapshots: [], milestones: [], outcomes: [], today: '2027-03-05' })).create;
    expect(smb.map((d) => [d.cause, d.title.params.mode])).toEqual([['renewal:acc-1:2027-03-31:30', 'automated']]);
  });
  it('raises no touchpoint CTA once the current term churned; an earlier term\'s churn does not count', () => {
    const churn = { ...outcome('o-c', 'churned'), date: '2027-01-20' };
    const renewal = (outcomes: RenewalOutcome[]) => causes(input({ snapshots: [], milestones: [], outcomes, today: '2027-01-29' }));
    expect(renewal([churn])).toEqual([]);
    expect(renewal([{ ...churn, termId: 'term-of-an-earlier-contract' }])).toEqual(['renewal:acc-1:2027-03-31:90']);
  });
  it('falls back to the account owner when there is no CSM', () => {
    const drafts = evaluateCtas(input({ account: { ...account, csm: undefined } })).create;
    // Rules run in registry order: health, renewal (touchpoints, then churn recovery), onboarding.
    expect(drafts.map((d) => d.owner)).toEqual(['Ann', 'Ann', 'Ann', 'Ann', 'Dan']);
  });
});

describe('closing resolved CTAs', () => {
  const open = (cause: string, status: Cta['status'] = 'open', accountId = 'acc-1'): Cta => ({
    id: ctaId(cause), accountId, createdAt: T, updatedAt: T, source: 'manual', cause, title: 'x', dueDate: '2027-01-01', status,
  });
  it('closes what the data shows resolved, and nothing a person must decide', () => {
    const existing = [
      open('onboarding:ms:acc-1:workshop_60pct'),
      open('onboarding:ms:acc-1:key_users_trained'),
      open('onboarding:ms:acc-1:first_value'),
      open('renewal:acc-1:2026-03-31:30'),
      open('renewal:acc-1:2027-03-31:90'),
      open('renewal:acc-1:2027-03-31:60'),
      open('health:red-streak:acc-1:2027-W01'),
      open('churn-recovery:o-9'),
      open('renewal:acc-1:2026-03-31:15', 'closed'),
      open('renewal:acc-2:2026-03-31:15', 'open', 'acc-2'),
    ];
    const ms = milestones({ workshop_60pct: { doneAt: '2027-01-09' }, key_users_trained: { deleted: true } });
    const r = evaluateCtas(input({ existing, milestones: ms, snapshots: [...RED_RUN, snap('2027-01-11', 70)], logged: [{ date: '2027-01-10' }], today: '2027-01-12' }));
    expect(r.close).toEqual([
      { id: 'cta:onboarding:ms:acc-1:workshop_60pct', cause: 'onboarding:ms:acc-1:workshop_60pct', reason: 'milestone_done' },
      { id: 'cta:onboarding:ms:acc-1:key_users_trained', cause: 'onboarding:ms:acc-1:key_users_trained', reason: 'milestone_removed' },
      { id: 'cta:renewal:acc-1:2026-03-31:30', cause: 'renewal:acc-1:2026-03-31:30', reason: 'contract_moved' },
      { id: 'cta:renewal:acc-1:2027-03-31:90', cause: 'renewal:acc-1:2027-03-31:90', reason: 'touchpoint_done' },
      { id: 'cta:health:red-streak:acc-1:2027-W01', cause: 'health:red-streak:acc-1:2027-W01', reason: 'health_recovered' },
    ]);
    // Nothing is created for the causes already present.
    expect(r.create).toEqual([]);
  });
  it('keeps a health CTA open while the account is still red', () => {
    const r = evaluateCtas(input({ existing: [open('health:red-streak:acc-1:2027-W01')] }));
    expect(r.close).toEqual([]);
  });
});

describe('ctaId', () => {
  it('is the cause, or a fingerprint when the cause is too long for an id', () => {
    expect(ctaId('onboarding:m1')).toBe('cta:onboarding:m1');
    const long = `renewal:${'x'.repeat(90)}:2027-03-31:90`;
    const id = ctaId(long);
    expect(id).toMatch(/^cta:#[0-9a-f]{16}$/);
    expect(ctaId(long)).toBe(id);
    expect(ctaId(long.replace(':90', ':60'))).not.toBe(id);
  });
});
