import { lazy, Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { recordUrl } from '../../../crm/urls';
import { addDays } from '../../../shared/dates/local-date';
import type { MessageKey } from '../../../shared/i18n';
import { useTr } from '../../../shared/i18n/I18n';
import { settingsItem } from '../../../shared/settings';
import { formatDate, formatMoney } from '../../../shared/ui/format';
import { updateRecordVia, useWorklist } from '../../../platform/panel/port';
import { afterPaint } from '../../../platform/panel/after-paint';
import type { WorkItem } from '../worklist';
import type { Cta } from '../../../data/model/records';
import type { LoadedPlays } from './TodayPlays';
import { Unbroken } from '../../../shared/ui/Unbroken';

const TodayPlays = lazy(() => import('./TodayPlays'));

/** Accounts on the first screen: the rest of the list waits for "show more", so a book of thousands paints at once. */
export const TODAY_PAGE = 50;
/** Accounts drawn at once (a tall panel's first screen); the rest of the page follows right after that frame is drawn. */
export const TODAY_FIRST_SCREEN = 20;

/**
 * The day's work across the book: what is overdue, due today and due this
 * week, for me (as owner or CSM), for anyone a manager picks, or for the whole
 * team. Each account opens its CRM record; each CTA is done or snoozed here.
 */
export function TodayList({ compact = false }: { compact?: boolean }) {
  const tr = useTr();
  const { t } = tr;
  // undefined: mine (the background knows my name); null: the whole team.
  const [person, setPerson] = useState<string | null | undefined>(undefined);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(TODAY_PAGE);
  const { value: live, error: loadError } = useWorklist(person, shown);
  // Showing more asks for a longer list: the shorter one stays on screen until it comes.
  const last = useRef<{ person: typeof person; value: NonNullable<typeof live> } | undefined>(undefined);
  if (live) last.current = { person, value: live };
  const kept = last.current;
  const value = live ?? (kept && kept.person === person ? kept.value : undefined);
  // The first screen is drawn first: the rest of the page, and the plays folded under each CTA, come after it.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => (value && !drawn ? afterPaint(() => setDrawn(true)) : undefined), [value, drawn]);
  const [loaded, setLoaded] = useState<LoadedPlays | null>(null);

  if (loadError) return <p className="error" role="alert">{loadError}</p>;
  if (!value) return <p className="muted" data-testid="today-loading">{t('today.loading')}</p>;
  const { worklist, me, people, today, accounts } = value;

  const act = (item: WorkItem, patch: Partial<Cta>) => {
    if (!item.cta) return;
    setError(null);
    void updateRecordVia('ctas', item.cta, patch).catch((e: unknown) => setError(String(e)));
  };
  const saveName = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    await settingsItem.setValue({ ...(await settingsItem.getValue()), myName: trimmed });
    setPerson(trimmed);
  };
  const when = (i: WorkItem) =>
    i.when === 'overdue' ? t('today.when.overdue', { days: i.late }) : i.when === 'today' ? t('today.when.today') : t('today.when.week', { date: formatDate(i.due, tr.locale) });
  const selected = person === undefined ? (me ?? '') : (person ?? '');

  return (
    <section className="card today" aria-labelledby="today-title" data-testid="today">
      <h2 id="today-title">{t('today.title')}</h2>
      {!compact && <p className="muted small">{t('today.intro')}</p>}
      <label className="field">
        {t('today.whose')}
        <select value={selected} onChange={(e) => { setPerson(e.target.value === '' ? null : e.target.value); setShown(TODAY_PAGE); }}>
          <option value="">{t('today.team')}</option>
          {me && <option value={me}>{t('today.mine', { name: me })}</option>}
          {people.filter((p) => p !== me).map((p) => (
            <option key={p} value={p}>{p}</option>
          ))}
        </select>
      </label>
      {!me && (
        <form className="inline-form" onSubmit={(e) => void saveName(e)}>
          <p className="muted small">{t('today.noName')}</p>
          <label htmlFor="today-name">{t('today.myName')}</label>
          <input id="today-name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit">{t('today.saveName')}</button>
        </form>
      )}
      <p className="small" data-testid="today-counts">{t('today.counts', worklist.counts)}</p>
      {error && <p className="error" role="alert">{error}</p>}
      {worklist.groups.length === 0 ? (
        <p className="muted">{t('today.none')}</p>
      ) : (
        <ol className="today-groups">
          {worklist.groups.slice(0, drawn ? shown : Math.min(shown, TODAY_FIRST_SCREEN)).map((g) => {
            const url = recordUrl(g.account);
            return (
              <li key={g.account.id} data-account={g.account.id}>
                <h3>
                  {url ? (
                    <a href={url} target="_blank" rel="noreferrer" aria-label={t('today.openRecord', { name: g.account.name })}>{g.account.name}</a>
                  ) : (
                    g.account.name
                  )}
                  {g.account.arr !== undefined && <span className="muted small"> · {formatMoney(g.account.arr, g.account.currency, tr.locale)}</span>}
                </h3>
                <ul className="steps">
                  {g.items.map((i) => (
                    <li key={i.key} className={i.when === 'overdue' ? 'overdue' : ''} data-source={i.source}>
                      <span><Unbroken text={i.title} /></span>{' '}
                      <span className="muted">
                        · {when(i)} · {i.risk ? t(`today.risk.${i.risk}` as MessageKey) : t(`steps.source.${i.source}` as MessageKey)}
                        {i.needsOtherTeam ? ` · ${t('today.otherTeam')}` : ''}
                      </span>{' '}
                      {i.cta && (
                        <>
                          <button type="button" className="link" aria-label={t('today.doneLabel', { title: i.title })} onClick={() => act(i, { status: 'closed' })}>
                            {t('today.done')}
                          </button>
                          <button type="button" className="link" aria-label={t('today.snoozeLabel', { title: i.title })}
                            onClick={() => act(i, { status: 'snoozed', snoozedUntil: addDays(today, 7) })}>
                            {t('today.snooze')}
                          </button>
                          {loaded && <loaded.Play cause={i.cause} title={i.title} plays={loaded.plays} />}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      )}
      {accounts > worklist.groups.length && (
        <button type="button" className="link" data-testid="today-more" onClick={() => setShown((n) => n + TODAY_PAGE * 4)}>
          {t('today.more', { shown: worklist.groups.length, total: accounts })}
        </button>
      )}
      {drawn && (
        <Suspense fallback={null}>
          <TodayPlays onPlays={setLoaded} />
        </Suspense>
      )}
    </section>
  );
}
