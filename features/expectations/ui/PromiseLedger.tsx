import { useState, type FormEvent } from 'react';
import { isIsoDate, localDate } from '../../../shared/dates/local-date';
import { promiseRisk } from '../risks';
import type { MessageKey } from '../../../shared/i18n';
import { PROMISE_DELIVERABLE, type PromiseRecord } from '../../../data/model/records';
import { createRecordVia, updateRecordVia } from '../../../platform/panel/data-client';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { saveFailed } from '../../../shared/ui/FormMessage';
import { ConflictNotice } from '../../../shared/ui/ConflictNotice';
import { JUDGEMENTS, JudgePromise } from './JudgePromise';

const PROMISE_LABELS: Partial<Record<string, MessageKey>> = {
  text: 'promises.text', promisedBy: 'promises.promisedBy', promisedAt: 'promises.promisedAt', deliverable: 'promises.deliverable',
  dueDate: 'promises.dueDate', notes: 'promises.notes',
};

const STATUS = ['open', 'kept', 'reset', 'broken'] as const;

/** Unassessed promises first (they wait on the CSM's judgement), then by due date. */
const byJudgementThenDue = (a: PromiseRecord, b: PromiseRecord) =>
  Number(b.deliverable === 'unassessed') - Number(a.deliverable === 'unassessed') || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999');

/**
 * What was promised at signing, and where each promise stands. A promise
 * known not to be deliverable, past due and open, or still not assessed two
 * weeks after signing (`signedAt`), is flagged as a risk: it follows the
 * account to renewal.
 */
export function PromiseLedger({ accountId, promises, now, signedAt }: { accountId: string; promises: PromiseRecord[]; now: Date; signedAt?: string }) {
  const tr = useTr();
  const { t } = tr;
  const today = localDate(now);
  const live = promises.filter((p) => !p.deleted).sort(byJudgementThenDue);
  const risks = live.filter((p) => promiseRisk(p, today, signedAt));
  const unassessed = live.some((p) => p.deliverable === 'unassessed');
  const [error, setError] = useState('');
  const update = (p: PromiseRecord, patch: Partial<PromiseRecord>) =>
    void updateRecordVia('promises', p, patch).catch((err: unknown) => setError(String(err)));

  return (
    <section className="card" aria-labelledby="promises-title">
      <h2 id="promises-title">{t('promises.title')}</h2>
      {risks.length > 0 && <p className="banner" role="note" data-testid="promise-risks">{tr.plural('promises.risks', risks.length)}</p>}
      {unassessed && <p className="muted small" data-testid="assess-hint">{t('promises.assessHint')}</p>}
      {live.length === 0 ? (
        <p className="muted">{t('promises.none')}</p>
      ) : (
        <ul className="ledger">
          {live.map((p) => {
            const risk = promiseRisk(p, today, signedAt);
            return (
              <li key={p.id} className={risk ? 'at-risk' : ''}>
                <p className="promise-text">{p.text}</p>
                <p className="muted small">
                  {[
                    p.promisedBy && t('promises.by', { who: p.promisedBy }),
                    p.promisedAt && t('promises.on', { date: formatDate(p.promisedAt, tr.locale) }),
                    p.dueDate && t('promises.due', { date: formatDate(p.dueDate, tr.locale) }),
                    p.author && t('common.writtenBy', { who: p.author }),
                  ].filter(Boolean).join(' · ')}
                </p>
                {risk && <p className="error">{t(`promises.risk.${risk}` as MessageKey)}</p>}
                {p.deliverable === 'unassessed' && <JudgePromise promise={p} onJudge={(deliverable) => update(p, { deliverable })} />}
                <div className="row">
                  {p.deliverable !== 'unassessed' && (
                    <select aria-label={t('promises.deliverableOf', { text: p.text.slice(0, 40) })} value={p.deliverable}
                      onChange={(e) => update(p, { deliverable: e.target.value as PromiseRecord['deliverable'] })}>
                      {JUDGEMENTS.map((d) => <option key={d} value={d}>{t(`promises.deliverable.${d}` as MessageKey)}</option>)}
                    </select>
                  )}
                  <select aria-label={t('promises.statusOf', { text: p.text.slice(0, 40) })} value={p.status}
                    onChange={(e) => update(p, { status: e.target.value as PromiseRecord['status'] })}>
                    {STATUS.map((s) => <option key={s} value={s}>{t(`promises.status.${s}` as MessageKey)}</option>)}
                  </select>
                </div>
                {p.notes && <p className="small">{p.notes}</p>}
                <ConflictNotice kind="promises" record={p} labels={PROMISE_LABELS} />
              </li>
            );
          })}
        </ul>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <AddPromise accountId={accountId} today={today} />
    </section>
  );
}

function AddPromise({ accountId, today }: { accountId: string; today: string }) {
  const { t } = useTr();
  // A promise written down from the sale is not yet assessed unless the CSM judges it here.
  const blank = { text: '', promisedBy: '', promisedAt: today, deliverable: 'unassessed' as PromiseRecord['deliverable'], dueDate: '', notes: '' };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<{ text?: string; dueDate?: string; promisedAt?: string }>({});
  const [status, setStatus] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!form.text.trim()) next.text = t('promises.error.text');
    if (form.dueDate && !isIsoDate(form.dueDate)) next.dueDate = t('promises.error.date');
    if (form.promisedAt && !isIsoDate(form.promisedAt)) next.promisedAt = t('promises.error.date');
    setErrors(next);
    if (Object.keys(next).length > 0) return setStatus('');
    try {
      await createRecordVia('promises', {
        accountId, text: form.text.trim(), deliverable: form.deliverable, status: 'open',
        ...(form.promisedBy.trim() ? { promisedBy: form.promisedBy.trim() } : {}),
        ...(form.promisedAt ? { promisedAt: form.promisedAt } : {}),
        ...(form.dueDate ? { dueDate: form.dueDate } : {}),
        ...(form.notes.trim() ? { notes: form.notes.trim() } : {}),
      });
      setForm(blank);
      setStatus(t('promises.saved'));
    } catch (err) {
      setStatus(saveFailed(t, err));
    }
  };
  const err = (k: keyof typeof errors) => errors[k] && <span className="error" id={`promise-${k}-error`}>{errors[k]}</span>;
  return (
    <details className="outcome">
      <summary>{t('promises.add')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="promise-text">{t('promises.text')}</label>
        <textarea id="promise-text" rows={2} value={form.text} onChange={(e) => setForm({ ...form, text: e.target.value })}
          aria-invalid={errors.text ? true : undefined} aria-describedby={errors.text ? 'promise-text-error' : undefined} />
        {err('text')}
        <label htmlFor="promise-by">{t('promises.promisedBy')}</label>
        <input id="promise-by" value={form.promisedBy} onChange={(e) => setForm({ ...form, promisedBy: e.target.value })} />
        <label htmlFor="promise-at">{t('promises.promisedAt')}</label>
        <input id="promise-at" type="date" value={form.promisedAt} onChange={(e) => setForm({ ...form, promisedAt: e.target.value })} aria-invalid={errors.promisedAt ? true : undefined} />
        {err('promisedAt')}
        <label htmlFor="promise-deliverable">{t('promises.deliverable')}</label>
        <select id="promise-deliverable" value={form.deliverable} onChange={(e) => setForm({ ...form, deliverable: e.target.value as PromiseRecord['deliverable'] })}>
          {PROMISE_DELIVERABLE.map((d) => <option key={d} value={d}>{t(`promises.deliverable.${d}` as MessageKey)}</option>)}
        </select>
        <label htmlFor="promise-due">{t('promises.dueDate')}</label>
        <input id="promise-due" type="date" value={form.dueDate} onChange={(e) => setForm({ ...form, dueDate: e.target.value })} aria-invalid={errors.dueDate ? true : undefined} />
        {err('dueDate')}
        <label htmlFor="promise-notes">{t('promises.notes')}</label>
        <input id="promise-notes" value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
        <button type="submit">{t('promises.save')}</button>
        {status && <p role="status">{status}</p>}
      </form>
    </details>
  );
}
