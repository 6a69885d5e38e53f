import { toCta } from '../../data/model/cta-draft';
import type { Cta, Handover, HealthSnapshot } from '../../data/model/records';
import { translator } from '../../shared/i18n';
import { evaluateCtas, wordCtaTitle, type CtaEvaluationInput } from '../ctas';
import { DEFAULT_HEALTH_MODEL } from '../health/model';
import { ctaKind, playSteps } from '../plays';
import { DEFAULT_RENEWAL_SETTINGS } from '../renewal/settings';
import { KEY_PERSON_QUIET_DAYS, peopleActivity } from './quiet';

const T = '2026-11-20T09:00:00.000Z';
const people: Handover['keyPeople'] = [
  { id: 'p-boss', role: 'boss', name: 'Wang Lei', contact: 'wang.lei@example.cn' },
  { role: 'champion', name: 'Li Na', contact: 'li.na@example.cn' },
  { id: 'p-new', role: 'user', name: 'Zhao Min', contact: 'zhao@example.cn' },
  { id: 'p-x', role: 'other', name: 'Chen', contact: '139 1111 2222' },
];
const handover = (keyPeople = people): Handover => ({ id: 'handover:acc-1', accountId: 'acc-1', createdAt: T, updatedAt: T, status: 'accepted', keyPeople });
const reading = (asOf: string, keyPeople?: { person: string; lastActiveOn?: string }[], patch: Partial<HealthSnapshot> = {}): HealthSnapshot => ({
  id: `acc-1:${asOf}`, accountId: 'acc-1', asOf, inputs: { activeUserRate: 50 }, createdAt: T, updatedAt: T, ...(keyPeople ? { usage: { keyPeople } } : {}), ...patch,
});
// On Dec 1: the boss last used the product on Nov 10 (21 days), the champion on Nov 25, Zhao is known but never active.
const DEC1 = reading('2026-12-01', [{ person: 'p-boss', lastActiveOn: '2026-11-10' }, { person: 'name:li na', lastActiveOn: '2026-11-25' }, { person: 'p-new' }]);
const account = { id: 'acc-1', csm: 'Cleo', owner: 'Ann', segment: 'enterprise' as const, contractEnd: '2027-09-30', signedAt: '2025-10-01' };
const input = (snapshots: HealthSnapshot[], existing: Cta[] = [], today = '2026-12-01', h = handover()): CtaEvaluationInput => ({
  account, snapshots, milestones: [], outcomes: [], existing, model: DEFAULT_HEALTH_MODEL, renewalSettings: DEFAULT_RENEWAL_SETTINGS, handovers: [h], today,
});
const quiet = (i: CtaEvaluationInput) => evaluateCtas(i).create.filter((d) => d.cause.startsWith('people:quiet:'));

describe('key people activity from the usage data', () => {
  it('tells apart quiet, active, known but never active and not found, from the latest reading that names them', () => {
    const a = peopleActivity(people!, [reading('2026-11-01', [{ person: 'p-boss', lastActiveOn: '2026-11-01' }]), DEC1, reading('2026-12-01', undefined, { id: 'csv' })], '2026-12-01')!;
    expect(a.map((x) => [x.person.name, x.known, x.lastActiveOn, x.daysQuiet, x.quiet])).toEqual([
      ['Wang Lei', true, '2026-11-10', KEY_PERSON_QUIET_DAYS, true],
      ['Li Na', true, '2026-11-25', 6, false],
      ['Zhao Min', true, undefined, undefined, false],
      ['Chen', false, undefined, undefined, false],
    ]);
    // Without a reading that names key people, nothing is said; a reading after today or deleted does not count.
    expect(peopleActivity(people!, [reading('2026-12-01')], '2026-12-01')).toBeUndefined();
    expect(peopleActivity(people!, [{ ...DEC1, deleted: true }], '2026-12-01')).toBeUndefined();
    expect(peopleActivity(people!, [DEC1], '2026-11-30')).toBeUndefined();
  });
});

describe('the key person gone quiet CTA', () => {
  it('raises one for a key person quiet 21 days, not at 20, worded in both languages with its play', () => {
    expect(quiet(input([{ ...DEC1, usage: { keyPeople: [{ person: 'p-boss', lastActiveOn: '2026-11-11' }] } }]))).toEqual([]);
    const [draft, ...rest] = quiet(input([DEC1]));
    expect(rest).toEqual([]);
    expect(draft).toEqual({
      id: 'cta:people:quiet:acc-1:p-boss', accountId: 'acc-1', source: 'people', cause: 'people:quiet:acc-1:p-boss',
      title: { code: 'person_quiet', params: { name: 'Wang Lei', role: 'boss', days: 21, since: '2026-11-10' } }, owner: 'Cleo', dueDate: '2026-12-08', status: 'open',
    });
    expect(wordCtaTitle(draft!, translator('en'))).toBe('Key person gone quiet: Wang Lei (boss) has not used the product for 21 days');
    expect(wordCtaTitle(draft!, translator('zh-CN'))).toBe('关键人已沉寂：Wang Lei（老板）已 21 天未使用产品');
    expect(ctaKind(draft!.cause)?.code).toBe('person_quiet');
    expect(playSteps(draft!.cause, {}, translator('en'))![0]).toMatch(/ask what changed/);
  });

  it('follows the team\'s threshold: raised at the set number of days, not a day before', () => {
    const boss = (asOf: string) => reading(asOf, [{ person: 'p-boss', lastActiveOn: '2026-11-10' }]);
    const at = (today: string, keyPersonQuietDays: number) => quiet({ ...input([boss(today)], [], today), keyPersonQuietDays }).map((d) => d.title.params.days);
    // 14 days: quiet on Nov 24, not on Nov 23 (13 days), where the default 21 would say nothing yet.
    expect(at('2026-11-23', 14)).toEqual([]);
    expect(at('2026-11-24', 14)).toEqual([14]);
    expect(quiet(input([boss('2026-11-24')], [], '2026-11-24'))).toEqual([]);
    // 30 days: not on Dec 9 (29 days) although the default would have raised it on Dec 1; raised on Dec 10.
    expect(at('2026-12-09', 30)).toEqual([]);
    expect(at('2026-12-10', 30)).toEqual([30]);
  });

  it('is raised once, and closes when the person uses the product again, leaves or is removed', () => {
    const open = quiet(input([DEC1])).map((d) => toCta(d, 'x', T));
    expect(quiet(input([{ ...DEC1, asOf: '2026-12-05' }], open, '2026-12-05'))).toEqual([]);
    const back = reading('2026-12-05', [{ person: 'p-boss', lastActiveOn: '2026-12-04' }]);
    const closes = (i: CtaEvaluationInput) => evaluateCtas(i).close.filter((c) => c.cause.startsWith('people:quiet:'));
    expect(closes(input([DEC1, back], open, '2026-12-05'))).toEqual([{ id: 'cta:people:quiet:acc-1:p-boss', cause: 'people:quiet:acc-1:p-boss', reason: 'person_active' }]);
    // A reading without key people (an imported CSV) says nothing: the CTA stays open.
    expect(closes(input([DEC1, reading('2026-12-05')], open, '2026-12-05'))).toEqual([]);
    const left = handover(people!.map((p) => (p.id === 'p-boss' ? { ...p, leftAt: '2026-12-03' } : p)));
    expect(closes(input([DEC1], open, '2026-12-05', left)).map((c) => c.reason)).toEqual(['person_not_key']);
    expect(closes(input([DEC1], open, '2026-12-05', handover(people!.slice(1)))).map((c) => c.reason)).toEqual(['person_not_key']);
    expect(closes(input([DEC1], open, '2026-12-05'))).toEqual([]);
  });

  it('says why when a raised threshold, not new use, makes the person no longer quiet', () => {
    const raisedOn = (day: string) => quiet(input([DEC1], [], day)).map((d) => toCta(d, 'x', `${day}T08:00:00.000Z`));
    const closes = (existing: Cta[], keyPersonQuietDays: number, today = '2026-12-05') =>
      evaluateCtas({ ...input([{ ...DEC1, asOf: today }], existing, today), keyPersonQuietDays }).close.filter((c) => c.cause.startsWith('people:quiet:'));
    // Raised on Dec 1 (last active Nov 10); on Dec 5 the team sets 30 days: 25 days is not quiet, and nobody used the product.
    expect(closes(raisedOn('2026-12-01'), 30).map((c) => c.reason)).toEqual(['person_threshold']);
    expect(translator('en').t('cta.closed.person_threshold')).toMatch(/no longer counts as quiet/);
    expect(translator('zh-CN').t('cta.closed.person_threshold')).toMatch(/不再算作沉寂/);
    // Active on the day it was raised, or after: that is use of the product again.
    const back = reading('2026-12-05', [{ person: 'p-boss', lastActiveOn: '2026-12-01' }]);
    const closeBack = evaluateCtas(input([DEC1, back], raisedOn('2026-12-01'), '2026-12-05')).close.filter((c) => c.cause.startsWith('people:quiet:'));
    expect(closeBack.map((c) => c.reason)).toEqual(['person_active']);
  });
});
