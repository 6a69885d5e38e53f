import { useState, type FormEvent } from 'react';
import { addDays, isIsoDate, localDate } from '../../../shared/dates/local-date';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { Cta } from '../../../data/model/records';
import { createRecordVia, updateRecordVia } from '../../../platform/panel/data-client';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { saveFailed } from '../../../shared/ui/FormMessage';
import { CtaPlay, usePlays } from '../../use-plays';
import { Unbroken } from '../../../shared/ui/Unbroken';

/** The account's open calls to action, and a quick way to add one by hand. */
export function NextSteps({ account, ctas, now }: { account: Account; ctas: Cta[] | undefined; now: Date }) {
  const tr = useTr();
  const { t } = tr;
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState('');
  const [closing, setClosing] = useState<{ id: string; note: string } | null>(null);
  const plays = usePlays();
  const today = localDate(now);
  // Snoozed ones come back on their date; until then they sit at the end, greyed.
  const awake = (c: { status: string; snoozedUntil?: string }) => c.status === 'open' || (c.snoozedUntil ?? '') <= today;
  const open = (ctas ?? [])
    .filter((c) => c.status !== 'closed' && !c.deleted)
    .sort((a, b) => Number(awake(b)) - Number(awake(a)) || (a.dueDate < b.dueDate ? -1 : 1));

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim() || !isIsoDate(due)) return setError(t('steps.invalid'));
    try {
      // The background names it: a manual step's cause is its own new id.
      await createRecordVia('ctas', { accountId: account.id, source: 'manual', cause: 'manual', title: title.trim(), dueDate: due, status: 'open' });
      setTitle('');
      setDue('');
      setError('');
    } catch (err) {
      setError(saveFailed(t, err));
    }
  };
  const update = (c: (typeof open)[number], patch: Partial<Cta>) => void updateRecordVia('ctas', c, patch).catch((err: unknown) => setError(String(err)));
  const close = (c: (typeof open)[number], note: string) => {
    update(c, { status: 'closed', ...(note.trim() ? { closedNote: note.trim() } : {}) });
    setClosing(null);
  };
  const snooze = (c: (typeof open)[number]) => update(c, { status: 'snoozed', snoozedUntil: addDays(today, 7) });

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
            <li key={c.id} className={!awake(c) ? 'snoozed' : c.dueDate < today ? 'overdue' : ''} data-source={c.source}>
              <span><Unbroken text={c.title} /></span>{' '}
              <span className="muted">
                · {formatDate(c.dueDate, tr.locale)} · {t(`steps.source.${c.source}` as MessageKey)}
                {c.owner ? ` · ${c.owner}` : ''}
                {c.needsOtherTeam ? ` · ${t('steps.otherTeam')}` : ''}
                {!awake(c) && c.snoozedUntil ? ` · ${t('steps.snoozed', { date: formatDate(c.snoozedUntil, tr.locale) })}` : ''}
              </span>{' '}
              {closing?.id === c.id ? (
                <span className="close-note">
                  <input aria-label={t('steps.closeNote')} placeholder={t('steps.closeNote')} value={closing.note} autoFocus
                    onChange={(e) => setClosing({ id: c.id, note: e.target.value })} onKeyDown={(e) => e.key === 'Enter' && close(c, closing.note)} />
                  <button type="button" className="link" onClick={() => close(c, closing.note)}>{t('steps.confirmDone')}</button>
                </span>
              ) : (
                <button type="button" className="link" onClick={() => setClosing({ id: c.id, note: '' })} aria-label={t('steps.doneLabel', { title: c.title })}>
                  {t('steps.done')}
                </button>
              )}
              {awake(c) && (
                <button type="button" className="link" onClick={() => snooze(c)} aria-label={t('steps.snoozeLabel', { title: c.title })}>
                  {t('steps.snooze')}
                </button>
              )}
              {/* Any CTA can need another team (sales, product, support): it then counts red for its account. */}
              <button type="button" className="link" aria-pressed={!!c.needsOtherTeam} onClick={() => update(c, { needsOtherTeam: !c.needsOtherTeam })}
                aria-label={t(c.needsOtherTeam ? 'steps.ownTeamLabel' : 'steps.otherTeamLabel', { title: c.title })}>
                {t(c.needsOtherTeam ? 'steps.ownTeam' : 'steps.flagOtherTeam')}
              </button>
              <CtaPlay cause={c.cause} title={c.title} plays={plays} />
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
