import { localDate } from '../../../shared/dates/local-date';
import { bandOf } from '../../../features/health/band';
import type { Account } from '../../../data/model/account';
import { daysToRenewal, renewalPhrase } from '../../../features/renewal/days';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import type { PitchAnswer } from '../../../features/renewal/can-pitch';
import { PitchChip } from '../../../features/renewal/ui/PitchChip';

/** The account at a glance: who owns it, how healthy it is, when it renews. */
export function AccountCard({ account, now, showHealth = true, pitch }: { account: Account; now: Date; showHealth?: boolean; pitch?: PitchAnswer }) {
  const tr = useTr();
  const { t } = tr;
  const days = daysToRenewal(account.contractEnd, localDate(now));
  const health = account.health;
  const band = health ? (health.band ?? bandOf(health.score)) : null;
  return (
    <article className="card" aria-labelledby="account-name">
      <h1 id="account-name" className="account-name">{account.name}</h1>
      {pitch && <PitchChip pitch={pitch} />}
      <dl className="facts">
        <dt>{t('account.recordId')}</dt>
        <dd>
          <span className="crm">{t(`crm.${account.crm}`)}</span> <code data-testid="record-id">{account.recordId}</code>
        </dd>
        <dt>{t('account.owner')}</dt>
        <dd>{account.owner ?? t('account.notSet')}</dd>
        <dt>{t('account.csm')}</dt>
        <dd>{account.csm ?? t('account.notSet')}</dd>
      </dl>
      {showHealth && <section className="health" aria-label={t('account.health')}>
        <h2>{t('account.health')}</h2>
        {health && band ? (
          <p className="score-line">
            <span className={`badge band-${band}`} data-testid="health-band">
              {t(`band.${band}`)}
            </span>{' '}
            <span className="score" data-testid="health-score">{Math.round(health.score)}</span>
            <span className="muted"> / 100 · {t('account.healthAsOf', { date: formatDate(health.asOf, tr.locale) })}</span>
          </p>
        ) : (
          <p className="muted">{t('account.healthUnknown')}</p>
        )}
      </section>}
      <section className="renewal" aria-label={t('account.renewal')}>
        <p>
          {t('account.contractEnd')}: <strong>{formatDate(account.contractEnd, tr.locale)}</strong>
        </p>
        <p className={days < 0 ? 'expired' : days <= 30 ? 'soon' : ''} data-testid="renewal-days">
          {days < 0 ? <strong>{t('account.expired')} · </strong> : null}
          {renewalPhrase(days, tr)}
        </p>
      </section>
    </article>
  );
}
