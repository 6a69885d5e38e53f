import type { IsoDate } from '../../shared/dates/local-date';
import { DEFAULT_HEALTH_MODEL, plusDays } from '../health';
import type { Account } from '../../data/model/account';
import type { BandOverride, Cta, ExpectationNote, HealthInputs, HealthSnapshot, Milestone, PromiseRecord, RenewalOutcome, ServicePlan, ServiceVisit } from '../../data/model/records';
import { likelihoodBacktest, portfolioRows, renewalWindow, type PortfolioInput } from './rows';
import { DEFAULT_RENEWAL_SETTINGS, renewalEvents } from '../renewal';
import { fakeVisit } from '../../tests/support/builders';

const T = '2026-01-01T00:00:00.000Z';
const TODAY = '2026-03-16'; // a Monday

let n = 0;
const written = (accountId: string) => ({ id: `r${++n}`, accountId, createdAt: T, updatedAt: T });

const account = (id: string, patch: Partial<Account> = {}): Account => ({
  id,
  crm: 'salesforce',
  recordId: `REC-${id}`,
  name: `Account ${id}`,
  contractEnd: '2026-12-31',
  createdAt: T,
  updatedAt: T,
  ...patch,
});
const snap = (accountId: string, asOf: IsoDate, inputs: HealthInputs, extra: Partial<HealthSnapshot> = {}): HealthSnapshot => ({
  ...written(accountId),
  asOf,
  inputs,
  ...extra,
});
const visit = (accountId: string, date: IsoDate, extra: Partial<ServiceVisit> = {}): ServiceVisit => fakeVisit({ ...written(accountId), date, ...extra });
const cta = (accountId: string, status: Cta['status'], extra: Partial<Cta> = {}): Cta => ({
  ...written(accountId),
  source: 'manual',
  cause: `c${n}`,
  title: 'Call',
  dueDate: TODAY,
  status,
  ...extra,
});
const promise = (accountId: string, deliverable: PromiseRecord['deliverable'], status: PromiseRecord['status'], extra: Partial<PromiseRecord> = {}): PromiseRecord => ({
  ...written(accountId),
  text: 'SSO by June',
  deliverable,
  status,
  ...extra,
});
const note = (accountId: string, doneAt: IsoDate): ExpectationNote => ({
  ...written(accountId),
  kind: 'long_term_value',
  audience: 'boss',
  text: 'Quarterly review sent',
  doneAt,
});

const rowsOf = (patch: Partial<PortfolioInput>) =>
  portfolioRows({
    accounts: [],
    snapshots: [],
    ctas: [],
    visits: [],
    notes: [],
    promises: [],
    model: DEFAULT_HEALTH_MODEL,
    renewal: DEFAULT_RENEWAL_SETTINGS,
    today: TODAY,
    ...patch,
  });
const one = (patch: Partial<PortfolioInput>) => rowsOf(patch)[0]!;

/*
 * Hand-computable readings under the default model. A reading with only
 * activeUserRate (red 20, green 80) scores (v − 20) / 60 × 100 after the
 * weights are renormalised over the one known dimension: 57.5 → 62.5, 23 + 3k → 5k.
 */
const aur = (activeUserRate: number): HealthInputs => ({ activeUserRate });
// Every dimension halfway between its red and green values: exactly 50, yellow.
const HALFWAY: HealthInputs = { activeUserRate: 50, coreFeatureAdoption: 40, moduleBreadth: 35, tickets90d: 6, trainingRate: 30, nps: 10, outcomeAttainment: 75 };

describe('portfolioRows: health', () => {
  it('scores the latest reading on or before today with the engine, rounding the score, over the stored health', () => {
    const a = account('a', { health: { score: 91, band: 'green', asOf: '2026-03-01' } });
    const r = one({
      accounts: [a],
      snapshots: [
        snap('a', '2026-03-09', aur(57.5)), // 62.5 → 63, yellow
        snap('a', '2026-03-02', HALFWAY), // 50, older
        snap('a', '2026-03-20', aur(80)), // after today: not yet a reading
      ],
    });
    expect(r).toMatchObject({ score: 63, band: 'yellow', trend: [50, 63] });
  });

  it('takes the band from the engine, overrides included: a cap beats the stored green', () => {
    // 100 on everything but NPS at −30: score 95, capped red by the NPS override.
    const inputs: HealthInputs = { activeUserRate: 80, coreFeatureAdoption: 70, moduleBreadth: 60, tickets90d: 12, trainingRate: 60, nps: -30, outcomeAttainment: 100 };
    const r = one({ accounts: [account('a', { health: { score: 90, band: 'green', asOf: '2026-03-01' } })], snapshots: [snap('a', '2026-03-10', inputs)] });
    expect(r).toMatchObject({ score: 95, band: 'red' });
  });

  it('shows a band set by hand as such, with the computed band beside it, until its last day', () => {
    const setByHand: BandOverride = { band: 'red', reason: 'Champion resigned', setOn: '2026-03-10', until: '2026-03-31', by: 'Priya' };
    const plan: ServicePlan = { ...written('a'), serviceDay: { kind: 'nth_weekday', n: -1, weekday: 5 }, language: 'en', bandOverride: setByHand };
    const patch = { accounts: [account('a'), account('b')], snapshots: [snap('a', '2026-03-09', aur(57.5)), snap('b', '2026-03-09', aur(57.5))], plans: [plan] };
    const [a, b] = rowsOf(patch);
    expect(a).toMatchObject({ score: 63, band: 'red', computedBand: 'yellow', bandOverride: setByHand });
    // Another account's plan sets nothing.
    expect(b).toMatchObject({ score: 63, band: 'yellow' });
    expect(b).not.toHaveProperty('bandOverride');
    // After its last day, or on a deleted plan, the computed band is back and nothing says "by hand".
    for (const later of [rowsOf({ ...patch, today: '2026-04-01' })[0]!, rowsOf({ ...patch, plans: [{ ...plan, deleted: true }] })[0]!]) {
      expect(later.band).toBe('yellow');
      expect(later).not.toHaveProperty('computedBand');
      expect(later).not.toHaveProperty('bandOverride');
    }
    // An account with no reading yet still shows the band set by hand, computed none.
    expect(one({ accounts: [account('a')], plans: [plan] })).toMatchObject({ score: null, band: 'red', computedBand: null });
  });

  it("falls back on the account's stored health when no reading counts (deleted, future or another account's)", () => {
    const r = one({
      accounts: [account('a', { health: { score: 44, band: 'yellow', asOf: '2026-03-01' } })],
      snapshots: [snap('a', '2026-03-10', aur(80), { deleted: true }), snap('a', '2026-03-17', aur(80)), snap('b', '2026-03-10', aur(80))],
    });
    expect(r).toMatchObject({ score: 44, band: 'yellow', trend: [] });
  });

  it('is null without readings or stored health', () => {
    const r = one({ accounts: [account('a')] });
    expect(r.score).toBeNull();
    expect(r.band).toBeNull();
    expect(r.trend).toEqual([]);
  });

  it('keeps the last 12 weekly scores as the trend, oldest first, whatever the input order', () => {
    // 14 Mondays from 2025-12-15 to today; week k (1..14) reads 23 + 3k → score 5k.
    const weeks = Array.from({ length: 14 }, (_, i) => snap('a', plusDays('2025-12-15', 7 * i), aur(20 + 3 * (i + 1))));
    expect(weeks.at(-1)!.asOf).toBe(TODAY);
    const r = one({ accounts: [account('a')], snapshots: [...weeks].reverse() });
    expect(r.trend).toEqual([15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70]);
    expect(r).toMatchObject({ score: 70, band: 'green' });
  });
});

describe('portfolioRows: renewal timing', () => {
  it('counts days to the contract end and puts each on the right side of the window boundaries', () => {
    const offsets = [-1, 0, 30, 31, 90, 91, 180, 181];
    const rows = rowsOf({ accounts: offsets.map((d, i) => account(`a${i}`, { contractEnd: plusDays(TODAY, d) })) });
    expect(rows.map((r) => r.daysToRenewal)).toEqual(offsets);
    expect(rows.map((r) => r.window)).toEqual(['overdue', '0-30', '0-30', '31-90', '31-90', '91-180', '91-180', 'later']);
    expect(one({ accounts: [account('a', { contractEnd: '2026-04-15' })] })).toMatchObject({ contractEnd: '2026-04-15', daysToRenewal: 30, window: '0-30' });
  });

  it('renewalWindow maps the boundaries directly', () => {
    expect([-365, -1, 0, 30, 31, 90, 91, 180, 181, 1000].map(renewalWindow)).toEqual([
      'overdue', 'overdue', '0-30', '0-30', '31-90', '31-90', '91-180', '91-180', 'later', 'later',
    ]);
  });

  it('names the first touchpoint not done whose window is still open', () => {
    // Contract ends 2026-05-05 (50 days): the 90-day touchpoint (due 02-04) closed on 03-05;
    // the 60-day one is due 2026-03-06 and open until 04-04; the 30-day one is due 2026-04-05.
    const a = account('a', { contractEnd: '2026-05-05', segment: 'enterprise' });
    expect(one({ accounts: [a] }).nextTouchpoint).toEqual({ offset: 60, due: '2026-03-06' });
    // A visit in the 60-day window keeps it: the next is the 30-day touchpoint.
    expect(one({ accounts: [a], visits: [visit('a', '2026-03-11')] }).nextTouchpoint).toEqual({ offset: 30, due: '2026-04-05' });
    // So does a done note (a review sent to an absent boss); a deleted visit does not.
    expect(one({ accounts: [a], notes: [note('a', '2026-03-12')] }).nextTouchpoint).toEqual({ offset: 30, due: '2026-04-05' });
    expect(one({ accounts: [a], visits: [visit('a', '2026-03-11', { deleted: true })] }).nextTouchpoint).toEqual({ offset: 60, due: '2026-03-06' });
  });

  it("still names a missed touchpoint on its window's last day, and the next one the day after", () => {
    // Contract ends 2026-05-16: the 90-day touchpoint is due 2026-02-15 and its window ends today (the day before the 60-day one).
    const a = account('a', { contractEnd: '2026-05-16' });
    expect(one({ accounts: [a] }).nextTouchpoint).toEqual({ offset: 90, due: '2026-02-15' });
    expect(one({ accounts: [a], today: '2026-03-17' }).nextTouchpoint).toEqual({ offset: 60, due: '2026-03-17' });
  });

  it('has no next touchpoint once the contract has ended', () => {
    const r = one({ accounts: [account('a', { contractEnd: '2026-03-13' })] });
    expect(r.daysToRenewal).toBe(-3);
    expect(r).not.toHaveProperty('nextTouchpoint');
  });
});

describe('portfolioRows: visits, CTAs and promises', () => {
  it('takes the latest visit on or before today, ignoring future-dated and deleted ones', () => {
    const rows = rowsOf({
      accounts: [account('a'), account('b'), account('c'), account('d')],
      visits: [
        visit('a', '2026-02-20'),
        visit('a', '2026-03-10'),
        visit('a', '2026-03-20'), // planned, not yet happened
        visit('a', '2026-03-14', { deleted: true }),
        visit('b', '2026-02-27'),
        visit('b', '2026-03-25'),
        visit('c', '2026-03-02', { deleted: true }),
        visit('d', TODAY),
      ],
    });
    expect(rows.map((r) => [r.lastVisit, r.visitedThisMonth])).toEqual([
      ['2026-03-10', true],
      ['2026-02-27', false], // only a future visit this month
      [undefined, false],
      [TODAY, true],
    ]);
    expect(rows[2]).not.toHaveProperty('lastVisit');
  });

  it('counts open and snoozed CTAs, not closed or deleted ones', () => {
    const r = one({
      accounts: [account('a')],
      ctas: [cta('a', 'open'), cta('a', 'snoozed', { snoozedUntil: '2026-04-01' }), cta('a', 'closed'), cta('a', 'open', { deleted: true })],
    });
    expect(r.openCtas).toBe(2);
  });

  it('counts promises not deliverable or overdue while open', () => {
    const r = one({
      accounts: [account('a')],
      promises: [
        promise('a', 'no', 'open'), // risk: not deliverable
        promise('a', 'yes', 'open', { dueDate: '2026-03-15' }), // risk: overdue since yesterday
        promise('a', 'partly', 'open', { dueDate: '2026-01-31' }), // risk: overdue
        promise('a', 'yes', 'open', { dueDate: TODAY }), // due today: not yet overdue
        promise('a', 'yes', 'open'), // no due date
        promise('a', 'no', 'kept'),
        promise('a', 'yes', 'broken', { dueDate: '2026-01-01' }),
        promise('a', 'no', 'open', { deleted: true }),
      ],
    });
    expect(r.promiseRisks).toBe(3);
  });

  it('counts promises not yet assessed two weeks after signing in the column, and not in the likelihood (as partly ones)', () => {
    const signed = (signedAt: IsoDate) => account('a', { signedAt });
    const promises = [promise('a', 'unassessed', 'open'), promise('a', 'unassessed', 'open')];
    const late = one({ accounts: [signed('2026-03-01')], promises }); // signed 15 days ago
    expect(late.promiseRisks).toBe(2);
    expect(one({ accounts: [signed('2026-03-02')], promises }).promiseRisks).toBe(0); // day 14
    expect(late.likelihood).toBe(one({ accounts: [signed('2026-03-01')], promises: promises.map((p) => ({ ...p, deliverable: 'partly' as const })) }).likelihood);
    expect(late.likelihood).toBe(one({ accounts: [signed('2026-03-01')] }).likelihood);
    // An overdue one weighs on the likelihood, as an overdue partly one does.
    const overdue = one({ accounts: [signed('2026-03-01')], promises: [promise('a', 'unassessed', 'open', { dueDate: '2026-03-10' })] });
    expect(overdue.likelihood).toBe((late.likelihood ?? 0) - 5);
  });

  it("never mixes in another account's records", () => {
    const rows = rowsOf({
      accounts: [account('a'), account('b')],
      snapshots: [snap('b', '2026-03-09', HALFWAY)],
      ctas: [cta('b', 'open'), cta('b', 'open')],
      visits: [visit('b', '2026-03-09')],
      promises: [promise('b', 'no', 'open')],
    });
    expect(rows[0]).toMatchObject({ id: 'a', score: null, band: null, trend: [], visitedThisMonth: false, openCtas: 0, promiseRisks: 0 });
    expect(rows[0]).not.toHaveProperty('lastVisit');
    expect(rows[1]).toMatchObject({ id: 'b', score: 50, band: 'yellow', trend: [50], lastVisit: '2026-03-09', visitedThisMonth: true, openCtas: 2, promiseRisks: 1 });
  });

  it('keeps the input order of 10 accounts whose records arrive interleaved', () => {
    const ids = ['k', 'c', 'x', 'a', 'm', 'b', 'z', 'e', 'q', 'd'];
    // Account at position i gets i open CTAs and i % 3 risky promises, written round-robin across accounts.
    const ctas: Cta[] = [];
    const promises: PromiseRecord[] = [];
    for (let round = 0; round < 10; round++) {
      ids.forEach((id, i) => {
        if (round < i) ctas.push(cta(id, 'open'));
        if (round < i % 3) promises.push(promise(id, 'no', 'open'));
      });
    }
    const rows = rowsOf({ accounts: ids.map((id) => account(id, { name: `Name ${id}` })), ctas, promises });
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(rows.map((r) => r.name)).toEqual(ids.map((id) => `Name ${id}`));
    expect(rows.map((r) => r.openCtas)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows.map((r) => r.promiseRisks)).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0]);
  });

  it('copies the account fields, leaving out the ones not set (an ARR of 0 is set)', () => {
    const full = account('a', {
      name: '上海云帆科技',
      crm: 'hubspot',
      recordId: '9100034',
      orgKey: '2468013',
      owner: '李娜',
      csm: '张伟',
      segment: 'smb',
      arr: 0,
      currency: 'CNY',
    });
    expect(one({ accounts: [full] })).toMatchObject({
      id: 'a', name: '上海云帆科技', crm: 'hubspot', recordId: '9100034', orgKey: '2468013', owner: '李娜', csm: '张伟', segment: 'smb', arr: 0, currency: 'CNY',
    });
    const bare = one({ accounts: [account('b')] });
    for (const k of ['orgKey', 'owner', 'csm', 'segment', 'arr', 'currency']) expect(bare).not.toHaveProperty(k);
  });
});

describe('portfolioRows: stored health without a band', () => {
  it('bands a stored score with the model’s cut-offs, as the panel does', async () => {
    const { portfolioRows: rowsOf } = await import('./rows');
    const { DEFAULT_HEALTH_MODEL } = await import('../health/model');
    const { DEFAULT_RENEWAL_SETTINGS } = await import('../renewal/settings');
    const base = { crm: 'salesforce' as const, recordId: 'r', contractEnd: '2027-06-30', createdAt: '', updatedAt: '' };
    const accounts = [
      { ...base, id: 'a', name: 'A', health: { score: 35, asOf: '2026-11-01' } },
      { ...base, id: 'b', name: 'B', health: { score: 85, asOf: '2026-11-01' } },
    ];
    const rows = rowsOf({ accounts, snapshots: [], ctas: [], visits: [], notes: [], promises: [], model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS, today: '2026-11-23' });
    expect(rows.map((r) => [r.score, r.band])).toEqual([[35, 'red'], [85, 'green']]);
  });
});

describe('portfolioRows: renewal likelihood, and its backtest', () => {
  const outcome = (accountId: string, kind: RenewalOutcome['kind'], date: IsoDate): RenewalOutcome => ({ ...written(accountId), kind, date });
  it('gives each row the likelihood the renewal card shows: health band, trend, touchpoints, expiry, a "will not renew"', () => {
    const green = account('g', { contractEnd: '2026-12-31' });
    const snapshots = [snap('g', '2026-03-01', aur(80))];
    expect(one({ accounts: [green], snapshots }).likelihood).toBe(75); // 50 + 25 for green; no touchpoint due yet
    expect(one({ accounts: [green], snapshots, outcomes: [outcome('g', 'will_not_renew', '2026-03-10')] }).likelihood).toBe(25);
    expect(one({ accounts: [account('x', { contractEnd: '2026-03-01' })] }).likelihood).toBe(50 - 20 - 10); // expired, every touchpoint missed
  });
  it('counts a "will not renew" only while it is the current term\'s latest word', () => {
    const snapshots = [snap('g', '2026-03-01', aur(80))];
    const warned = outcome('g', 'will_not_renew', '2026-03-10');
    // Renewed since: the term the row describes started after the warning.
    const renewed = account('g', { contractStart: '2026-07-01', contractEnd: '2027-06-30' });
    expect(one({ accounts: [renewed], snapshots, outcomes: [warned] }).likelihood).toBe(one({ accounts: [renewed], snapshots }).likelihood);
    // Still this term, but a later outcome took its place; or the warning was deleted.
    const green = account('g', { contractEnd: '2026-12-31' });
    expect(one({ accounts: [green], snapshots, outcomes: [warned, outcome('g', 'renewed', '2026-04-01')] }).likelihood).toBe(75);
    expect(one({ accounts: [green], snapshots, outcomes: [{ ...warned, deleted: true }] }).likelihood).toBe(75);
    expect(one({ accounts: [green], snapshots, outcomes: [warned] }).likelihood).toBe(25);
    // Churned this term: nothing will renew it, as the renewal card says.
    expect(one({ accounts: [green], snapshots, outcomes: [outcome('g', 'churned', '2026-04-01')] }).likelihood).toBe(0);
  });
  it('weighs what the card weighs: a band set by hand, promises at risk, overdue onboarding, the team\'s own points', () => {
    const g = account('g');
    const snapshots = [snap('g', '2026-03-01', aur(80))]; // computed green: 75
    const setByHand: BandOverride = { band: 'red', reason: 'Sponsor left', setOn: '2026-03-10', until: '2026-03-31' };
    const plan: ServicePlan = { ...written('g'), serviceDay: { kind: 'nth_weekday', n: -1, weekday: 5 }, language: 'en', bandOverride: setByHand };
    expect(one({ accounts: [g], snapshots, plans: [plan] }).likelihood).toBe(50 - 25);
    expect(one({ accounts: [g], snapshots, plans: [plan], today: '2026-04-01' }).likelihood).toBe(75); // the override has lapsed
    const risky = [promise('g', 'no', 'open'), promise('g', 'no', 'open')];
    expect(one({ accounts: [g], snapshots, promises: risky }).likelihood).toBe(75 - 10);
    const overdue: Milestone = { ...written('g'), key: 'go_live', title: 'Go live', dueDate: '2026-03-01' };
    expect(one({ accounts: [g], snapshots, milestones: [overdue] }).likelihood).toBe(75 - 10);
    expect(one({ accounts: [g], snapshots, milestones: [{ ...overdue, doneAt: '2026-03-02' }] }).likelihood).toBe(75);
    const renewal = { ...DEFAULT_RENEWAL_SETTINGS, likelihood: { ...DEFAULT_RENEWAL_SETTINGS.likelihood, green: 40 } };
    expect(one({ accounts: [g], snapshots, renewal }).likelihood).toBe(90);
  });
  it('replays the likelihood as it stood the day before each outcome, from the records dated up to then', () => {
    const a = account('b', { contractEnd: '2027-06-30' });
    const contracts = [{ ...written('b'), end: '2026-01-31', value: 100 }];
    const outcomes = [outcome('b', 'renewed', '2026-01-20')];
    // Red before the renewal, green only after it: the backtest must see red.
    const snapshots = [snap('b', '2025-12-01', aur(20)), snap('b', '2026-02-01', aur(80))];
    // Every touchpoint of the old term kept by a visit; the visit after the outcome is not counted.
    const visits = ['2025-11-02', '2025-12-02', '2026-01-01', '2026-01-16', '2026-01-19'].map((d) => visit('b', d));
    const events = renewalEvents({ accounts: [a], contracts, outcomes, today: TODAY });
    const input = { accounts: [a], snapshots, visits, notes: [], outcomes, model: DEFAULT_HEALTH_MODEL, renewal: DEFAULT_RENEWAL_SETTINGS };
    expect(likelihoodBacktest(input, events)).toEqual([{ predicted: 50 - 25 + 10, renewed: true }]);
    const lateVisits = visits.map((v) => ({ ...v, date: '2026-01-25' }));
    expect(likelihoodBacktest({ ...input, visits: lateVisits }, events)).toEqual([{ predicted: 50 - 25 - 10, renewed: true }]);
  });
});
