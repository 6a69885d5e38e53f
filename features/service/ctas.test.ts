import { ctaId, toCta } from '../../data/model/cta-draft';
import { evaluateCtas, type CtaEvaluationInput } from '../ctas';
import { DEFAULT_HEALTH_MODEL } from '../health/model';
import type { Cta, ExpectationNote, MonthlyReport, ServicePlan, ServiceVisit } from '../../data/model/records';
import { DEFAULT_RENEWAL_SETTINGS } from '../renewal/settings';
import { addMonthsToDate, serviceCtas, type ServiceCtaInput } from './ctas';
import { DEFAULT_SERVICE_SETTINGS } from './settings';
import { fakeVisit } from '../../tests/support/builders';

const T = '2026-06-15T09:00:00.000Z';
const written = (id: string, accountId = 'acc-1') => ({ id, accountId, createdAt: T, updatedAt: T });
/** Signed mid-June 2026; the default service day is the last Friday (Nov 27, Dec 25 2026). */
const account = { id: 'acc-1', csm: 'Cleo', owner: 'Ann', signedAt: '2026-06-15' };

const visit = (id: string, date: string, over: Partial<ServiceVisit> = {}): ServiceVisit => fakeVisit({ ...written(id), date, attendees: ['Li Lei'], ...over });
const report = (month: string, over: Partial<MonthlyReport> = {}): MonthlyReport => ({ ...written(`r-${month}`), month, language: 'en', sentAt: `${month}-28`, ...over });
const note = (id: string, kind: ExpectationNote['kind'], over: Partial<ExpectationNote> = {}): ExpectationNote => ({
  ...written(id),
  kind,
  audience: 'boss',
  text: 'What to expect',
  ...over,
});
const plan = (serviceDay: ServicePlan['serviceDay'], over: Partial<ServicePlan> = {}): ServicePlan => ({ ...written('plan-1'), serviceDay, language: 'en', ...over });
const existingCta = (cause: string, over: Partial<Cta> = {}): Cta => ({
  ...written(ctaId(cause)),
  source: 'service',
  cause,
  title: 'x',
  dueDate: '2026-12-01',
  status: 'open',
  ...over,
});

const input = (over: Partial<ServiceCtaInput> = {}): ServiceCtaInput => ({
  account,
  plans: [],
  visits: [],
  reports: [],
  notes: [],
  settings: DEFAULT_SERVICE_SETTINGS,
  today: '2026-12-05',
  ...over,
});
const causes = (i: ServiceCtaInput, existing: Cta[] = []) => serviceCtas(i, existing).create.map((d) => d.cause);
/** Reset and review done, so only the service rhythm is left to raise. */
const DONE = [note('n-reset', 'short_term_reset', { doneAt: '2026-07-01' }), note('n-review', 'long_term_value', { doneAt: '2026-11-01' })];

describe('addMonthsToDate', () => {
  it('keeps the day, or takes the month’s last day when it is shorter', () => {
    expect(addMonthsToDate('2026-06-15', 3)).toBe('2026-09-15');
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsToDate('2026-12-31', 1)).toBe('2027-01-31');
  });
});

describe('serviceCtas: what they raise', () => {
  it('raises the missed visit, the missing report, the reset and the review, with codes, owner and due dates', () => {
    expect(serviceCtas(input(), []).create).toEqual([
      {
        id: 'cta:service:visit:acc-1:2026-11',
        accountId: 'acc-1',
        source: 'service',
        cause: 'service:visit:acc-1:2026-11',
        title: { code: 'service_visit_missed', params: { month: '2026-11', serviceDay: '2026-11-27' } },
        owner: 'Cleo',
        dueDate: '2026-12-04', // a week after the service day
        status: 'open',
      },
      {
        id: 'cta:service:report:acc-1:2026-11',
        accountId: 'acc-1',
        source: 'service',
        cause: 'service:report:acc-1:2026-11',
        title: { code: 'service_report_missing', params: { month: '2026-11' } },
        owner: 'Cleo',
        dueDate: '2026-12-07', // a week after the month's end
        status: 'open',
      },
      {
        id: 'cta:expectations:reset:acc-1:2026-06-15',
        accountId: 'acc-1',
        source: 'expectations',
        cause: 'expectations:reset:acc-1:2026-06-15',
        title: { code: 'expectation_reset', params: { signedAt: '2026-06-15' } },
        owner: 'Cleo',
        dueDate: '2026-07-15', // 30 days after signing
        status: 'open',
      },
      {
        id: 'cta:expectations:review:acc-1:2026-06-15',
        accountId: 'acc-1',
        source: 'expectations',
        cause: 'expectations:review:acc-1:2026-06-15',
        title: { code: 'expectation_review', params: { since: '2026-06-15' } },
        owner: 'Cleo',
        dueDate: '2026-09-15', // 3 months after signing
        status: 'open',
      },
    ]);
  });
  it('falls back to the account owner, and leaves the owner out when there is none', () => {
    expect(serviceCtas(input({ account: { ...account, csm: undefined } }), []).create.map((d) => d.owner)).toEqual(['Ann', 'Ann', 'Ann', 'Ann']);
    expect(serviceCtas(input({ account: { id: 'acc-1', signedAt: '2026-06-15' } }), []).create.every((d) => !('owner' in d))).toBe(true);
  });
  it('raises a missed visit for the previous and the current month only', () => {
    // On Dec 28 October, November and December have all passed with no visit.
    expect(causes(input({ notes: DONE, today: '2026-12-28' }))).toEqual(['service:visit:acc-1:2026-11', 'service:visit:acc-1:2026-12', 'service:report:acc-1:2026-11']);
    const dec = serviceCtas(input({ notes: DONE, today: '2026-12-28' }), []).create[1];
    expect(dec?.dueDate).toBe('2027-01-01');
    // The current month's service day is still ahead (Dec 25), or is today: nothing for December.
    expect(causes(input({ notes: DONE, today: '2026-12-25' }))).toEqual(['service:visit:acc-1:2026-11', 'service:report:acc-1:2026-11']);
  });
  it('raises nothing for a month visited and reported; a report alone still leaves the visit missed', () => {
    const visits = [visit('v-1', '2026-11-20')];
    expect(causes(input({ notes: DONE, visits, reports: [report('2026-11')] }))).toEqual([]);
    expect(causes(input({ notes: DONE, visits }))).toEqual(['service:report:acc-1:2026-11']);
    // A report sent without a logged visit does not make up for the visit.
    expect(causes(input({ notes: DONE, reports: [report('2026-11')] }))).toEqual(['service:visit:acc-1:2026-11']);
  });
  it('ignores deleted records and another account’s records', () => {
    const visits = [visit('v-1', '2026-11-27', { deleted: true }), { ...visit('v-2', '2026-11-27'), accountId: 'acc-2' }];
    const reports = [report('2026-11', { deleted: true }), { ...report('2026-11'), id: 'r-2', accountId: 'acc-2' }];
    expect(causes(input({ notes: DONE, visits, reports }))).toEqual(['service:visit:acc-1:2026-11', 'service:report:acc-1:2026-11']);
  });
  it('raises no missed visit for a service day before signing, nor a report for a month before it', () => {
    // Signed Dec 1: November ended before; December's service day (Dec 25) has passed on the 28th.
    const signedDec = { ...account, signedAt: '2026-12-01' };
    expect(causes(input({ account: signedDec, today: '2026-12-28' }))).toEqual(['service:visit:acc-1:2026-12']);
    // Signed Nov 28, the day after November's service day: no visit was due in November.
    const signedNov = { ...account, signedAt: '2026-11-28' };
    expect(causes(input({ account: signedNov, today: '2026-12-05' })).filter((c) => c.startsWith('service:visit:'))).toEqual([]);
    // …and owes no report for those two days of November.
    expect(causes(input({ account: signedNov, today: '2026-12-05' })).filter((c) => c.startsWith('service:report:'))).toEqual([]);
  });
  it('raises the report only for the previous month', () => {
    // On Dec 5 November and October both lack a report; only November is asked for.
    expect(causes(input({ notes: DONE, visits: [visit('v-1', '2026-11-27')] }))).toEqual(['service:report:acc-1:2026-11']);
    // Mid-December with December unreported: nothing for December yet.
    expect(causes(input({ notes: DONE, visits: [visit('v-1', '2026-11-27'), visit('v-2', '2026-12-24')], reports: [report('2026-11')], today: '2026-12-31' }))).toEqual([]);
  });
  it('follows the plan’s service day, and the default when the plan is deleted', () => {
    const plans = [plan({ kind: 'day_of_month', day: 3 })]; // Nov 3 and Dec 3 2026: a Tuesday and a Thursday
    const drafts = serviceCtas(input({ notes: DONE, plans }), []).create;
    expect(drafts.map((d) => [d.cause, d.dueDate])).toEqual([
      ['service:visit:acc-1:2026-11', '2026-11-10'],
      ['service:visit:acc-1:2026-12', '2026-12-10'],
      ['service:report:acc-1:2026-11', '2026-12-07'],
    ]);
    const deleted = [plan({ kind: 'day_of_month', day: 3 }, { deleted: true })];
    expect(causes(input({ notes: DONE, plans: deleted }))).toEqual(['service:visit:acc-1:2026-11', 'service:report:acc-1:2026-11']);
  });
});

describe('serviceCtas: follow-ups', () => {
  const followUps = [
    { text: 'Send the deck', dueDate: '2026-12-04' },
    { text: 'Call IT', dueDate: '2026-12-11' },
  ];
  const done = { notes: DONE, reports: [report('2026-11')] };
  it('raises one CTA per follow-up, due when the visit said, with deterministic ids', () => {
    const drafts = serviceCtas(input({ ...done, visits: [visit('v-1', '2026-11-27', { followUps })] }), []).create;
    expect(drafts).toEqual([
      {
        id: 'cta:service:followup:v-1:0',
        accountId: 'acc-1',
        source: 'service',
        cause: 'service:followup:v-1:0',
        title: { code: 'service_followup', params: { text: 'Send the deck', visitDate: '2026-11-27' } },
        owner: 'Cleo',
        dueDate: '2026-12-04',
        status: 'open',
      },
      {
        id: 'cta:service:followup:v-1:1',
        accountId: 'acc-1',
        source: 'service',
        cause: 'service:followup:v-1:1',
        title: { code: 'service_followup', params: { text: 'Call IT', visitDate: '2026-11-27' } },
        owner: 'Cleo',
        dueDate: '2026-12-11',
        status: 'open',
      },
    ]);
    // Evaluated again on another day: the same drafts.
    expect(serviceCtas(input({ ...done, visits: [visit('v-1', '2026-11-27', { followUps })], today: '2026-12-20' }), []).create).toEqual(drafts);
  });
  it('raises none for visits older than 90 days', () => {
    const visits = [visit('v-1', '2026-11-27'), visit('v-old', '2026-09-05', { followUps }), visit('v-90', '2026-09-06', { followUps: followUps.slice(0, 1) })];
    expect(causes(input({ ...done, visits }))).toEqual(['service:followup:v-90:0']); // Sep 6 is 90 days before Dec 5, Sep 5 is 91
  });
  it('raises none for a deleted visit', () => {
    const visits = [visit('v-1', '2026-11-27'), visit('v-2', '2026-11-28', { followUps, deleted: true })];
    expect(causes(input({ ...done, visits }))).toEqual([]);
  });
});

describe('serviceCtas: expectations', () => {
  const visits = [visit('v-1', '2026-11-27')];
  const rhythmDone = { visits, reports: [report('2026-11')] };
  const review = note('n-review', 'long_term_value', { doneAt: '2026-11-01' });
  it('raises the reset only once its days after signing have passed', () => {
    const signed = { ...account, signedAt: '2026-11-05' }; // due Dec 5
    expect(causes(input({ ...rhythmDone, account: signed, today: '2026-12-05' }))).toEqual([]);
    expect(causes(input({ ...rhythmDone, account: signed, today: '2026-12-06' }))).toEqual(['expectations:reset:acc-1:2026-11-05']);
    const quick = { ...DEFAULT_SERVICE_SETTINGS, resetWithinDays: 10 }; // due Nov 15
    expect(causes(input({ ...rhythmDone, account: signed, settings: quick, today: '2026-11-16' }))).toEqual(['expectations:reset:acc-1:2026-11-05']);
  });
  it('raises none once a short-term reset is done; an undone, deleted or long-term note does not count', () => {
    const reset = (over: Partial<ExpectationNote>) => note('n-reset', 'short_term_reset', over);
    expect(causes(input({ ...rhythmDone, notes: [review, reset({ doneAt: '2026-07-01' })] }))).toEqual([]);
    for (const n of [reset({}), reset({ doneAt: '2026-07-01', deleted: true }), note('n-other', 'long_term_value', { doneAt: '2026-07-01', audience: 'business_team' })])
      expect(causes(input({ ...rhythmDone, notes: [review, n] }))).toEqual(['expectations:reset:acc-1:2026-06-15']);
  });
  it('raises no reset for an account signed more than 365 days ago, or never signed', () => {
    const n = [review];
    expect(causes(input({ ...rhythmDone, notes: n, account: { ...account, signedAt: '2025-12-05' } }))).toEqual(['expectations:reset:acc-1:2025-12-05']); // 365 days
    expect(causes(input({ ...rhythmDone, notes: n, account: { ...account, signedAt: '2025-12-04' } }))).toEqual([]); // 366 days
    expect(causes(input({ ...rhythmDone, notes: n, account: { id: 'acc-1', csm: 'Cleo', contractStart: '2026-06-15' } }))).toEqual([]);
  });
  it('raises the long-term review the set months after the last boss review', () => {
    const reset = note('n-reset', 'short_term_reset', { doneAt: '2026-07-01' });
    const boss = note('n-r1', 'long_term_value', { doneAt: '2026-09-05' });
    const older = note('n-r0', 'long_term_value', { doneAt: '2026-07-20' });
    expect(causes(input({ ...rhythmDone, notes: [reset, boss, older], today: '2026-12-05' }))).toEqual([]); // due Dec 5
    const late = serviceCtas(input({ ...rhythmDone, notes: [reset, boss, older], today: '2026-12-06' }), []).create;
    expect(late.map((d) => [d.cause, d.dueDate, d.title.params])).toEqual([['expectations:review:acc-1:2026-09-05', '2026-12-05', { since: '2026-09-05' }]]);
    const monthly = { ...DEFAULT_SERVICE_SETTINGS, reviewEveryMonths: 1 };
    expect(causes(input({ ...rhythmDone, notes: [reset, note('n-r2', 'long_term_value', { doneAt: '2026-11-01' })], settings: monthly }))).toEqual([
      'expectations:review:acc-1:2026-11-01',
    ]);
  });
  it('counts only done boss reviews; without one it counts from signing, else the contract start', () => {
    const reset = note('n-reset', 'short_term_reset', { doneAt: '2026-07-01' });
    const notCounted = [
      note('n-team', 'long_term_value', { doneAt: '2026-11-01', audience: 'business_team' }),
      note('n-undone', 'long_term_value', { dueDate: '2026-11-01' }),
      note('n-gone', 'long_term_value', { doneAt: '2026-11-01', deleted: true }),
    ];
    expect(causes(input({ ...rhythmDone, notes: [reset, ...notCounted] }))).toEqual(['expectations:review:acc-1:2026-06-15']);
    const unsigned = { id: 'acc-1', csm: 'Cleo', contractStart: '2026-08-31' }; // due Nov 30
    expect(causes(input({ ...rhythmDone, account: unsigned }))).toEqual(['expectations:review:acc-1:2026-08-31']);
    expect(causes(input({ ...rhythmDone, account: { id: 'acc-1', csm: 'Cleo' } }))).toEqual([]);
  });
});

describe('serviceCtas: closing resolved CTAs', () => {
  it('closes each CTA the data shows resolved, with its reason', () => {
    const existing = [
      existingCta('service:visit:acc-1:2026-11'),
      existingCta('service:report:acc-1:2026-11'),
      existingCta('service:followup:v-gone:0'),
      existingCta('service:followup:v-1:1'),
      existingCta('service:followup:v-1:0'),
      existingCta('expectations:reset:acc-1:2026-06-15', { source: 'expectations' }),
      existingCta('expectations:review:acc-1:2026-06-15', { source: 'expectations' }),
    ];
    const i = input({
      visits: [visit('v-1', '2026-11-27', { followUps: [{ text: 'Send the deck', dueDate: '2026-12-04' }] }), visit('v-gone', '2026-11-20', { deleted: true })],
      reports: [report('2026-11')],
      notes: [note('n-reset', 'short_term_reset', { doneAt: '2026-07-01' }), note('n-review', 'long_term_value', { doneAt: '2026-11-01' })],
    });
    expect(serviceCtas(i, existing).close).toEqual([
      { id: 'cta:service:visit:acc-1:2026-11', cause: 'service:visit:acc-1:2026-11', reason: 'visit_logged' },
      { id: 'cta:service:report:acc-1:2026-11', cause: 'service:report:acc-1:2026-11', reason: 'report_sent' },
      { id: 'cta:service:followup:v-gone:0', cause: 'service:followup:v-gone:0', reason: 'visit_removed' },
      { id: 'cta:service:followup:v-1:1', cause: 'service:followup:v-1:1', reason: 'visit_removed' }, // the follow-up was taken out
      { id: 'cta:expectations:reset:acc-1:2026-06-15', cause: 'expectations:reset:acc-1:2026-06-15', reason: 'reset_done' },
      { id: 'cta:expectations:review:acc-1:2026-06-15', cause: 'expectations:review:acc-1:2026-06-15', reason: 'review_done' },
    ]);
  });
  it('closes nothing the data does not resolve', () => {
    const existing = [
      existingCta('service:visit:acc-1:2026-11'),
      existingCta('service:report:acc-1:2026-11'),
      existingCta('service:followup:v-1:0'),
      existingCta('expectations:reset:acc-1:2026-06-15', { source: 'expectations' }),
      existingCta('expectations:review:acc-1:2026-09-05', { source: 'expectations' }),
    ];
    const i = input({
      visits: [visit('v-1', '2026-10-30', { followUps: [{ text: 'Send the deck', dueDate: '2026-11-06' }] }), visit('v-2', '2026-11-27', { deleted: true })],
      reports: [report('2026-10'), report('2026-11', { deleted: true })],
      notes: [note('n-reset', 'short_term_reset'), note('n-review', 'long_term_value', { doneAt: '2026-09-05' })], // the review is the CTA's own base
    });
    expect(serviceCtas(i, existing).close).toEqual([]);
  });
  it('leaves closed, deleted and other accounts’ CTAs alone, and closes snoozed ones', () => {
    const cause = 'service:visit:acc-1:2026-11';
    const i = input({ visits: [visit('v-1', '2026-11-27')] });
    expect(serviceCtas(i, [existingCta(cause, { status: 'closed' })]).close).toEqual([]);
    expect(serviceCtas(i, [existingCta(cause, { deleted: true })]).close).toEqual([]);
    expect(serviceCtas(i, [existingCta('service:visit:acc-2:2026-11', { accountId: 'acc-2' })]).close).toEqual([]);
    expect(serviceCtas(i, [existingCta(cause, { status: 'snoozed', snoozedUntil: '2026-12-10' })]).close).toEqual([{ id: ctaId(cause), cause, reason: 'visit_logged' }]);
  });
});

describe('service CTAs through evaluateCtas', () => {
  const evalInput = (over: Partial<CtaEvaluationInput> = {}): CtaEvaluationInput => ({
    account: { ...account, contractEnd: '2028-06-30' },
    snapshots: [],
    milestones: [],
    outcomes: [],
    existing: [],
    model: DEFAULT_HEALTH_MODEL,
    renewalSettings: DEFAULT_RENEWAL_SETTINGS,
    service: { plans: [], visits: [], reports: [], notes: [], settings: DEFAULT_SERVICE_SETTINGS },
    today: '2026-12-05',
    ...over,
  });
  it('includes service CTAs only when the service input is given', () => {
    expect(evaluateCtas(evalInput()).create.map((d) => d.cause)).toEqual([
      'service:visit:acc-1:2026-11',
      'service:report:acc-1:2026-11',
      'expectations:reset:acc-1:2026-06-15',
      'expectations:review:acc-1:2026-06-15',
    ]);
    expect(evaluateCtas(evalInput({ service: undefined })).create).toEqual([]);
  });
  it('never raises a cause already on a CTA, whatever its status', () => {
    const first = evaluateCtas(evalInput()).create;
    for (const patch of [{}, { status: 'closed' as const }, { status: 'snoozed' as const }, { deleted: true }]) {
      const existing = first.map((d) => ({ ...toCta(d, d.title.code, T), ...patch }));
      expect(evaluateCtas(evalInput({ existing, today: '2026-12-06' })).create).toEqual([]);
    }
    const partly = first.slice(1).map((d) => toCta(d, d.title.code, T));
    expect(evaluateCtas(evalInput({ existing: partly })).create.map((d) => d.cause)).toEqual(['service:visit:acc-1:2026-11']);
  });
  it('passes the service closures on', () => {
    const cause = 'service:report:acc-1:2026-11';
    const r = evaluateCtas(evalInput({ existing: [existingCta(cause)], service: { plans: [], visits: [], reports: [report('2026-11')], notes: [], settings: DEFAULT_SERVICE_SETTINGS } }));
    expect(r.close).toEqual([{ id: ctaId(cause), cause, reason: 'report_sent' }]);
  });
});

describe('service by segment', () => {
  // Today 2026-12-05: Q4 2026's last service day is the last Friday of December (Dec 25), Q3's is Sep 25.
  const smb = { ...account, segment: 'smb' as const };
  it('serves enterprise and mid-market monthly, and an account with no segment too', () => {
    for (const segment of ['enterprise', 'mid_market', undefined] as const)
      expect(causes(input({ account: { ...account, segment }, notes: DONE })), String(segment)).toEqual(['service:visit:acc-1:2026-11', 'service:report:acc-1:2026-11']);
  });
  it('gives SMB a quarterly business review instead of monthly visits and reports', () => {
    // Nothing in Q3 (its last service day passed): one QBR missed; Q4 is not over yet.
    expect(causes(input({ account: smb, notes: DONE }))).toEqual(['service:qbr:acc-1:2026-Q3']);
    // Any visit in the quarter holds it.
    expect(causes(input({ account: smb, notes: DONE, visits: [visit('v-1', '2026-08-03')] }))).toEqual([]);
    // A visit logged later closes the CTA.
    const open = [existingCta('service:qbr:acc-1:2026-Q3')];
    expect(serviceCtas(input({ account: smb, notes: DONE, visits: [visit('v-1', '2026-09-10')] }), open).close).toEqual([
      { id: open[0]!.id, cause: 'service:qbr:acc-1:2026-Q3', reason: 'visit_logged' },
    ]);
    // At the year's end Q4 is due too.
    expect(causes(input({ account: smb, notes: DONE, today: '2026-12-30', visits: [visit('v-1', '2026-08-03')] }))).toEqual(['service:qbr:acc-1:2026-Q4']);
  });
  it('asks nothing by hand of a self-serve account: no visit, report, reset or review', () => {
    expect(causes(input({ account: { ...account, segment: 'self_serve', signedAt: '2026-10-01' } }))).toEqual([]);
  });
  it('takes each rhythm from the settings', () => {
    const settings = { ...DEFAULT_SERVICE_SETTINGS, rhythms: { ...DEFAULT_SERVICE_SETTINGS.rhythms, smb: 'monthly' as const } };
    expect(causes(input({ account: smb, notes: DONE, settings }))).toEqual(['service:visit:acc-1:2026-11', 'service:report:acc-1:2026-11']);
  });
  it('does not tell a customer signed four days ago that its visit was missed', () => {
    // Signed Nov 23: November's service day (Nov 27) is within its first 14 days.
    const fresh = { ...account, signedAt: '2026-11-23' };
    expect(causes(input({ account: fresh, today: '2026-11-29' }))).toEqual([]);
    // Signed Nov 1: the 27th is 26 days later, a visit was owed.
    expect(causes(input({ account: { ...account, signedAt: '2026-11-01' }, notes: DONE, today: '2026-11-29' }))).toEqual(['service:visit:acc-1:2026-11']);
  });
  it('counts a visit where the boss was met as the long-term value review', () => {
    const reset = note('n-reset', 'short_term_reset', { doneAt: '2026-07-01' });
    const rhythm = { visits: [visit('v-1', '2026-11-27')], reports: [report('2026-11')] };
    expect(causes(input({ notes: [reset], ...rhythm }))).toEqual(['expectations:review:acc-1:2026-06-15']);
    expect(causes(input({ notes: [reset], visits: [visit('v-1', '2026-11-27', { bossMet: true })], reports: [report('2026-11')] }))).toEqual([]);
  });
});
