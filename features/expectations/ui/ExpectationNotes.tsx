import { useState, type FormEvent } from 'react';
import { isIsoDate, localDate } from '../../../shared/dates/local-date';
import { plusDays } from '../../../shared/dates/week';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { ExpectationNote } from '../../../data/model/records';
import { createRecordVia, updateRecordVia } from '../../../platform/panel/data-client';
import { addMonthsToDate } from '../../../shared/dates/calendar';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { saveFailed, FormMessage } from '../../../shared/ui/FormMessage';
import { ConflictNotice } from '../../../shared/ui/ConflictNotice';

/** The expectation-management timing (part of the service settings). */
export interface ExpectationTiming {
  resetWithinDays: number;
  reviewEveryMonths: number;
}

const NOTE_LABELS: Partial<Record<string, MessageKey>> = { text: 'notes.text', kind: 'notes.kind', audience: 'notes.audience', dueDate: 'notes.dueDate' };

type Kind = ExpectationNote['kind'];
type Audience = ExpectationNote['audience'];

/**
 * Expectation management: the short-term reset right after signing (lower
 * the expectations, keep the goal) and the long-term value reviewed with the
 * boss, each noted with its audience. Shows when the next of each is due.
 */
export function ExpectationNotes({ account, notes, settings, now }: { account: Account; notes: ExpectationNote[]; settings: ExpectationTiming; now: Date }) {
  const tr = useTr();
  const { t } = tr;
  const today = localDate(now);
  const live = notes.filter((n) => !n.deleted).sort((a, b) => (b.doneAt ?? b.dueDate ?? '').localeCompare(a.doneAt ?? a.dueDate ?? ''));
  const resetDone = live.find((n) => n.kind === 'short_term_reset' && n.doneAt);
  const resetDue = account.signedAt ? plusDays(account.signedAt, settings.resetWithinDays) : undefined;
  const lastReview = live.filter((n) => n.kind === 'long_term_value' && n.audience === 'boss' && n.doneAt).map((n) => n.doneAt!).sort().at(-1);
  const reviewBase = lastReview ?? account.signedAt ?? account.contractStart;
  const reviewDue = reviewBase ? addMonthsToDate(reviewBase, settings.reviewEveryMonths) : undefined;
  const [error, setError] = useState('');
  const markDone = (n: ExpectationNote) =>
    void updateRecordVia('notes', n, { doneAt: today }).catch((err: unknown) => setError(String(err)));

  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes.title')}</h2>
      <ul className="plain">
        <li>
          <strong>{t('notes.kind.short_term_reset')}</strong>{' '}
          {resetDone ? (
            <span className="ok">{t('notes.doneOn', { date: formatDate(resetDone.doneAt!, tr.locale) })}</span>
          ) : resetDue ? (
            <span className={resetDue < today ? 'error' : 'muted'}>{t('notes.dueBy', { date: formatDate(resetDue, tr.locale) })}</span>
          ) : (
            <span className="muted">{t('notes.noSigning')}</span>
          )}
        </li>
        <li>
          <strong>{t('notes.kind.long_term_value')}</strong>{' '}
          {reviewDue ? (
            <span className={reviewDue < today ? 'error' : 'muted'}>
              {t('notes.nextReview', { date: formatDate(reviewDue, tr.locale), months: settings.reviewEveryMonths })}
            </span>
          ) : (
            <span className="muted">{t('notes.noSigning')}</span>
          )}
        </li>
      </ul>
      {live.length === 0 ? (
        <p className="muted">{t('notes.none')}</p>
      ) : (
        <ul className="ledger">
          {live.map((n) => (
            <li key={n.id}>
              <p>{n.text}</p>
              <p className="muted small">
                {t(`notes.kind.${n.kind}` as MessageKey)} · {t(`notes.audience.${n.audience}` as MessageKey)}
                {n.author ? ` · ${t('common.writtenBy', { who: n.author })}` : ''}
                {n.doneAt ? ` · ${t('notes.doneOn', { date: formatDate(n.doneAt, tr.locale) })}` : n.dueDate ? ` · ${t('notes.dueBy', { date: formatDate(n.dueDate, tr.locale) })}` : ''}
              </p>
              {!n.doneAt && (
                <button type="button" className="link" onClick={() => markDone(n)} aria-label={t('notes.markDoneLabel', { text: n.text.slice(0, 40) })}>
                  {t('notes.markDone')}
                </button>
              )}
              <ConflictNotice kind="notes" record={n} labels={NOTE_LABELS} />
            </li>
          ))}
        </ul>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      <AddNote accountId={account.id} today={today} />
    </section>
  );
}

function AddNote({ accountId, today }: { accountId: string; today: string }) {
  const { t } = useTr();
  const [kind, setKind] = useState<Kind>('short_term_reset');
  const [audience, setAudience] = useState<Audience>('business_team');
  const [text, setText] = useState('');
  const [done, setDone] = useState(true);
  const [dueDate, setDueDate] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return setMessage({ ok: false, text: t('notes.error.text') });
    if (!done && dueDate && !isIsoDate(dueDate)) return setMessage({ ok: false, text: t('promises.error.date') });
    try {
      await createRecordVia('notes', {
        accountId, kind, audience, text: text.trim(),
        ...(done ? { doneAt: today } : dueDate ? { dueDate } : {}),
      });
      setText('');
      setMessage({ ok: true, text: t('notes.saved') });
    } catch (err) {
      setMessage({ ok: false, text: saveFailed(t, err) });
    }
  };
  return (
    <details className="outcome">
      <summary>{t('notes.add')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="note-kind">{t('notes.kind')}</label>
        <select id="note-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="short_term_reset">{t('notes.kind.short_term_reset')}</option>
          <option value="long_term_value">{t('notes.kind.long_term_value')}</option>
        </select>
        <p className="muted small">{t(`notes.hint.${kind}` as MessageKey)}</p>
        <label htmlFor="note-audience">{t('notes.audience')}</label>
        <select id="note-audience" value={audience} onChange={(e) => setAudience(e.target.value as Audience)}>
          <option value="boss">{t('notes.audience.boss')}</option>
          <option value="business_team">{t('notes.audience.business_team')}</option>
        </select>
        <label htmlFor="note-text">{t('notes.text')}</label>
        <textarea id="note-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        <label className="choice"><input type="checkbox" checked={done} onChange={(e) => setDone(e.target.checked)} /> {t('notes.doneToday')}</label>
        {!done && (
          <>
            <label htmlFor="note-due">{t('notes.dueDate')}</label>
            <input id="note-due" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </>
        )}
        <button type="submit">{t('notes.save')}</button>
        <FormMessage message={message} />
      </form>
    </details>
  );
}
