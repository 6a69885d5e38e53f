import { daysBetween, localDate } from '../../../shared/dates/local-date';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { Cta } from '../../../data/model/records';
import { milestonesFor, ONBOARDING_DAYS, onboardingStatus } from '..';
import { useRecords, writeRecordVia } from '../../../platform/panel/data-client';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';

const KNOWN = ['kick_off', 'workshop_60pct', 'health_model_setup', 'first_value'];

/**
 * The first 90 days: milestones with due dates (overdue ones raise calls to
 * action), the colour of the open CTAs, and the days left in the window.
 * Shown for accounts with milestones, or signed in the last 90 days.
 */
export function OnboardingCard({ account, ctas, now }: { account: Account; ctas: Cta[] | undefined; now: Date }) {
  const tr = useTr();
  const { t } = tr;
  const today = localDate(now);
  const milestones = useRecords('milestones', account.id);
  if (!milestones || !ctas || !account.signedAt) return null;
  const age = daysBetween(account.signedAt, today);
  const live = milestones.filter((m) => !m.deleted);
  if (live.length === 0 && (age < 0 || age >= ONBOARDING_DAYS)) return null;
  const status = onboardingStatus(live, ctas, account.signedAt, today);
  const title = (key: string, fallback: string) => (KNOWN.includes(key) ? t(`onboarding.${key}` as MessageKey) : fallback);
  const stamp = () => new Date().toISOString();

  const start = async () => {
    const at = stamp();
    for (const draft of milestonesFor(account.id, account.signedAt!, undefined, account.csm)) {
      await writeRecordVia('milestones', { ...draft, createdAt: at, updatedAt: at });
    }
  };
  return (
    <section className="card" aria-labelledby="onboarding-title" data-testid="onboarding-card">
      <h2 id="onboarding-title">{t('onboarding.title')}</h2>
      <p>
        <span className={`badge band-${status.colour}`}>{t(`onboarding.colour.${status.colour}` as MessageKey)}</span>{' '}
        {status.inWindow ? t('onboarding.daysLeft', { n: status.daysLeft }) : t('onboarding.closed')}
      </p>
      {live.length === 0 ? (
        <>
          <p className="muted">{t('onboarding.none')}</p>
          <button type="button" onClick={() => void start()}>{t('onboarding.start')}</button>
        </>
      ) : (
        <ul className="milestones">
          {[...live].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1)).map((m) => {
            const overdue = !m.doneAt && m.dueDate < today;
            const name = title(m.key, m.title);
            return (
              <li key={m.id} className={overdue ? 'overdue' : ''}>
                <span>{name}</span>{' '}
                <span className="muted">
                  · {formatDate(m.dueDate, tr.locale)}
                  {m.doneAt ? ` · ${t('onboarding.doneOn', { date: formatDate(m.doneAt, tr.locale) })}` : overdue ? ` · ${t('onboarding.overdue')}` : ''}
                </span>{' '}
                {!m.doneAt && (
                  <button type="button" className="link" aria-label={t('onboarding.markDoneLabel', { title: name })}
                    onClick={() => void writeRecordVia('milestones', { ...m, doneAt: today, updatedAt: stamp() })}>
                    {t('onboarding.markDone')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
