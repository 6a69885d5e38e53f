import type { IsoDate } from '../../shared/dates/local-date';
import { plusDays } from '../../shared/dates/week';
import type { ServiceVisit } from '../../data/model/records';
import { checkVisit, type VisitDraft, type VisitError, type VisitField } from './visit-input';

/** The fields a person writes on a visit: what the form shows, edits and puts back on undo. */
export type VisitFields = Pick<ServiceVisit, 'date' | 'durationMin' | 'attendees' | 'bossMet' | 'checklistDone' | 'notes' | 'followUps' | 'sentiment'>;
const FIELD_NAMES = ['date', 'durationMin', 'attendees', 'bossMet', 'checklistDone', 'notes', 'followUps', 'sentiment'] as const satisfies readonly (keyof VisitFields)[];

/**
 * A visit says what happened: who was there, a checklist item done, or a note.
 * A date and a length alone describe nothing, and the monthly report would
 * still tell the boss about it.
 */
export const visitHasContent = (v: Pick<ServiceVisit, 'attendees' | 'checklistDone' | 'notes'>): boolean =>
  v.attendees.length > 0 || v.checklistDone.length > 0 || (v.notes ?? '').trim() !== '';

export type VisitFormResult =
  | { ok: true; value: VisitFields }
  | { ok: false; errors: Partial<Record<VisitField, VisitError>>; empty: boolean };

/**
 * The visit form checked as saved, in the panel and in the popup: a follow-up
 * typed without a date is due `followUpDays` after the visit, every field is
 * checked (visit-input.ts), and a visit with no content is refused (`empty`).
 */
export function checkVisitForm(draft: VisitDraft, today: IsoDate, followUpDays: number): VisitFormResult {
  const dated = /^\d{4}-\d{2}-\d{2}$/.test(draft.date.trim());
  const followUps = draft.followUps.map((f) => (f.text.trim() && !f.dueDate.trim() && dated ? { ...f, dueDate: plusDays(draft.date.trim(), followUpDays) } : f));
  const checked = checkVisit({ ...draft, followUps }, today);
  const empty = checked.ok ? !visitHasContent(checked.value) : !draft.attendees.trim() && draft.checklistDone.length === 0 && !draft.notes.trim();
  if (!checked.ok) return { ok: false, errors: checked.errors, empty };
  if (empty) return { ok: false, errors: {}, empty };
  return { ok: true, value: checked.value };
}

/** A blank form for a new visit on `today`: one empty follow-up row, no read. */
export const blankVisitDraft = (today: IsoDate): VisitDraft => ({
  date: today, durationMin: '60', attendees: '', bossMet: false, checklistDone: [], notes: '', followUps: [{ text: '', dueDate: '' }], sentiment: '', sentimentReason: '',
});

/** A stored visit as the form shows it, for editing. */
export const draftOfVisit = (v: ServiceVisit): VisitDraft => ({
  date: v.date,
  durationMin: String(v.durationMin),
  attendees: v.attendees.join(', '),
  bossMet: v.bossMet,
  checklistDone: [...v.checklistDone],
  notes: v.notes ?? '',
  followUps: v.followUps.length > 0 ? v.followUps.map((f) => ({ ...f })) : [{ text: '', dueDate: '' }],
  sentiment: v.sentiment?.band ?? '',
  sentimentReason: v.sentiment?.reason ?? '',
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only the fields the person changed, so an edit merges field by field with
 * what others changed meanwhile. Notes emptied are stored empty; a stored read
 * can be changed but not taken away (the form offers no way to clear it).
 */
export function visitPatch(before: ServiceVisit, after: VisitFields): Partial<VisitFields> {
  const patch: Partial<VisitFields> = {};
  const set = <K extends keyof VisitFields>(k: K, v: VisitFields[K]) => { patch[k] = v; };
  for (const k of FIELD_NAMES) {
    if (k === 'notes') {
      if ((before.notes ?? '') !== (after.notes ?? '')) set('notes', after.notes ?? '');
    } else if (k === 'sentiment') {
      if (after.sentiment && !same(before.sentiment, after.sentiment)) set('sentiment', after.sentiment);
    } else if (!same(before[k], after[k])) set(k, after[k]);
  }
  return patch;
}

/** The person's fields of a stored visit: what an undo writes back at its id. */
export function visitFields(v: ServiceVisit): VisitFields {
  const out: Partial<VisitFields> = {};
  for (const k of FIELD_NAMES) if (v[k] !== undefined) (out as Record<string, unknown>)[k] = v[k];
  return out as VisitFields;
}
