import { addDays, localDate } from '../../../shared/dates/local-date';
import { healthTrend, type HealthModel } from '../../health';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { HealthSnapshot } from '../../../data/model/records';
import { useRecords } from '../../../platform/panel/data-client';
import {
  noPitchWindow, type RenewalSettings, renewalLikelihood, renewalPlan, renewalPhrase, renewalTimeline, touchpointLogs,
} from '..';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { LogConversation } from './LogConversation';
import { OutcomeForm } from './OutcomeForm';
import { ExitInterview } from './ExitInterview';

/** Renewal timing: the touchpoints by segment, the likelihood with its reasons, the next plan steps. */
export function RenewalCard(props: { account: Account; snapshots: HealthSnapshot[]; now: Date; model: HealthModel; settings: RenewalSettings; promiseRisks?: number }) {
  const { account, snapshots, now, model, settings } = props;
  const tr = useTr();
  const { t } = tr;
  const today = localDate(now);
  const visits = useRecords('visits', account.id);
  const notes = useRecords('notes', account.id);
  const outcomes = useRecords('outcomes', account.id);
  if (!visits || !notes || !outcomes) return null;
  const timeline = renewalTimeline(account, touchpointLogs(visits, notes), settings, today);
  const trend = healthTrend(snapshots, model, today);
  const band = trend.points.at(-1)?.band ?? account.health?.band ?? null;
  const dueSoFar = timeline.touchpoints.filter((p) => p.status !== 'upcoming');
  const likelihood = renewalLikelihood({
    band,
    trendDirection: trend.direction,
    touchpointsKept: dueSoFar.filter((p) => p.status === 'done').length,
    touchpointsDue: dueSoFar.length,
    expired: timeline.expired,
    willNotRenew: outcomes.some((o) => o.kind === 'will_not_renew' && !o.deleted),
  });
  const pitch = noPitchWindow(account.signedAt, today, settings.noPitchDays);
  const next = renewalPlan(account, settings, today).steps.filter((s) => s.daysUntil >= 0).slice(0, 3);
  return (
    <section className="card renewal-card" aria-labelledby="renewal-title" data-testid="renewal-card">
      <h2 id="renewal-title">{t('renewal.title')}</h2>
      {pitch.active && (
        <p className="banner" role="note" data-testid="no-pitch">{t('renewal.noPitch', { date: formatDate(addDays(today, pitch.daysLeft), tr.locale) })}</p>
      )}
      {(props.promiseRisks ?? 0) > 0 && (
        // Promises at risk follow the account to renewal: loud inside the window, present before it.
        <p className={timeline.stage === 'not_started' ? 'warn' : 'banner'} role="note" data-testid="renewal-promise-risks">
          {tr.plural('renewal.promiseRisks', props.promiseRisks ?? 0)}
        </p>
      )}
      {timeline.expired ? (
        <p className="expired loud" role="alert">{t('renewal.expiredLoud', { days: -timeline.daysLeft })}</p>
      ) : (
        <p>
          <strong>{renewalPhrase(timeline.daysLeft, tr)}</strong> · {t(`renewal.stage.${timeline.stage}` as MessageKey)}
        </p>
      )}
      <ol className="touchpoints" aria-label={t('renewal.touchpoints')}>
        {timeline.touchpoints.map((p) => (
          <li key={p.offset} className={`tp tp-${p.status}`} data-testid={`tp-${p.offset}`}>
            <span className="tp-offset">{t('renewal.offset', { n: p.offset })}</span>{' '}
            <span className="muted">{formatDate(p.due, tr.locale)} · {t(`renewal.mode.${p.mode}` as MessageKey)}</span>{' '}
            <span className="tp-status">{t(`renewal.tp.${p.status}` as MessageKey)}</span>
          </li>
        ))}
      </ol>
      <p data-testid="likelihood">
        {t('renewal.likelihood', { n: Math.round(likelihood.likelihood), level: t(`renewal.level.${likelihood.level}` as MessageKey) })}
      </p>
      <ul className="reasons muted small">
        {likelihood.reasons.filter((r) => r.code !== 'base').map((r) => (
          <li key={r.code}>
            {r.effect > 0 ? '+' : ''}{r.effect} · {t(`renewal.reason.${r.code}` as MessageKey, { kept: r.kept ?? 0, due: r.due ?? 0 })}
          </li>
        ))}
      </ul>
      {next.length > 0 && (
        <>
          <h3>{t('renewal.nextSteps')}</h3>
          <ul className="plan">
            {next.map((s) => (
              <li key={s.code}>
                <span className={`prio prio-${s.priority}`}>{t(`renewal.prio.${s.priority}` as MessageKey)}</span>{' '}
                {t(`renewal.step.${s.code}` as MessageKey)} <span className="muted">· {formatDate(s.due, tr.locale)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <LogConversation account={account} now={now} />
      <OutcomeForm account={account} now={now} />
      <ExitInterview />
    </section>
  );
}
