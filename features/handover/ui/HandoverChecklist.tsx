import { useEffect, useState } from 'react';
import {
  canSubmit, csInvolvement, formOf, handoverCompleteness, handoverFields, handoverId,
  REQUIRED_FOR_SUBMIT, type HandoverForm, type InvolvementThresholds,
} from '..';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { Handover } from '../../../data/model/records';
import { putRecordVia } from '../../../platform/panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';
import { saveFailed, FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import { DealSource } from './DealSource';
import { InvolvementCard } from './InvolvementCard';

/**
 * Sales' delivery checklist for the CSM, with its completeness meter, saved as
 * a draft or submitted; beside it, when CS should have joined the sale, read
 * from the checklist as it is being filled in.
 */
/** What the checklist form owns on the handover record. */
const FORM_FIELDS = ['basics', 'bought', 'technical', 'outcomes', 'keyPeople', 'promises', 'fitRisks', 'salesCycleDays', 'implementationWeeks'] as const;

export function HandoverChecklist({ account, handover, thresholds }: {
  account: Account;
  handover: Handover | undefined;
  thresholds?: InvolvementThresholds | undefined;
}) {
  const { t } = useTr();
  const [form, setForm] = useState<HandoverForm>(() => formOf(handover));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<FormNote>(null);
  // Another device (or the popup's quick handover) changed it: show the stored version.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setForm(formOf(handover)), [handover?.updatedAt]);

  const parsed = handoverFields(form);
  const current: Partial<Handover> = parsed.ok ? parsed.value : (handover ?? {});
  const completeness = handoverCompleteness(current);
  const ready = canSubmit(completeness);
  const involvement = csInvolvement({
    ...(current.bought?.value !== undefined ? { value: current.bought.value, currency: handover?.deal?.currency ?? account.currency } : {}),
    ...(current.salesCycleDays !== undefined ? { salesCycleDays: current.salesCycleDays } : {}),
    ...(current.implementationWeeks !== undefined ? { implementationWeeks: current.implementationWeeks } : {}),
  }, thresholds);
  const status = handover?.status ?? 'draft';
  const editable = status === 'draft' || status === 'returned';

  const save = async (next: Handover['status']) => {
    if (!parsed.ok) {
      setErrors(Object.fromEntries(Object.entries(parsed.errors).map(([k, code]) => [k, t(`handover.error.${code}` as MessageKey)])));
      return setMessage({ ok: false, text: t('handover.fix') });
    }
    setErrors({});
    if (next === 'submitted' && !ready) return setMessage({ ok: false, text: t('handover.notReady') });
    // The form owns these fields: what it leaves empty is removed. The background stamps a submission and,
    // on the first one, puts its promises into the ledger (platform/background/record-commands.ts).
    const fields = { ...parsed.value, status: next, origin: 'full' as const };
    const unset = [...FORM_FIELDS.filter((f) => !(f in parsed.value) || parsed.value[f] === undefined), ...(next === 'submitted' ? (['questions'] as const) : [])];
    try {
      await putRecordVia('handovers', { id: handover?.id ?? handoverId(account.id), accountId: account.id, ...(handover?.version !== undefined ? { version: handover.version } : {}) },
        JSON.parse(JSON.stringify(fields)) as Partial<Handover>, { unset, ...(next === 'submitted' ? { stamp: ['submittedAt'] as const } : {}) });
      setMessage({ ok: true, text: t(next === 'submitted' ? 'handover.submitted' : 'handover.savedDraft') });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };

  const person = (i: number, patch: Partial<HandoverForm['people'][number]>) =>
    setForm({ ...form, people: form.people.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const text = (key: Exclude<keyof HandoverForm, 'people'>, multiline = false, hint?: MessageKey) => {
    const id = `ho-${key}`;
    const err = errors[key];
    return (
      <>
        <label htmlFor={id}>{t(`handover.field.${key}` as MessageKey)}</label>
        {multiline ? (
          <textarea id={id} rows={3} value={form[key]} readOnly={!editable} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
        ) : (
          <input id={id} value={form[key]} readOnly={!editable} onChange={(e) => setForm({ ...form, [key]: e.target.value })}
            aria-invalid={err ? true : undefined} aria-describedby={err ? `${id}-error` : undefined} />
        )}
        {hint && <span className="muted small">{t(hint)}</span>}
        {err && <span className="error" id={`${id}-error`}>{err}</span>}
      </>
    );
  };

  return (
    <>
      <section className="card" aria-labelledby="handover-title">
        <h2 id="handover-title">{t('handover.title')}</h2>
        <p>
          <span className={`badge handover-${handover ? status : 'none'}`}>{t(handover ? (`handover.status.${status}` as MessageKey) : 'handover.status.none')}</span>
          {handover?.origin === 'quick' && status === 'draft' && <span className="muted"> · {t('handover.quickDraft')}</span>}
          {handover?.author && <span className="muted" data-testid="handover-author"> · {t('common.writtenBy', { who: handover.author })}</span>}
          {handover?.updatedBy && handover.updatedBy !== handover.author && (
            <span className="muted" data-testid="handover-updated-by"> · {t('handover.updatedBy', { who: handover.updatedBy })}</span>
          )}
          {handover?.decidedBy && (status === 'accepted' || status === 'returned') && (
            <span className="muted"> · {t('handover.decidedBy', { who: handover.decidedBy })}</span>
          )}
        </p>
        {handover?.deal && <DealSource deal={handover.deal} />}
        <div className="meter">
          <progress max={100} value={completeness.percent} aria-label={t('handover.completeness')} />
          <span data-testid="handover-percent">{t('handover.percent', { n: completeness.percent })}</span>
        </div>
        {completeness.missing.length > 0 && (
          <p className="muted small">
            {t('handover.missing')} {completeness.missing.map((m) => t(`handover.item.${m}` as MessageKey)).join(t('list.sep'))}
          </p>
        )}
        {status === 'returned' && handover?.questions && (
          <p className="banner" role="note">{t('handover.questionsFromCsm', { questions: handover.questions })}</p>
        )}
        <form onSubmit={(e) => e.preventDefault()} noValidate>
          <fieldset>
            <legend>{t('handover.section.basics')}</legend>
            {text('industry')}
            {text('size')}
            {text('locations')}
          </fieldset>
          <fieldset>
            <legend>{t('handover.section.bought')}</legend>
            {text('products')}
            {text('seats')}
            {text('termMonths')}
            {text('value')}
          </fieldset>
          <fieldset>
            <legend>{t('handover.section.technical')}</legend>
            {text('technical', true)}
          </fieldset>
          <fieldset>
            <legend>{t('handover.section.outcomes')}</legend>
            {text('outcomes', true, 'handover.hint.outcomes')}
          </fieldset>
          <fieldset>
            <legend>{t('handover.section.people')}</legend>
            {form.people.map((p, i) => (
              <div key={i} className="person">
                <select aria-label={t('handover.personRole', { n: i + 1 })} value={p.role} disabled={!editable}
                  onChange={(e) => person(i, { role: e.target.value as HandoverForm['people'][number]['role'] })}>
                  {(['boss', 'champion', 'user', 'other'] as const).map((r) => <option key={r} value={r}>{t(`handover.role.${r}` as MessageKey)}</option>)}
                </select>
                <input aria-label={t('handover.personName', { n: i + 1 })} placeholder={t('handover.name')} value={p.name} readOnly={!editable}
                  onChange={(e) => person(i, { name: e.target.value })} aria-invalid={errors[`person.${i}`] ? true : undefined} />
                <input aria-label={t('handover.personContact', { n: i + 1 })} placeholder={t('handover.contact')} value={p.contact} readOnly={!editable}
                  onChange={(e) => person(i, { contact: e.target.value })} />
                {errors[`person.${i}`] && <span className="error">{errors[`person.${i}`]}</span>}
              </div>
            ))}
            {editable && form.people.length < 50 && (
              <button type="button" className="link" onClick={() => setForm({ ...form, people: [...form.people, { role: form.people.some((p) => p.role === 'boss') ? 'champion' : 'boss', name: '', contact: '' }] })}>
                {t('handover.addPerson')}
              </button>
            )}
          </fieldset>
          <fieldset>
            <legend>{t('handover.section.promises')}</legend>
            {text('promises', true, 'handover.hint.promises')}
          </fieldset>
          <fieldset>
            <legend>{t('handover.section.risks')}</legend>
            {text('fitRisks', true, 'handover.hint.lines')}
          </fieldset>
          <fieldset>
            <legend>{t('handover.section.deal')}</legend>
            {text('salesCycleDays')}
            {text('implementationWeeks')}
          </fieldset>
          {editable && (
            <div className="row">
              <button type="button" onClick={() => void save('draft')}>{t('handover.saveDraft')}</button>
              <button type="button" className="primary" onClick={() => void save('submitted')}>{t('handover.submit')}</button>
            </div>
          )}
          {editable && !ready && (
            <p className="muted small">{t('handover.required', { items: REQUIRED_FOR_SUBMIT.map((m) => t(`handover.item.${m}` as MessageKey)).join(t('list.sep')) })}</p>
          )}
          <FormMessage message={message} />
        </form>
      </section>
      <InvolvementCard reasons={involvement.reasons} when={involvement.when} />
    </>
  );
}
