import { openSteps, renewalPlan } from './plan';
import { DEFAULT_RENEWAL_SETTINGS, RenewalSettingsSchema, TOUCHPOINT_DEFAULTS } from './settings';
import { renewalTimeline, touchpointLogs, type TouchpointLog } from './timeline';
import type { ExpectationNote, ServiceVisit } from '../../data/model/records';
import { fakeVisit } from '../../tests/support/builders';

const S = DEFAULT_RENEWAL_SETTINGS;
const END = '2027-03-31';
const ent = { contractEnd: END, segment: 'enterprise' as const };
const statuses = (logged: TouchpointLog[], today: string, account: Parameters<typeof renewalTimeline>[0] = ent, settings = S) =>
  renewalTimeline(account, logged, settings, today).touchpoints.map((t) => [t.offset, t.status]);

describe('renewal settings', () => {
  it('defaults: CSM-led 90/60/30/15/7 for large segments, automated 30/15/7 for small ones', () => {
    expect(S.cadence).toEqual(TOUCHPOINT_DEFAULTS);
    expect(TOUCHPOINT_DEFAULTS.enterprise).toEqual({ offsets: [90, 60, 30, 15, 7], automated: false });
    expect(TOUCHPOINT_DEFAULTS.mid_market).toEqual({ offsets: [90, 60, 30, 15, 7], automated: false });
    expect(TOUCHPOINT_DEFAULTS.smb).toEqual({ offsets: [30, 15, 7], automated: true });
    expect(TOUCHPOINT_DEFAULTS.self_serve).toEqual({ offsets: [30, 15, 7], automated: true });
    expect([S.noPitchDays, S.graceDays, S.defaultSegment]).toEqual([7, 3, 'mid_market']);
  });
  it('edits one segment and keeps the others; parsed settings never share arrays with the defaults', () => {
    const s = RenewalSettingsSchema.parse({ cadence: { smb: { offsets: [45, 20], automated: false } } });
    expect(s.cadence.smb).toEqual({ offsets: [45, 20], automated: false });
    expect(s.cadence.enterprise).toEqual(TOUCHPOINT_DEFAULTS.enterprise);
    s.cadence.enterprise.offsets.push(1);
    expect(TOUCHPOINT_DEFAULTS.enterprise.offsets).toEqual([90, 60, 30, 15, 7]);
  });
  it('rejects repeated, zero and fractional offsets', () => {
    const bad = (offsets: number[]) => RenewalSettingsSchema.safeParse({ cadence: { smb: { offsets, automated: true } } }).success;
    expect(bad([30, 30])).toBe(false);
    expect(bad([30, 0])).toBe(false);
    expect(bad([30.5])).toBe(false);
    expect(bad([])).toBe(false);
    expect(bad([5, 40])).toBe(true); // any order: the engine sorts
  });
});

describe('renewalTimeline', () => {
  it('dates the enterprise touchpoints from the contract end, CSM-led', () => {
    // 2027-03-31 minus 90 days crosses February (28 days in 2027) and the year end.
    const t = renewalTimeline(ent, [], S, '2026-11-01');
    expect(t.touchpoints).toEqual([
      { offset: 90, due: '2026-12-31', windowEnd: '2027-01-29', mode: 'csm', status: 'upcoming' },
      { offset: 60, due: '2027-01-30', windowEnd: '2027-02-28', mode: 'csm', status: 'upcoming' },
      { offset: 30, due: '2027-03-01', windowEnd: '2027-03-15', mode: 'csm', status: 'upcoming' },
      { offset: 15, due: '2027-03-16', windowEnd: '2027-03-23', mode: 'csm', status: 'upcoming' },
      { offset: 7, due: '2027-03-24', windowEnd: '2027-03-31', mode: 'csm', status: 'upcoming' },
    ]);
    expect(t).toMatchObject({ daysLeft: 150, stage: 'not_started', expired: false });
  });
  it('has three automated touchpoints for small segments, and the mid-market cadence without a segment', () => {
    const smb = renewalTimeline({ contractEnd: END, segment: 'smb' }, [], S, '2027-01-20');
    expect(smb.touchpoints.map((t) => [t.offset, t.due, t.mode])).toEqual([
      [30, '2027-03-01', 'automated'],
      [15, '2027-03-16', 'automated'],
      [7, '2027-03-24', 'automated'],
    ]);
    expect(smb).toMatchObject({ daysLeft: 70, stage: 'early' });
    expect(renewalTimeline({ contractEnd: END, segment: 'self_serve' }, [], S, '2026-11-01').touchpoints).toHaveLength(3);
    const none = renewalTimeline({ contractEnd: END }, [], S, '2027-01-20');
    expect(none.touchpoints.map((t) => t.offset)).toEqual([90, 60, 30, 15, 7]);
    expect(none.touchpoints[0]!.mode).toBe('csm');
    expect(none.stage).toBe('in_window');
  });
  it('is done by a contact inside the window, by date', () => {
    // 2027-01-05 is inside the 90-day window (2026-12-31..2027-01-29).
    expect(statuses([{ date: '2027-01-05' }], '2027-01-20')).toEqual([[90, 'done'], [60, 'upcoming'], [30, 'upcoming'], [15, 'upcoming'], [7, 'upcoming']]);
    // The window's last day counts; the next day belongs to the 60-day touchpoint.
    expect(statuses([{ date: '2027-01-29' }], '2027-01-30').slice(0, 2)).toEqual([[90, 'done'], [60, 'due']]);
    expect(statuses([{ date: '2027-01-30' }], '2027-01-30').slice(0, 2)).toEqual([[90, 'overdue'], [60, 'done']]);
    // Before the first due date or after the end: no touchpoint.
    expect(statuses([{ date: '2026-12-30' }, { date: '2027-04-01' }], '2027-04-02').every(([, s]) => s === 'overdue')).toBe(true);
  });
  it('is done by a contact that names it, early or late, within this renewal cycle', () => {
    expect(statuses([{ date: '2026-12-20', touchpoint: 60 }], '2027-02-05').slice(0, 2)).toEqual([[90, 'overdue'], [60, 'done']]);
    // A year earlier names the previous cycle's touchpoint.
    expect(statuses([{ date: '2026-03-31', touchpoint: 90 }], '2027-01-20')[0]).toEqual([90, 'overdue']);
    expect(statuses([{ date: '2026-04-01', touchpoint: 90 }], '2027-01-20')[0]).toEqual([90, 'done']);
    // Naming an offset the cadence lacks falls back to the window: 2027-01-31 is in the 60-day one.
    expect(statuses([{ date: '2027-01-31', touchpoint: 45 }], '2027-02-05').slice(0, 2)).toEqual([[90, 'overdue'], [60, 'done']]);
  });
  it('is due for the 3-day grace, then overdue', () => {
    expect(statuses([], '2027-01-03')[0]).toEqual([90, 'due']); // 3 days late
    expect(statuses([], '2027-01-04')[0]).toEqual([90, 'overdue']); // 4 days late
    expect(statuses([], '2026-12-30')[0]).toEqual([90, 'upcoming']);
    expect(statuses([], '2027-03-27')[4]).toEqual([7, 'due']);
    expect(statuses([], '2027-03-28')[4]).toEqual([7, 'overdue']);
  });
  it('shortens a grace that outlasts the window, so its last day is overdue', () => {
    const settings = RenewalSettingsSchema.parse({ graceDays: 10, cadence: { mid_market: { offsets: [10, 5], automated: false } } });
    const mm = { contractEnd: END, segment: 'mid_market' as const };
    // 10 days: due 03-21, window to 03-25.
    expect(statuses([], '2027-03-24', mm, settings)[0]).toEqual([10, 'due']);
    expect(statuses([], '2027-03-25', mm, settings)[0]).toEqual([10, 'overdue']);
  });
  it('leaves out touchpoints that fall before signing', () => {
    const t = renewalTimeline({ ...ent, signedAt: '2027-01-15' }, [{ date: '2027-01-10', touchpoint: 60 }], S, '2027-01-20');
    expect(t.touchpoints.map((x) => [x.offset, x.status])).toEqual([[60, 'upcoming'], [30, 'upcoming'], [15, 'upcoming'], [7, 'upcoming']]);
  });
  it('names the stage by days left', () => {
    const stage = (today: string, segment: 'enterprise' | 'smb' = 'enterprise') => renewalTimeline({ contractEnd: END, segment }, [], S, today).stage;
    expect(stage('2026-12-30')).toBe('not_started'); // 91 days
    expect(stage('2026-12-31')).toBe('in_window'); // 90
    expect(stage('2027-03-23')).toBe('in_window'); // 8
    expect(stage('2027-03-24')).toBe('final_week'); // 7
    expect(stage('2027-03-31')).toBe('final_week'); // 0
    expect(stage('2027-04-01')).toBe('expired'); // -1
    expect(stage('2026-12-31', 'smb')).toBe('early'); // 90, before the first smb touchpoint
    expect(stage('2027-03-01', 'smb')).toBe('in_window'); // 30
    expect(stage('2026-12-30', 'smb')).toBe('not_started');
  });
  it('marks expiry, with every untouched touchpoint overdue', () => {
    const t = renewalTimeline(ent, [{ date: '2027-03-20' }], S, '2027-04-01');
    expect(t).toMatchObject({ daysLeft: -1, stage: 'expired', expired: true });
    expect(t.touchpoints.map((x) => x.status)).toEqual(['overdue', 'overdue', 'overdue', 'done', 'overdue']);
  });
});

describe('touchpointLogs', () => {
  it('turns visits and done notes into contacts', () => {
    const base = { accountId: 'a', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' };
    const visit = (id: string, date: string, deleted?: boolean): ServiceVisit => fakeVisit({ ...base, id, date, bossMet: true, ...(deleted ? { deleted } : {}) });
    const note = (id: string, doneAt?: string): ExpectationNote => ({ ...base, id, kind: 'long_term_value', audience: 'boss', text: 'review', ...(doneAt ? { doneAt } : {}) });
    expect(touchpointLogs([visit('v1', '2027-01-05'), visit('v2', '2027-01-06', true)], [note('n1', '2027-02-01'), note('n2')])).toEqual([{ date: '2027-01-05' }, { date: '2027-02-01' }]);
  });
});

describe('renewalPlan', () => {
  it('dates each step from the contract end, preferring value over discounts', () => {
    const p = renewalPlan(ent, S, '2027-01-20');
    expect(p.starts).toBe('2026-12-31');
    expect(p.steps.map((s) => [s.id, s.due, s.daysUntil, s.priority, s.channel])).toEqual([
      ['review_health', '2026-12-31', -20, 'high', 'internal'],
      ['review_promises', '2026-12-31', -20, 'medium', 'internal'],
      ['value_review_with_boss', '2027-01-30', 10, 'high', 'csm'],
      ['success_story', '2027-02-14', 25, 'medium', 'internal'],
      ['offer_value', '2027-03-01', 40, 'medium', 'csm'],
      ['renewal_proposal', '2027-03-01', 40, 'high', 'csm'],
      ['confirm_decision', '2027-03-16', 55, 'high', 'csm'],
      ['paperwork', '2027-03-24', 63, 'high', 'csm'],
    ]);
    expect(p.steps.some((s) => /discount/.test(s.id))).toBe(false);
  });
  it('automates the customer-facing steps in automated segments', () => {
    const p = renewalPlan({ contractEnd: END, segment: 'self_serve' }, S, '2027-01-20');
    expect(p.steps.filter((s) => s.channel === 'automated').map((s) => s.id)).toEqual(['value_review_with_boss', 'offer_value', 'renewal_proposal', 'confirm_decision', 'paperwork']);
    expect(p.steps.filter((s) => s.channel === 'csm')).toEqual([]);
  });
});

describe('after a renewal', () => {
  // The account follows its new term (data/model/terms.ts): end 2028-03-31, starting 2027-04-01.
  const renewed = { contractEnd: '2028-03-31', contractStart: '2027-04-01', segment: 'enterprise' as const };
  const oldTerm: TouchpointLog[] = [{ date: '2027-01-05' }, { date: '2027-02-01', touchpoint: 60 }, { date: '2027-03-25', touchpoint: 7 }];
  it('the timeline starts again: no "ended" alert, the old term\'s contacts keep none of the new touchpoints', () => {
    const before = renewalTimeline(ent, oldTerm, S, '2027-04-05');
    expect(before).toMatchObject({ expired: true, stage: 'expired' });
    const after = renewalTimeline(renewed, oldTerm, S, '2027-04-05');
    expect(after).toMatchObject({ expired: false, stage: 'not_started', daysLeft: 361 });
    expect(after.touchpoints.map((t) => [t.offset, t.due, t.status])).toEqual([
      [90, '2028-01-01', 'upcoming'], [60, '2028-01-31', 'upcoming'], [30, '2028-03-01', 'upcoming'], [15, '2028-03-16', 'upcoming'], [7, '2028-03-24', 'upcoming'],
    ]);
    // A contact tagged for the 60-day touchpoint in the old term does not keep the new one.
    expect(statuses([{ date: '2027-02-01', touchpoint: 60 }], '2028-02-02', renewed)).toContainEqual([60, 'due']);
    expect(statuses([{ date: '2028-02-01', touchpoint: 60 }], '2028-02-02', renewed)).toContainEqual([60, 'done']);
  });
  it('leaves out touchpoints that fall before a short term started', () => {
    const quarter = { contractEnd: '2027-06-30', contractStart: '2027-04-02', segment: 'enterprise' as const };
    expect(renewalTimeline(quarter, [], S, '2027-04-03').touchpoints.map((t) => t.offset)).toEqual([60, 30, 15, 7]);
  });
});

describe('plan ticks and template', () => {
  it('marks the steps ticked off in the term and lists the open ones next', () => {
    const p = renewalPlan(ent, S, '2027-01-20', { review_health: '2027-01-02', value_review_with_boss: '2027-01-19' });
    expect(p.done).toBe(2);
    expect(p.steps.find((s) => s.id === 'review_health')?.doneAt).toBe('2027-01-02');
    expect(openSteps(p).map((s) => s.id)).toEqual(['review_promises', 'success_story', 'offer_value']);
  });
  it('follows an edited template: its own steps, days and priorities, ordered by date', () => {
    const s = RenewalSettingsSchema.parse({ plan: [{ id: 'paperwork', offset: 20, priority: 'low', customer: true }, { id: 'exec-dinner', offset: 50, priority: 'high', customer: true, title: 'Dinner with the boss' }] });
    expect(renewalPlan(ent, s, '2027-01-20').steps.map((x) => [x.id, x.due, x.priority, x.title])).toEqual([
      ['exec-dinner', '2027-02-09', 'high', 'Dinner with the boss'], ['paperwork', '2027-03-11', 'low', undefined],
    ]);
  });
  it('refuses a template with a repeated id, an untitled new step or no steps, with a reason', () => {
    const issues = (plan: unknown) => { const r = RenewalSettingsSchema.safeParse({ plan }); return r.success ? [] : r.error.issues.map((i) => i.message); };
    expect(issues([{ id: 'a', offset: 1, priority: 'high', customer: false, title: 'A' }, { id: 'a', offset: 2, priority: 'high', customer: false, title: 'B' }])).toEqual(['the step id "a" is used twice']);
    expect(issues([{ id: 'call', offset: 10, priority: 'high', customer: true }])).toEqual(['the step "call" needs a title']);
    expect(issues([])).toEqual(['the plan needs at least one step']);
    expect(DEFAULT_RENEWAL_SETTINGS.plan.map((x) => x.offset)).toEqual([90, 90, 60, 45, 30, 30, 15, 7]);
  });
});
