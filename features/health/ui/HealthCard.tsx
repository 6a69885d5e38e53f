import { localDate } from '../../../shared/dates/local-date';
import { healthTrend, scoreHealth, type HealthDimension, type HealthModel } from '..';
import type { MessageKey } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { BandOverride } from '../../../data/model/records';
import type { Reading } from '../current';
import type { ServiceFacts } from '../signals';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { ServiceFact } from './ServiceFact';
import { EndUsers } from './EndUsers';

const PERCENT: HealthDimension[] = [
  'activeUserRate', 'coreFeatureAdoption', 'moduleBreadth', 'trainingRate', 'outcomeAttainment',
  'serviceRhythm', 'reportsOnTime', 'promisesKept', 'expectationReset', 'csmRead',
];

/**
 * Health that explains itself: the score of the latest reading, its band and
 * trend, what each dimension adds, the biggest drag, and the change that
 * would reach the next band. Without readings, the stored summary is shown.
 */
export function HealthCard(props: { account: Account; snapshots: Reading[]; latest: Reading; now: Date; model: HealthModel; facts?: ServiceFacts; override?: BandOverride | undefined }) {
  const { account, snapshots, latest, now, model, facts = {}, override } = props;
  const tr = useTr();
  const { t } = tr;
  const today = localDate(now);
  const trend = healthTrend(snapshots, model, today);
  if (account.id !== latest.accountId) return null; // a reading of the previous account, during navigation
  const health = scoreHealth(latest.inputs, model);
  const dim = (d: HealthDimension) => t(`health.dim.${d}` as MessageKey);
  const value = (d: HealthDimension, v: number) =>
    PERCENT.includes(d) ? `${Math.round(v)}%`
      : d === 'bossReviewDays' ? t('health.days', { n: Math.round(v) })
        : d === 'ticketResolutionHours' ? t('health.hours', { n: Math.round(v) }) : String(Math.round(v));
  if (health.score === null) {
    return (
      <section className="card" aria-labelledby="health-title">
        <h2 id="health-title">{t('health.title')}</h2>
        <p className="muted">{t('health.noneKnown', { total: health.total })}</p>
      </section>
    );
  }
  const arrow = trend.direction === 'up' ? '▲' : trend.direction === 'down' ? '▼' : '▶';
  return (
    <section className="card health-card" aria-labelledby="health-title" data-testid="health-card">
      <h2 id="health-title">{t('health.title')}</h2>
      <p className="score-line">
        {override ? (
          <span className={`badge band-${override.band} override`} data-testid="health-band-override">{t(`band.${override.band}`)} · {t('health.override.badge')}</span>
        ) : (
          <span className={`badge band-${health.band}`}>{t(`band.${health.band}`)}</span>
        )}{' '}
        <span className="score" data-testid="engine-score">{health.score.toFixed(0)}</span>
        <span className="muted"> / 100 · {t('account.healthAsOf', { date: formatDate(latest.asOf, tr.locale) })}</span>{' '}
        {trend.delta !== undefined && (
          <span className={`trend trend-${trend.direction}`} data-testid="health-trend" aria-label={t(`health.trend.${trend.direction}`, { delta: Math.abs(trend.delta).toFixed(1) })}>
            {arrow} {trend.delta > 0 ? '+' : ''}{trend.delta.toFixed(1)}
          </span>
        )}
      </p>
      <p className="muted small" data-testid="health-known">{t('health.known', { known: health.known, total: health.total })}</p>
      {latest.imported === false && <p className="muted small" data-testid="health-service-only">{t('health.serviceOnly')}</p>}
      {health.capped && <p className="warn">{t('health.capped', { dimension: dim(health.capped.dimension), band: t(`band.${health.capped.capBand}`) })}</p>}
      <ul className="dims">
        {health.contributions.map((c) => (
          <li key={c.dimension}>
            <span className="dim-name">{dim(c.dimension)}</span>
            <span className="dim-bar" role="img" aria-label={t('health.dimScore', { dimension: dim(c.dimension), score: Math.round(c.dimScore) })}>
              <span style={{ width: `${Math.round(c.dimScore)}%` }} className={c.dimScore >= 70 ? 'hi' : c.dimScore < 40 ? 'lo' : 'mid'} />
            </span>
            <span className="dim-value">{value(c.dimension, c.value)}</span>
            <ServiceFact dimension={c.dimension} value={c.value} facts={facts} model={model} />
          </li>
        ))}
      </ul>
      <EndUsers snapshots={snapshots} today={today} />
      {health.biggestDrag && <p data-testid="health-drag">{t('health.drag', { dimension: dim(health.biggestDrag) })}</p>}
      {health.nextBand && (
        <p data-testid="health-next">
          {t('health.toReach', { band: t(`band.${health.nextBand.band}`) })}{' '}
          {health.nextBand.actions
            .map((a) => t('health.action', { dimension: dim(a.dimension), from: value(a.dimension, a.from), to: value(a.dimension, a.to) }))
            .join(health.nextBand.mode === 'any' ? t('health.or') : t('health.and'))}
        </p>
      )}
    </section>
  );
}
