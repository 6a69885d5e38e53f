import { localDate } from '../../../shared/dates/local-date';
import { bandOf } from '../../../features/health/band';
import type { Account } from '../../../data/model/account';
import { daysToRenewal, renewalPhrase } from '../../../features/renewal/days';
import { formatDate, formatMoney } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import type { PitchAnswer } from '../../../features/renewal/can-pitch';
import { PitchChip } from '../../../features/renewal/ui/PitchChip';

/**
 * The account at a glance: its name, then one row of chips (health band and
 * score, days to renewal, ARR, segment, "can I pitch?"), then who owns it and
 * when the contract ends. `showHealth` adds the reading's date or "no health
 * yet" when no health card follows.
 */
export function AccountCard({ account, now, showHealth = true, pitch }: { account: Account; now: Date; showHealth?: boolean; pitch?: PitchAnswer }) {
  const tr = useTr();
  const { t } = tr;
  const days = daysToRenewal(account.contractEnd, localDate(now));
  const health = account.health;
  const band = health ? (health.band ?? bandOf(health.score)) : null;
  const score = health ? Math.round(health.score) : null;
  return (
    <article className="card account-card" aria-labelledby="account-name">
      <h1 id="account-name" className="account-name">{account.name}</h1>
      <ul className="chips" aria-label={t('account.glance')}>
        {health && band && (
          <li className={`chip chip-band band-${band}`} aria-label={t('account.healthChip', { band: t(`band.${band}`), score: score! })}>
            <span data-testid="health-band">{t(`band.${band}`)}</span> <strong data-testid="health-score">{score}</strong>
          </li>
        )}
        <li className={`chip chip-renewal${days < 0 ? ' expired' : days <= 30 ? ' soon' : ''}`} data-testid="renewal-days">
          {days < 0 ? <strong>{t('account.expired')} · </strong> : null}
          {renewalPhrase(days, tr)}
        </li>
        {account.arr !== undefined && (
          <li className="chip" data-testid="arr-chip">
            <span className="nowrap">{t('account.arr', { amount: formatMoney(account.arr, account.currency, tr.locale) })}</span>
          </li>
        )}
        {account.segment && <li className="chip" data-testid="segment-chip">{t(`model.segment.${account.segment}`)}</li>}
        {pitch && <li className="chip-slot"><PitchChip pitch={pitch} /></li>}
      </ul>
      <dl className="facts">
        <dt>{t('account.recordId')}</dt>
        <dd>
          <span className="crm">{t(`crm.${account.crm}`)}</span> <code data-testid="record-id">{account.recordId}</code>
        </dd>
        <dt>{t('account.owner')}</dt>
        <dd>{account.owner ?? t('account.notSet')}</dd>
        <dt>{t('account.csm')}</dt>
        <dd>{account.csm ?? t('account.notSet')}</dd>
        <dt>{t('account.contractEnd')}</dt>
        <dd><strong className="nowrap">{formatDate(account.contractEnd, tr.locale)}</strong></dd>
        {showHealth && (
          <>
            <dt>{t('account.health')}</dt>
            <dd className="muted">{health ? t('account.healthAsOf', { date: formatDate(health.asOf, tr.locale) }) : t('account.healthUnknown')}</dd>
          </>
        )}
      </dl>
    </article>
  );
}
