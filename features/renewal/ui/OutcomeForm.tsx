import { useEffect, useState, type FormEvent } from 'react';
import { isIsoDate, localDate } from '../../../shared/dates/local-date';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import { CHURN_ROOT_CAUSES, CHURN_SYMPTOMS } from '../../../data/model/records';
import { nextTermDraft, type Term } from '../../../data/model/terms';
import { recordTermOutcomeVia } from '../../../platform/panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';
import { formatDate } from '../../../shared/ui/format';
import { saveFailed, FormMessage } from '../../../shared/ui/FormMessage';

type Kind = 'renewed' | 'churned' | 'will_not_renew';

/**
 * Records how the current term went: renewed (the next term, prefilled from
 * this one: the day after its end, as long, at its value; for NRR and GRR),
 * churned (which closes the last term), or a signal that the customer will
 * not renew, each with the symptom and the root cause (they differ, and only
 * the cause is ours to fix).
 */
export function OutcomeForm({ account, term, now }: { account: Account; term: Term; now: Date }) {
  const tr = useTr();
  const { t } = tr;
  const draft = nextTermDraft(term);
  const [kind, setKind] = useState<Kind>('renewed');
  const [date, setDate] = useState(localDate(now));
  const [newArr, setNewArr] = useState(draft.value !== undefined ? String(draft.value) : '');
  const [start, setStart] = useState(draft.start);
  const [end, setEnd] = useState(draft.end);
  const [symptom, setSymptom] = useState<string>('');
  const [rootCause, setRootCause] = useState<string>('');
  const [notes, setNotes] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // A renewal makes the next term current: the form offers the one after it (the confirmation stays).
  useEffect(() => {
    setStart(draft.start);
    setEnd(draft.end);
    setNewArr(draft.value !== undefined ? String(draft.value) : '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [term.id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const arr = Number(newArr);
    if (!isIsoDate(date) || (kind === 'renewed' && !(newArr.trim() !== '' && arr >= 0)) || (kind !== 'renewed' && (!symptom || !rootCause))) {
      return setMessage({ ok: false, text: t('outcome.invalid') });
    }
    if (kind === 'renewed' && !(isIsoDate(start) && isIsoDate(end) && start > term.end && end >= start)) {
      return setMessage({ ok: false, text: t('outcome.nextInvalid', { end: formatDate(term.end, tr.locale) }) });
    }
    try {
      await recordTermOutcomeVia({
        accountId: account.id, kind, date,
        ...(kind === 'renewed' ? { next: { start, end, value: arr, ...(term.currency ? { currency: term.currency } : {}) } } : { symptom, rootCause }),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      setMessage({ ok: true, text: kind === 'renewed' ? t('outcome.savedRenewed', { end: formatDate(end, tr.locale) }) : t(`outcome.saved.${kind}` as MessageKey) });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };

  return (
    <details className="outcome">
      <summary>{t('outcome.title')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="outcome-kind">{t('outcome.kind')}</label>
        <select id="outcome-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {(['renewed', 'churned', 'will_not_renew'] as const).map((k) => <option key={k} value={k}>{t(`outcome.kind.${k}` as MessageKey)}</option>)}
        </select>
        <label htmlFor="outcome-date">{t('outcome.date')}</label>
        <input id="outcome-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        {kind === 'renewed' ? (
          <>
            <label htmlFor="outcome-start">{t('outcome.nextStart')}</label>
            <input id="outcome-start" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
            <label htmlFor="outcome-end">{t('outcome.nextEnd')}</label>
            <input id="outcome-end" type="date" value={end} onChange={(e) => setEnd(e.target.value)} />
            <label htmlFor="outcome-arr">{t('outcome.newArr')}</label>
            <input id="outcome-arr" inputMode="decimal" value={newArr} onChange={(e) => setNewArr(e.target.value)} />
          </>
        ) : (
          <>
            <label htmlFor="outcome-symptom">{t('outcome.symptom')}</label>
            <select id="outcome-symptom" value={symptom} onChange={(e) => setSymptom(e.target.value)}>
              <option value="">—</option>
              {CHURN_SYMPTOMS.map((s) => <option key={s} value={s}>{t(`outcome.symptom.${s}` as MessageKey)}</option>)}
            </select>
            <label htmlFor="outcome-cause">{t('outcome.rootCause')}</label>
            <select id="outcome-cause" value={rootCause} onChange={(e) => setRootCause(e.target.value)}>
              <option value="">—</option>
              {CHURN_ROOT_CAUSES.map((c) => <option key={c} value={c}>{t(`outcome.cause.${c}` as MessageKey)}</option>)}
            </select>
          </>
        )}
        <label htmlFor="outcome-notes">{t('outcome.notes')}</label>
        <input id="outcome-notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
        <button type="submit">{t('outcome.save')}</button>
        <FormMessage message={message} />
      </form>
    </details>
  );
}
