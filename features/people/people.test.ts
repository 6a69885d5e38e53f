import { toCta } from '../../data/model/cta-draft';
import { HandoverSchema, type Cta, type Handover } from '../../data/model/records';
import { translator } from '../../shared/i18n';
import { evaluateCtas, wordCtaTitle, type CtaEvaluationInput } from '../ctas';
import { formOf, handoverFields } from '../handover/form';
import { DEFAULT_HEALTH_MODEL } from '../health/model';
import { ctaKind, playSteps } from '../plays';
import { DEFAULT_RENEWAL_SETTINGS } from '../renewal/settings';
import { editPeople, peopleOf, personKey } from './people';

const T = '2026-11-20T09:00:00.000Z';
const LATER = '2026-12-02T10:00:00.000Z';
const handover = (patch: Partial<Handover> = {}): Handover => ({
  id: 'handover:acc-1', accountId: 'acc-1', createdAt: T, updatedAt: T, status: 'accepted',
  keyPeople: [
    { id: 'p-boss', role: 'boss', name: 'Wang Lei', contact: 'wang.lei@example.cn', stance: 'decision_maker' },
    { role: 'champion', name: 'Li Na' },
  ],
  ...patch,
});
const edit = (h: Handover | undefined, e: Parameters<typeof editPeople>[2]) => {
  const r = editPeople('acc-1', h, e, LATER);
  if (!r.ok) throw new Error(r.problem);
  return r.record;
};
const account = { id: 'acc-1', csm: 'Cleo', owner: 'Ann', segment: 'enterprise' as const, contractEnd: '2027-09-30', signedAt: '2025-10-01' };
const input = (handovers: Handover[], existing: Cta[] = [], today = '2026-12-02'): CtaEvaluationInput => ({
  account, snapshots: [], milestones: [], outcomes: [], existing, model: DEFAULT_HEALTH_MODEL, renewalSettings: DEFAULT_RENEWAL_SETTINGS, handovers, today,
});
const peopleCtas = (i: CtaEvaluationInput) => evaluateCtas(i).create.filter((d) => d.source === 'people');

describe('editing the key people', () => {
  it('sets, changes and clears a stance, leaving everyone else as they were', () => {
    const h = handover();
    const supporter = edit(h, { kind: 'stance', key: personKey({ name: 'Li Na' }), stance: 'supporter' });
    expect(supporter.keyPeople).toEqual([h.keyPeople![0], { role: 'champion', name: 'Li Na', stance: 'supporter' }]);
    expect(supporter.updatedAt).toBe(LATER);
    expect(supporter.status).toBe('accepted'); // editing people is not a new handover decision
    const opponent = edit(supporter, { kind: 'stance', key: 'p-boss', stance: 'opponent' });
    expect(opponent.keyPeople![0]!.stance).toBe('opponent');
    const cleared = edit(opponent, { kind: 'stance', key: 'p-boss', stance: undefined });
    expect(cleared.keyPeople![0]).toEqual({ id: 'p-boss', role: 'boss', name: 'Wang Lei', contact: 'wang.lei@example.cn' });
    expect(HandoverSchema.parse(cleared)).toEqual(cleared);
  });

  it('marks a person as left and back, and removes one', () => {
    const left = edit(handover(), { kind: 'left', key: 'p-boss', on: '2026-12-01' });
    expect(left.keyPeople![0]!.leftAt).toBe('2026-12-01');
    expect('leftAt' in edit(left, { kind: 'back', key: 'p-boss' }).keyPeople![0]!).toBe(false);
    expect(peopleOf([edit(left, { kind: 'remove', key: 'p-boss' })]).map((p) => p.name)).toEqual(['Li Na']);
  });

  it('adds a person, trimmed, and starts a draft handover for an account that has none', () => {
    const fresh = edit(undefined, { kind: 'add', person: { id: 'p-1', role: 'champion', name: '  Zhao Min ', contact: '  ' } });
    expect(fresh).toEqual({ id: 'handover:acc-1', accountId: 'acc-1', createdAt: LATER, updatedAt: LATER, status: 'draft', keyPeople: [{ id: 'p-1', role: 'champion', name: 'Zhao Min' }] });
    expect(HandoverSchema.parse(fresh)).toEqual(fresh);
  });

  it('refuses a nameless or duplicate person and an edit of someone no longer listed, changing nothing', () => {
    const h = handover();
    expect(editPeople('acc-1', h, { kind: 'add', person: { role: 'user', name: ' ' } }, LATER)).toEqual({ ok: false, problem: 'name_missing' });
    expect(editPeople('acc-1', h, { kind: 'add', person: { id: 'p-9', role: 'user', name: 'li na' } }, LATER)).toEqual({ ok: false, problem: 'duplicate' });
    expect(editPeople('acc-1', h, { kind: 'left', key: 'p-gone', on: '2026-12-01' }, LATER)).toEqual({ ok: false, problem: 'not_found' });
    const full = handover({ keyPeople: Array.from({ length: 50 }, (_, i) => ({ role: 'user' as const, name: `U${i}` })) });
    expect(editPeople('acc-1', full, { kind: 'add', person: { role: 'user', name: 'One more' } }, LATER)).toEqual({ ok: false, problem: 'too_many' });
    expect(h).toEqual(handover());
  });

  it('keeps stance, leaving day and id when the handover form is saved again', () => {
    const h = edit(handover(), { kind: 'left', key: 'p-boss', on: '2026-12-01' });
    const fields = handoverFields(formOf(h));
    expect(fields.ok && fields.value.keyPeople).toEqual(h.keyPeople);
  });
});

describe('the key person left CTA', () => {
  const en = translator('en');
  const zh = translator('zh-CN');

  it('raises one for the CSM, due a week after the person left, worded with name and role', () => {
    const left = edit(handover(), { kind: 'left', key: 'p-boss', on: '2026-12-01' });
    const [draft, ...rest] = peopleCtas(input([left]));
    expect(rest).toEqual([]);
    expect(draft).toEqual({
      id: 'cta:people:left:acc-1:p-boss', accountId: 'acc-1', source: 'people', cause: 'people:left:acc-1:p-boss',
      title: { code: 'person_left', params: { name: 'Wang Lei', role: 'boss' } }, owner: 'Cleo', dueDate: '2026-12-08', status: 'open',
    });
    expect(wordCtaTitle(draft!, en)).toBe('Key person left: Wang Lei (boss)');
    expect(wordCtaTitle(draft!, zh)).toBe('关键人已离职：Wang Lei（老板）');
    expect(ctaKind(draft!.cause)?.code).toBe('person_left');
    expect(playSteps(draft!.cause, {}, en)![0]).toMatch(/who takes over/);
  });

  it('knows a person without an id by name, and raises nothing for people still there or without handovers', () => {
    expect(peopleCtas(input([handover()]))).toEqual([]);
    expect(peopleCtas({ ...input([]), handovers: undefined })).toEqual([]);
    const left = edit(handover(), { kind: 'left', key: 'name:li na', on: '2026-11-30' });
    expect(peopleCtas(input([left])).map((d) => [d.cause, d.dueDate])).toEqual([['people:left:acc-1:name:li na', '2026-12-07']]);
    // Another account's handover is not this account's people.
    expect(peopleCtas(input([{ ...left, accountId: 'acc-2' }]))).toEqual([]);
  });

  it('is raised once: the same departure on a later day, or after the CTA was closed, raises nothing new', () => {
    const left = edit(handover(), { kind: 'left', key: 'p-boss', on: '2026-12-01' });
    const raised = peopleCtas(input([left]));
    expect(peopleCtas(input([left], raised.map((d) => toCta(d, 'x', LATER)), '2027-01-15'))).toEqual([]);
    expect(peopleCtas(input([left], raised.map((d) => ({ ...toCta(d, 'x', LATER), status: 'closed' as const }))))).toEqual([]);
  });

  it('closes when the person is marked as still there, and stays open when the person is removed', () => {
    const left = edit(handover(), { kind: 'left', key: 'p-boss', on: '2026-12-01' });
    const open = peopleCtas(input([left])).map((d) => toCta(d, 'x', LATER));
    const back = edit(left, { kind: 'back', key: 'p-boss' });
    expect(evaluateCtas(input([back], open)).close).toEqual([{ id: 'cta:people:left:acc-1:p-boss', cause: 'people:left:acc-1:p-boss', reason: 'person_back' }]);
    expect(evaluateCtas(input([edit(left, { kind: 'remove', key: 'p-boss' })], open)).close).toEqual([]);
    expect(evaluateCtas(input([left], open)).close).toEqual([]);
  });
});
