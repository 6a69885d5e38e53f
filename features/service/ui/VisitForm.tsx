import { useState, type FormEvent } from 'react';
import { localDate } from '../../../shared/dates/local-date';
import type { MessageKey } from '../../../shared/i18n';
import { createRecordVia, updateRecordVia } from '../../../platform/panel/data-client';
import type { ServiceVisit } from '../../../data/model/records';
import { CHECKLIST_SECTIONS, type ChecklistItem, type ServiceSettings } from '../settings';
import type { VisitDraft, VisitField } from '../visit-input';
import { blankVisitDraft, checkVisitForm, draftOfVisit, visitPatch } from '../visit-form';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { FormMessage, saveFailed } from '../../../shared/ui/FormMessage';
import { BANDS } from '../../../data/model/common';

/** A checklist item in the user's words: the default items are worded by the catalogue. */
export function useItemLabel() {
  const { t } = useTr();
  return (item: ChecklistItem) => item.label ?? t(`checklist.item.${item.id}` as MessageKey);
}

const blankFollowUp = { text: '', dueDate: '' };

/**
 * Logs a service visit: the full form in the panel, or the quick one in the
 * toolbar popup (date, length, attendees, boss, the CSM's read, notes, a
 * follow-up). With `visit`, the same form edits that stored visit. A visit
 * with no attendee, checklist item or note is refused (visit-form.ts).
 * Each follow-up becomes a call to action with its due date once saved; the
 * read (green, yellow, red, with a one-line reason) is a health dimension.
 */
export function VisitForm({ accountId, now, settings, quick = false, visit, onSaved, onCancel }: {
  accountId: string;
  now: Date;
  settings: ServiceSettings;
  quick?: boolean;
  /** The stored visit being edited; absent for a new visit. */
  visit?: ServiceVisit;
  onSaved?: () => void;
  onCancel?: () => void;
}) {
  const tr = useTr();
  const { t } = tr;
  const label = useItemLabel();
  const today = localDate(now);
  const fresh = (): VisitDraft => (visit ? draftOfVisit(visit) : blankVisitDraft(today));
  const [draft, setDraft] = useState<VisitDraft>(fresh);
  const [errors, setErrors] = useState<Partial<Record<VisitField, string>>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const set = (patch: Partial<VisitDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setFollowUp = (i: number, patch: Partial<{ text: string; dueDate: string }>) =>
    setDraft((d) => ({ ...d, followUps: d.followUps.map((f, j) => (j === i ? { ...f, ...patch } : f)) }));
  const id = (name: string) => `${quick ? 'qv' : visit ? 'edit' : 'visit'}-${name}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkVisitForm(draft, today, settings.followUpDays);
    if (!checked.ok) {
      setErrors(Object.fromEntries(Object.entries(checked.errors).map(([k, code]) => [k, t(`visit.error.${code}` as MessageKey)])));
      const fields = Object.keys(checked.errors).length > 0;
      setStatus({ ok: false, text: fields ? t('visit.fix') : t(quick ? 'visit.emptyQuick' : 'visit.error.empty') });
      return;
    }
    setErrors({});
    try {
      if (visit) {
        const patch = visitPatch(visit, checked.value);
        if (Object.keys(patch).length === 0) return setStatus({ ok: true, text: t('visit.unchanged') });
        await updateRecordVia('visits', visit, patch);
        setStatus({ ok: true, text: t('visit.updated') });
      } else {
        await createRecordVia('visits', { accountId, ...checked.value });
        setDraft(fresh());
        setStatus({ ok: true, text: checked.value.followUps.length > 0 ? t('visit.savedWithFollowUps', { n: checked.value.followUps.length }) : t('visit.saved') });
      }
      onSaved?.();
    } catch (err) {
      setStatus({ ok: false, text: saveFailed(t, err) });
    }
  };

  const field = (name: VisitField) => ({ 'aria-invalid': errors[name] ? true : undefined, 'aria-describedby': errors[name] ? id(`${name}-error`) : undefined });
  const error = (name: VisitField) => errors[name] && <span className="error" id={id(`${name}-error`)}>{errors[name]}</span>;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate
      aria-label={visit ? t('visit.editTitle', { date: formatDate(visit.date, tr.locale) }) : t(quick ? 'visit.quickTitle' : 'visit.title')}>
      <label htmlFor={id('date')}>{t('visit.date')}</label>
      <input id={id('date')} type="date" value={draft.date} max={today} onChange={(e) => set({ date: e.target.value })} {...field('date')} />
      {error('date')}
      <label htmlFor={id('duration')}>{t('visit.duration')}</label>
      <input id={id('duration')} inputMode="numeric" value={draft.durationMin} onChange={(e) => set({ durationMin: e.target.value })} {...field('durationMin')} />
      {error('durationMin')}
      <label htmlFor={id('attendees')}>{t('visit.attendees')}</label>
      <input id={id('attendees')} value={draft.attendees} placeholder={t('visit.attendeesHint')} onChange={(e) => set({ attendees: e.target.value })} {...field('attendees')} />
      {error('attendees')}
      <label className="choice">
        <input type="checkbox" checked={draft.bossMet} onChange={(e) => set({ bossMet: e.target.checked })} /> {t('visit.bossMet')}
      </label>
      {!quick &&
        CHECKLIST_SECTIONS.map((section) => (
          <fieldset key={section} className="checklist">
            <legend>{t(`checklist.section.${section}` as MessageKey)}</legend>
            {settings.checklist[section].map((item) => (
              <label key={item.id} className="choice">
                <input
                  type="checkbox"
                  checked={draft.checklistDone.includes(item.id)}
                  onChange={(e) => set({ checklistDone: e.target.checked ? [...draft.checklistDone, item.id] : draft.checklistDone.filter((x) => x !== item.id) })}
                />{' '}
                {label(item)}
              </label>
            ))}
          </fieldset>
        ))}
      <fieldset className="sentiment" aria-describedby={errors.sentiment ? id('sentiment-error') : undefined}>
        <legend>{t('visit.sentiment')}</legend>
        {BANDS.map((band) => (
          <label key={band} className="choice">
            <input type="radio" name={id('sentiment')} value={band} checked={draft.sentiment === band} onChange={() => set({ sentiment: band })} />{' '}
            <span className={`badge band-${band}`}>{t(`band.${band}`)}</span>
          </label>
        ))}
        {visit?.sentiment ? (
          <p className="muted small">{t('visit.sentimentKept')}</p>
        ) : draft.sentiment && (
          <button type="button" className="link" onClick={() => set({ sentiment: '' })}>{t('visit.sentimentClear')}</button>
        )}
        {error('sentiment')}
        <label htmlFor={id('sentimentReason')}>{t('visit.sentimentReason')}</label>
        <input id={id('sentimentReason')} maxLength={200} value={draft.sentimentReason} placeholder={t('visit.sentimentReasonHint')}
          onChange={(e) => set({ sentimentReason: e.target.value })} {...field('sentimentReason')} />
        {error('sentimentReason')}
      </fieldset>
      <label htmlFor={id('notes')}>{t('visit.notes')}</label>
      <textarea id={id('notes')} rows={quick ? 2 : 3} value={draft.notes} onChange={(e) => set({ notes: e.target.value })} />
      <fieldset className="followups">
        <legend>{t('visit.followUps')}</legend>
        {draft.followUps.map((f, i) => (
          <div key={i} className="followup">
            <input aria-label={t('visit.followUpText', { n: i + 1 })} placeholder={t('visit.followUpPlaceholder')} value={f.text}
              onChange={(e) => setFollowUp(i, { text: e.target.value })} {...field(`followUp.${i}.text`)} />
            <input type="date" aria-label={t('visit.followUpDue', { n: i + 1 })} value={f.dueDate}
              onChange={(e) => setFollowUp(i, { dueDate: e.target.value })} {...field(`followUp.${i}.dueDate`)} />
            {error(`followUp.${i}.text`)}
            {error(`followUp.${i}.dueDate`)}
          </div>
        ))}
        {!quick && draft.followUps.length < 20 && (
          <button type="button" className="link" onClick={() => set({ followUps: [...draft.followUps, { ...blankFollowUp }] })}>
            {t('visit.addFollowUp')}
          </button>
        )}
        <p className="muted small">{t('visit.followUpHint', { days: settings.followUpDays })}</p>
      </fieldset>
      <button type="submit" className="primary">{t(visit ? 'visit.saveChanges' : 'visit.save')}</button>
      {onCancel && <button type="button" onClick={onCancel}>{t('visit.cancelEdit')}</button>}
      <FormMessage message={status} />
    </form>
  );
}
