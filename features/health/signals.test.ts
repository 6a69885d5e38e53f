import { serviceSignals, type ServiceRecords, type SignalRules } from './signals';
import { mergedSeries } from './current';
import { DEFAULT_HEALTH_MODEL, HealthModelSchema, IMPORTED_DIMENSIONS, SERVICE_DIMENSIONS } from './model';
import { scoreHealth } from './score';
import { DEFAULT_SERVICE_DAY, type ExpectationNote, type MonthlyReport, type PromiseRecord, type ServiceVisit } from '../../data/model/records';
import { serviceMonthOf } from '../service/cadence';
import { promiseRisk } from '../expectations/risks';

// Monday 23 Nov 2026. Last Fridays (the default service day): 28 Aug, 25 Sep, 30 Oct, 27 Nov.
const TODAY = '2026-11-23';
const stamp = '2026-11-01T00:00:00.000Z';
const base = { accountId: 'a', createdAt: stamp, updatedAt: stamp };
const visit = (date: string, more: Partial<ServiceVisit> = {}): ServiceVisit => ({
  ...base, id: `v${date}`, date, durationMin: 60, attendees: [], bossMet: false, checklistDone: [], followUps: [], ...more,
});
const report = (month: string, sentAt: string): MonthlyReport => ({ ...base, id: `r${month}`, month, sentAt, language: 'en' });
const promise = (id: string, status: PromiseRecord['status'], deliverable: PromiseRecord['deliverable'] = 'yes'): PromiseRecord => ({ ...base, id, text: id, status, deliverable });
const resetNote = (doneAt?: string): ExpectationNote => ({ ...base, id: 'n1', kind: 'short_term_reset', audience: 'boss', text: 'same goal, honest effort', ...(doneAt ? { doneAt } : {}) });
const rules = (more: Partial<SignalRules> = {}): SignalRules => ({
  rhythm: 'monthly', serviceDay: DEFAULT_SERVICE_DAY, firstVisitAfterDays: 14, resetWithinDays: 30,
  servedMonth: (d) => serviceMonthOf(DEFAULT_SERVICE_DAY, d), promiseAtRisk: (p, today) => promiseRisk(p, today) !== null, ...more,
});
const records = (more: Partial<ServiceRecords>): ServiceRecords => ({ visits: [], reports: [], notes: [], promises: [], ...more });

describe('serviceSignals, computed by hand', () => {
  // Signed 10 Jan 2026: 317 days before today, so still in the first contract year.
  const account = records({
    visits: [
      visit('2026-09-25', { sentiment: { band: 'green' } }),
      visit('2026-10-29', { bossMet: true, sentiment: { band: 'yellow', reason: 'rollout slower than hoped' } }),
    ],
    reports: [report('2026-08', '2026-09-03'), report('2026-09', '2026-10-20')],
    promises: [promise('p1', 'kept'), promise('p2', 'kept'), promise('p3', 'broken'), promise('p4', 'open', 'no'), promise('p5', 'open')],
    notes: [resetNote('2026-02-20')],
  });
  const s = serviceSignals(account, rules({ since: '2026-01-10' }), TODAY);

  it('service rhythm: Nov’s day (27th) is still ahead, so Aug–Oct are due; Sep and Oct held → 2 ÷ 3', () => {
    expect(s.inputs.serviceRhythm).toBeCloseTo(200 / 3, 10);
    expect(s.facts.serviceRhythm).toEqual({ held: 2, due: 3, lastVisit: '2026-10-29' });
  });
  it('boss reviewed: met on 29 Oct, 25 days ago', () => {
    expect(s.inputs.bossReviewDays).toBe(25);
    expect(s.facts.bossReviewDays).toEqual({ lastReview: '2026-10-29' });
  });
  it('reports on time: Aug sent 3 Sep (by 7 Sep), Sep sent 20 Oct (late), Oct not sent and past 7 Nov → 1 ÷ 3', () => {
    expect(s.inputs.reportsOnTime).toBeCloseTo(100 / 3, 10);
    expect(s.facts.reportsOnTime).toEqual({ onTime: 1, due: 3, lastSent: '2026-10-20' });
  });
  it('promises: 2 kept ÷ (2 kept + 1 broken + 1 not deliverable); an open deliverable one counts for nothing', () => {
    expect(s.inputs.promisesKept).toBe(50);
    expect(s.facts.promisesKept).toEqual({ kept: 2, broken: 1, atRisk: 1 });
  });
  it('expectation reset: due 9 Feb (30 days after signing), done 20 Feb → late, 50', () => {
    expect(s.inputs.expectationReset).toBe(50);
    expect(s.facts.expectationReset).toEqual({ doneAt: '2026-02-20', dueBy: '2026-02-09' });
  });
  it('the CSM’s read: yellow (50) after green (100), the latest counting twice → 200 ÷ 3', () => {
    expect(s.inputs.csmRead).toBeCloseTo(200 / 3, 10);
    expect(s.facts.csmRead).toEqual({ band: 'yellow', reason: 'rollout slower than hoped', date: '2026-10-29', previous: 'green' });
  });
  it('scores an account from these alone: 6 of 14 measured', () => {
    const scored = scoreHealth(s.inputs, DEFAULT_HEALTH_MODEL);
    // rhythm (66.7−33)/67 → 50.2 × 10; boss 25 d ≤ 45 → 100 × 8; reports 0.33 → 0.5 × 5; promises 50 → 0 × 7; reset 50 × 3; read 66.7 × 7.
    const expected = (((200 / 3 - 33) / 67) * 100 * 10 + 100 * 8 + ((100 / 3 - 33) / 67) * 100 * 5 + 0 + 50 * 3 + (200 / 3) * 7) / 40;
    expect(scored.score).toBe(Math.round(expected * 10) / 10);
    expect(scored.known).toBe(6);
    expect(scored.total).toBe(14);
  });
});

describe('serviceSignals, edges', () => {
  it('knows nothing about an account with no service record at all', () => {
    expect(serviceSignals(records({}), rules({ since: '2026-01-10' }), TODAY)).toEqual({ inputs: {}, facts: {} });
  });
  it('counts the current month once it was served early, and owes nothing before the first service day', () => {
    // Signed 20 Sep: the first owed day is on or after 4 Oct, so Aug and Sep are not due; a visit on 20 Nov serves Nov.
    const s = serviceSignals(records({ visits: [visit('2026-11-20')] }), rules({ since: '2026-09-20' }), TODAY);
    expect(s.facts.serviceRhythm).toEqual({ held: 1, due: 2, lastVisit: '2026-11-20' }); // Oct missed, Nov held
    // No report for Oct (owed: its day 30 Oct is after 4 Oct); the boss never met: 64 days since signing.
    expect(s.inputs.reportsOnTime).toBe(0);
    expect(s.inputs.bossReviewDays).toBe(64);
    expect(s.facts.bossReviewDays).toEqual({ since: '2026-09-20' });
    // The reset was due 20 Oct and is not done.
    expect(s.inputs.expectationReset).toBe(0);
  });
  it('a written boss summary and a boss review note count as reviewing the boss', () => {
    const written = serviceSignals(records({ visits: [visit('2026-11-02', { checklistDone: ['after.bossSummary'] })] }), rules(), TODAY);
    expect(written.inputs.bossReviewDays).toBe(21);
    const note: ExpectationNote = { ...base, id: 'n2', kind: 'long_term_value', audience: 'boss', text: 'a marathon', doneAt: '2026-11-13' };
    expect(serviceSignals(records({ notes: [note] }), rules(), TODAY).inputs.bossReviewDays).toBe(10);
  });
  it('quarterly: a visit in the last three months (after 23 Aug) is 100, none is 0', () => {
    const q = rules({ rhythm: 'quarterly', since: '2025-01-01' });
    expect(serviceSignals(records({ visits: [visit('2026-09-01')] }), q, TODAY).inputs.serviceRhythm).toBe(100);
    const none = serviceSignals(records({ visits: [visit('2026-08-01')] }), q, TODAY);
    expect(none.inputs.serviceRhythm).toBe(0);
    expect(none.inputs.reportsOnTime).toBeUndefined(); // no monthly report on a quarterly rhythm
  });
  it('automated accounts are owed no visit, report, boss review or reset; promises and the read still count', () => {
    const s = serviceSignals(records({ visits: [visit('2026-11-02', { sentiment: { band: 'red' } })], promises: [promise('p', 'kept')] }), rules({ rhythm: 'automated', since: '2026-06-01' }), TODAY);
    expect(s.inputs).toEqual({ promisesKept: 100, csmRead: 0 });
  });
  it('leaves out deleted records, records dated after today and reads older than 180 days', () => {
    const s = serviceSignals(
      records({ visits: [visit('2026-05-01', { sentiment: { band: 'green' } }), visit('2026-11-30', { sentiment: { band: 'red' } }), visit('2026-11-02', { deleted: true, sentiment: { band: 'red' } })] }),
      rules(),
      TODAY,
    );
    expect(s.inputs.csmRead).toBeUndefined();
    expect(s.facts.serviceRhythm).toEqual({ held: 0, due: 3, lastVisit: '2026-05-01' });
  });
  it('the reset is done in time (100), and stops counting after the first contract year', () => {
    expect(serviceSignals(records({ notes: [resetNote('2026-02-01')] }), rules({ since: '2026-01-10' }), TODAY).inputs.expectationReset).toBe(100);
    expect(serviceSignals(records({ notes: [resetNote()] }), rules({ since: '2025-06-01' }), TODAY).inputs.expectationReset).toBeUndefined();
  });
});

describe('merged readings', () => {
  const snap = { ...base, id: 's1', asOf: '2026-11-09', inputs: { coreFeatureAdoption: 70 } };
  it('merge each import with its day’s signals and add today’s reading from the latest import', () => {
    const series = mergedSeries('a', [snap], (day) => ({ bossReviewDays: day === TODAY ? 25 : 11 }), TODAY);
    expect(series.map((r) => [r.asOf, r.inputs, r.imported])).toEqual([
      ['2026-11-09', { coreFeatureAdoption: 70, bossReviewDays: 11 }, true],
      [TODAY, { coreFeatureAdoption: 70, bossReviewDays: 25 }, true],
    ]);
  });
  it('give an account with no import a reading from the signals alone, and nothing when there are none', () => {
    expect(mergedSeries('a', [], () => ({ csmRead: 50 }), TODAY).map((r) => [r.asOf, r.inputs, r.imported])).toEqual([[TODAY, { csmRead: 50 }, false]]);
    expect(mergedSeries('a', [], () => ({}), TODAY)).toEqual([]);
  });
});

describe('a model stored before the service dimensions', () => {
  it('still parses, and gets the service rules with weights scaled to its own imported weights', () => {
    const old = { ...DEFAULT_HEALTH_MODEL, dimensions: Object.fromEntries(IMPORTED_DIMENSIONS.map((d) => [d, { ...DEFAULT_HEALTH_MODEL.dimensions[d], weight: DEFAULT_HEALTH_MODEL.dimensions[d].weight * 2 }])) };
    const parsed = HealthModelSchema.parse(old);
    // Imported weights add up to 120 (twice the default 60): every service weight is doubled too.
    for (const d of SERVICE_DIMENSIONS) expect(parsed.dimensions[d]).toEqual({ ...DEFAULT_HEALTH_MODEL.dimensions[d], weight: DEFAULT_HEALTH_MODEL.dimensions[d].weight * 2 });
    expect(parsed.dimensions.coreFeatureAdoption.weight).toBe(30);
  });
});
