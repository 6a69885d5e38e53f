import { useState, type FormEvent } from 'react';
import { isIsoDate, localDate } from '../lib/dates/local-date';
import type { Account } from '../lib/model/account';
import { useRecords, writeRecordVia } from '../lib/panel/data-client';
import { formatDate } from './format';
import { useTr } from './I18n';

/** The account's open calls to action, and a quick way to add one by hand. */
export function NextSteps({ account, now }: { account: Account; now: Date }) {
  const tr = useTr();
  const { t } = tr;
  const ctas = useRecords('ctas', account.id);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState('');
  const today = localDate(now);
  const open = (ctas ?? []).filter((c) => c.status !== 'closed').sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !isIsoDate(due)) return setError(t('steps.invalid'));
    const id = crypto.randomUUID();
    const stamp = new Date().toISOString();
    try {
      await writeRecordVia('ctas', {
        id, accountId: account.id, createdAt: stamp, updatedAt: stamp, source: 'manual', cause: `manual:${id}`,
        title: title.trim(), dueDate: due, status: 'open',
      });
      setTitle('');
      setDue('');
      setError('');
    } catch (err) {
      setError(t('form.saveFailed', { reason: err instanceof Error ? err.message : String(err) }));
    }
  };
  const close = (c: (typeof open)[number]) =>
    void writeRecordVia('ctas', { ...c, status: 'closed', updatedAt: new Date().toISOString() }).catch((err: unknown) => setError(String(err)));

  return (
    <section className="card" aria-labelledby="steps-title">
      <h2 id="steps-title">{t('steps.title')}</h2>
      {ctas === undefined ? (
        <p className="muted">{t('panel.loading')}</p>
      ) : open.length === 0 ? (
        <p className="muted">{t('steps.none')}</p>
      ) : (
        <ul className="steps">
          {open.map((c) => (
            <li key={c.id} className={c.dueDate < today ? 'overdue' : ''}>
              <span>{c.title}</span> <span className="muted">· {formatDate(c.dueDate, tr.locale)}</span>{' '}
              <button type="button" className="link" onClick={() => close(c)} aria-label={t('steps.doneLabel', { title: c.title })}>
                {t('steps.done')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void add(e)} className="inline-form" noValidate>
        <label htmlFor="step-title">{t('steps.new')}</label>
        <input id="step-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <label htmlFor="step-due">{t('steps.due')}</label>
        <input id="step-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit">{t('steps.add')}</button>
      </form>
    </section>
  );
}
