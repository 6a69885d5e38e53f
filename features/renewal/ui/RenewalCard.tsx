import { addDays, localDate } from '../../../shared/dates/local-date';
import { healthTrend, type HealthModel } from '../../health';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { BandOverride, HealthSnapshot } from '../../../data/model/records';
import { accountTerms, latestOutcomeOf, outcomesByTerm } from '../../../data/model/terms';
import { useRecords } from '../../../platform/panel/data-client';
import {
  likelihoodInput, noPitchWindow, type RenewalSettings, renewalLikelihood, renewalPlan, renewalPhrase, renewalTimeline, touchpointLogs,
} from '..';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { LogConversation } from './LogConversation';
import { MarkPaid } from './MarkPaid';
import { OutcomeForm } from './OutcomeForm';
import { PlanChecklist } from './PlanChecklist';
import { TermHistory } from './TermHistory';
import { ExitInterview } from './ExitInterview';

/**
 * Renewal of the current term: the touchpoints by segment, the likelihood
 * with its reasons, the plan to tick off, the outcome form; earlier terms
 * below, each with its outcome.
 */
export function RenewalCard(props: { account: Account; snapshots: HealthSnapshot[]; now: Date; model: HealthModel; settings: RenewalSettings; promiseRisks?: number; override?: BandOverride }) {
  const { account, snapshots, now, model, settings } = props;
  const tr = useTr();
  const { t } = tr;
  const today = localDate(now);
  const visits = useRecords('visits', account.id);
  const notes = useRecords('notes', account.id);
  const outcomes = useRecords('outcomes', account.id);
  const contracts = useRecords('contracts', account.id);
  const milestones = useRecords('milestones', account.id);
  if (!visits || !notes || !outcomes || !contracts || !milestones) return null;
  const terms = accountTerms(account, contracts);
  const current = terms.at(-1)!;
  const byTerm = outcomesByTerm(terms, outcomes);
  const latest = latestOutcomeOf(current, byTerm);
  const churned = latest?.kind === 'churned';
  const timeline = renewalTimeline(account, touchpointLogs(visits, notes), settings, today);
  const trend = healthTrend(snapshots, model, today);
  // A band set by hand stands for the CSM's judgement over the computed one while it lasts.
  const likelihood = renewalLikelihood(likelihoodInput(timeline, {
    computedBand: trend.points.at(-1)?.band ?? account.health?.band ?? null,
    trendDirection: trend.direction,
    ...(props.override ? { override: props.override } : {}),
    ...(latest ? { latestOutcome: latest.kind } : {}),
    promisesAtRisk: props.promiseRisks ?? 0,
    onboardingUnfinished: milestones.some((m) => !m.doneAt && m.dueDate < today),
  }), settings.likelihood);
  const pitch = noPitchWindow(account.signedAt, today, settings.noPitchDays);
  const plan = renewalPlan(account, settings, today, current.planDone);
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
      {churned ? (
        <p className="expired" role="note" data-testid="renewal-churned">{t('renewal.churnedLoud', { date: formatDate(latest.date, tr.locale) })}</p>
      ) : timeline.expired ? (
        <p className="expired loud" role="alert">{t('renewal.expiredLoud', { days: -timeline.daysLeft })}</p>
      ) : (
        <p>
          <strong>{renewalPhrase(timeline.daysLeft, tr)}</strong> · {t(`renewal.stage.${timeline.stage}` as MessageKey)}
        </p>
      )}
      {!churned && <MarkPaid accountId={account.id} paidAt={current.paidAt} today={today} />}
      {!churned && (
        <ol className="touchpoints" aria-label={t('renewal.touchpoints')}>
          {timeline.touchpoints.map((p) => (
            <li key={p.offset} className={`tp tp-${p.status}`} data-testid={`tp-${p.offset}`}>
              <span className="tp-offset">{t('renewal.offset', { n: p.offset })}</span>{' '}
              <span className="muted">{formatDate(p.due, tr.locale)} · {t(`renewal.mode.${p.mode}` as MessageKey)}</span>{' '}
              <span className="tp-status">{t(`renewal.tp.${p.status}` as MessageKey)}</span>
            </li>
          ))}
        </ol>
      )}
      <p data-testid="likelihood">
        {likelihood.level === 'unknown'
          ? t('renewal.likelihoodUnknown')
          : t('renewal.likelihood', { n: Math.round(likelihood.likelihood), level: t(`renewal.level.${likelihood.level}` as MessageKey) })}
      </p>
      <ul className="reasons muted small" data-testid="likelihood-reasons">
        {likelihood.reasons.filter((r) => r.code !== 'base').map((r) => (
          <li key={r.code}>
            {r.effect > 0 ? '+' : ''}{r.effect} · {t(`renewal.reason.${r.code}${r.byHand ? '_byHand' : ''}` as MessageKey, { kept: r.kept ?? 0, due: r.due ?? 0, n: r.n ?? 0 })}
          </li>
        ))}
      </ul>
      {!churned && <PlanChecklist accountId={account.id} plan={plan} now={now} />}
      <LogConversation account={account} now={now} />
      {!churned && <OutcomeForm account={account} term={current} now={now} />}
      <TermHistory terms={terms.slice(0, -1)} byTerm={byTerm} />
      <ExitInterview />
    </section>
  );
}
