import { useState, type FormEvent } from 'react';
import { isIsoDate, localDate } from '../../../shared/dates/local-date';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import { CHURN_ROOT_CAUSES, CHURN_SYMPTOMS } from '../../../data/model/records';
import { writeRecordVia } from '../../../platform/panel/data-client';
import { useTr } from '../../../shared/i18n/I18n';
import { saveFailed, FormMessage } from '../../../shared/ui/FormMessage';

type Kind = 'renewed' | 'churned' | 'will_not_renew';

/**
 * Records how the renewal went: renewed (with the new value, for NRR and GRR),
 * churned, or a signal that the customer will not renew, each with the
 * symptom and the root cause (they differ, and only the cause is ours to fix).
 */
export function OutcomeForm({ account, now }: { account: Account; now: Date }) {
  const { t } = useTr();
  const [kind, setKind] = useState<Kind>('renewed');
  const [date, setDate] = useState(localDate(now));
  const [newArr, setNewArr] = useState(account.arr !== undefined ? String(account.arr) : '');
  const [symptom, setSymptom] = useState<string>('');
  const [rootCause, setRootCause] = useState<string>('');
  const [notes, setNotes] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const arr = Number(newArr);
    if (!isIsoDate(date) || (kind === 'renewed' && !(newArr.trim() !== '' && arr >= 0)) || (kind !== 'renewed' && (!symptom || !rootCause))) {
      return setMessage({ ok: false, text: t('outcome.invalid') });
    }
    const stamp = new Date().toISOString();
    try {
      await writeRecordVia('outcomes', {
        id: crypto.randomUUID(), accountId: account.id, createdAt: stamp, updatedAt: stamp, kind, date,
        ...(account.arr !== undefined ? { previousArr: account.arr } : {}),
        ...(kind === 'renewed' ? { newArr: arr } : kind === 'churned' ? { newArr: 0 } : {}),
        ...(kind !== 'renewed' ? { symptom, rootCause } : {}),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      setMessage({ ok: true, text: t(`outcome.saved.${kind}` as MessageKey) });
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
