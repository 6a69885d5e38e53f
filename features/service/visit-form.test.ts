import fc from 'fast-check';
import { fakeVisit } from '../../tests/support/builders';
import { blankVisitDraft, checkVisitForm, draftOfVisit, visitFields, visitHasContent, visitPatch } from './visit-form';
import type { VisitDraft } from './visit-input';

const TODAY = '2026-11-27';
const draft = (over: Partial<VisitDraft> = {}): VisitDraft => ({ ...blankVisitDraft(TODAY), ...over });
const stamp = '2026-11-20T09:00:00.000Z';
const stored = fakeVisit({
  id: 'v1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, version: 4, date: '2026-11-20', durationMin: 75, attendees: ['王经理', 'Ops lead'],
  bossMet: true, checklistDone: ['boss.month'], notes: 'Rollout on track', followUps: [{ text: 'Send the SSO guide', dueDate: '2026-11-27' }],
  sentiment: { band: 'yellow', reason: 'two plants late' },
});

describe('visitHasContent: what a visit must say', () => {
  it.each([
    ['attendees', { attendees: ['Li Lei'], checklistDone: [], notes: undefined }, true],
    ['a checklist item', { attendees: [], checklistDone: ['boss.month'] }, true],
    ['a note', { attendees: [], checklistDone: [], notes: 'Walked through the dashboard' }, true],
    ['nothing', { attendees: [], checklistDone: [] }, false],
    ['a blank note only', { attendees: [], checklistDone: [], notes: '  \n ' }, false],
  ])('%s', (_name, v, want) => {
    expect(visitHasContent(v)).toBe(want);
  });
});

describe('checkVisitForm', () => {
  it('refuses the untouched form: a date and 60 minutes alone are an empty visit', () => {
    expect(checkVisitForm(blankVisitDraft(TODAY), TODAY, 7)).toEqual({ ok: false, errors: {}, empty: true });
  });

  it('refuses a visit with only the boss met, a read and a follow-up: none of them says what happened', () => {
    const r = checkVisitForm(draft({ bossMet: true, sentiment: 'red', sentimentReason: 'thinking about a competitor', followUps: [{ text: 'Call back', dueDate: '' }] }), TODAY, 7);
    expect(r).toMatchObject({ ok: false, empty: true, errors: {} });
  });

  it('refuses names that are only separators, and notes that are only spaces', () => {
    expect(checkVisitForm(draft({ attendees: ' , ；\n', notes: '   ' }), TODAY, 7)).toMatchObject({ ok: false, empty: true });
  });

  it.each([
    ['attendees', { attendees: 'Li Lei' }],
    ['a checklist item', { checklistDone: ['team.team'] }],
    ['a note', { notes: 'Quick call with the team' }],
  ])('accepts a visit with %s', (_name, over) => {
    expect(checkVisitForm(draft(over), TODAY, 7).ok).toBe(true);
  });

  it('reports field errors and emptiness together, so one save names everything to fix', () => {
    const r = checkVisitForm(draft({ durationMin: '0' }), TODAY, 7);
    expect(r).toEqual({ ok: false, errors: { durationMin: 'durationInvalid' }, empty: true });
    expect(checkVisitForm(draft({ durationMin: '0', notes: 'x' }), TODAY, 7)).toEqual({ ok: false, errors: { durationMin: 'durationInvalid' }, empty: false });
  });

  it('gives a follow-up typed without a date the usual number of days after the visit', () => {
    const r = checkVisitForm(draft({ date: '2026-11-20', notes: 'x', followUps: [{ text: 'Send the deck', dueDate: '' }] }), TODAY, 10);
    expect(r.ok && r.value.followUps).toEqual([{ text: 'Send the deck', dueDate: '2026-11-30' }]);
  });

  it('never accepts a visit without content, whatever else is typed (property)', () => {
    const noNames = fc.constantFrom('', ' ', ',', ' ; ', '\n', '，');
    const noNote = fc.constantFrom('', ' ', '\n\t', '\u3000');
    fc.assert(fc.property(noNames, noNote, fc.boolean(), fc.integer({ min: 1, max: 600 }), (attendees, notes, bossMet, minutes) => {
      const r = checkVisitForm(draft({ attendees, notes, bossMet, durationMin: String(minutes) }), TODAY, 7);
      return !r.ok && r.empty;
    }));
  });
});

describe('editing a stored visit', () => {
  it('fills the form with the visit and, unchanged, gives it back as it was', () => {
    const d = draftOfVisit(stored);
    expect(d).toMatchObject({ date: '2026-11-20', durationMin: '75', attendees: '王经理, Ops lead', bossMet: true, sentiment: 'yellow', sentimentReason: 'two plants late' });
    const r = checkVisitForm(d, TODAY, 7);
    expect(r.ok && r.value).toEqual(visitFields(stored));
    expect(r.ok && visitPatch(stored, r.value)).toEqual({});
  });

  it('sends only the fields that changed, and an emptied note as empty', () => {
    const r = checkVisitForm({ ...draftOfVisit(stored), durationMin: '90', notes: '', sentiment: 'green', sentimentReason: '' }, TODAY, 7);
    expect(r.ok && visitPatch(stored, r.value)).toEqual({ durationMin: 90, notes: '', sentiment: { band: 'green' } });
  });

  it('keeps a stored read when the form has none (a read is changed, never cleared by an edit)', () => {
    const r = checkVisitForm({ ...draftOfVisit(stored), sentiment: '', sentimentReason: '' }, TODAY, 7);
    expect(r.ok && visitPatch(stored, r.value)).toEqual({});
  });

  it('puts back only the person’s fields on undo, never ids, versions or stamps', () => {
    expect(visitFields(stored)).toEqual({
      date: '2026-11-20', durationMin: 75, attendees: ['王经理', 'Ops lead'], bossMet: true, checklistDone: ['boss.month'], notes: 'Rollout on track',
      followUps: [{ text: 'Send the SSO guide', dueDate: '2026-11-27' }], sentiment: { band: 'yellow', reason: 'two plants late' },
    });
  });
});
