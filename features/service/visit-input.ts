import { isIsoDate, type IsoDate } from '../../shared/dates/local-date';
import type { ServiceVisit } from '../../data/model/records';
import type { Band } from '../../data/model/common';

/** What a visit form holds: text as typed, so validation can name the field. */
export interface VisitDraft {
  date: string;
  durationMin: string;
  attendees: string;
  bossMet: boolean;
  checklistDone: string[];
  notes: string;
  followUps: { text: string; dueDate: string }[];
  /** The CSM's read of the account ('' when not given) and its one-line reason. */
  sentiment?: Band | '';
  sentimentReason?: string;
}

export type VisitField = 'date' | 'durationMin' | 'attendees' | 'sentiment' | 'sentimentReason' | `followUp.${number}.text` | `followUp.${number}.dueDate`;
/** Why a field is refused; the UI words each code in the user's language (visit.error.<code>). */
export type VisitError = 'dateInvalid' | 'dateFuture' | 'durationInvalid' | 'attendeesTooMany' | 'followUpText' | 'followUpDue' | 'followUpBeforeVisit' | 'sentimentMissing' | 'sentimentReason';

export const MAX_VISIT_MINUTES = 600;

/** Names separated by commas (ASCII or Chinese), semicolons or new lines. */
export const splitNames = (s: string): string[] => s.split(/[,，;；\n]/).map((x) => x.trim()).filter(Boolean);

/**
 * Checks a visit form. A visit is logged once it happened: today or earlier.
 * Blank follow-up rows are dropped; a row with words needs a due date on or
 * after the visit. Answers the record's fields, or every error by field.
 */
export function checkVisit(
  draft: VisitDraft,
  today: IsoDate,
): { ok: true; value: Pick<ServiceVisit, 'date' | 'durationMin' | 'attendees' | 'bossMet' | 'checklistDone' | 'notes' | 'followUps' | 'sentiment'> } | { ok: false; errors: Partial<Record<VisitField, VisitError>> } {
  const errors: Partial<Record<VisitField, VisitError>> = {};
  const date = draft.date.trim();
  if (!isIsoDate(date)) errors.date = 'dateInvalid';
  else if (date > today) errors.date = 'dateFuture';
  const minutes = Number(draft.durationMin);
  if (!/^\d+$/.test(draft.durationMin.trim()) || minutes < 1 || minutes > MAX_VISIT_MINUTES) errors.durationMin = 'durationInvalid';
  const attendees = splitNames(draft.attendees);
  if (attendees.length > 100 || attendees.some((a) => a.length > 200)) errors.attendees = 'attendeesTooMany';
  const followUps: { text: string; dueDate: string }[] = [];
  draft.followUps.forEach((f, i) => {
    const text = f.text.trim();
    const due = f.dueDate.trim();
    if (!text && !due) return;
    if (!text || text.length > 1000) errors[`followUp.${i}.text`] = 'followUpText';
    if (!isIsoDate(due)) errors[`followUp.${i}.dueDate`] = 'followUpDue';
    else if (isIsoDate(date) && due < date) errors[`followUp.${i}.dueDate`] = 'followUpBeforeVisit';
    followUps.push({ text, dueDate: due });
  });
  // The read is optional; a reason alone has no read to explain, and a reason is one short line.
  const reason = (draft.sentimentReason ?? '').trim();
  if (reason && !draft.sentiment) errors.sentiment = 'sentimentMissing';
  if (reason.length > 200 || /[\r\n]/.test(reason)) errors.sentimentReason = 'sentimentReason';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const notes = draft.notes.trim().slice(0, 10_000);
  const sentiment = draft.sentiment ? { sentiment: { band: draft.sentiment, ...(reason ? { reason } : {}) } } : {};
  return {
    ok: true,
    value: { date, durationMin: minutes, attendees, bossMet: draft.bossMet, checklistDone: [...new Set(draft.checklistDone)], ...(notes ? { notes } : {}), followUps, ...sentiment },
  };
}
