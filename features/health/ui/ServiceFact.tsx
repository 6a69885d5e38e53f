import { dimensionScore, type HealthDimension, type HealthModel } from '..';
import type { ServiceFacts } from '../signals';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';

/** What a service dimension was computed from, in words ("Boss not met since 12 Sep"); nothing for imported ones. */
export function ServiceFact(props: { dimension: HealthDimension; value: number; facts: ServiceFacts; model: HealthModel }) {
  const tr = useTr();
  const { t } = tr;
  const date = (d: string) => formatDate(d, tr.locale);
  const { facts } = props;
  let text: string | undefined;
  switch (props.dimension) {
    case 'serviceRhythm':
      if (facts.serviceRhythm) text = t('health.fact.rhythm', { held: facts.serviceRhythm.held, due: facts.serviceRhythm.due });
      break;
    case 'bossReviewDays': {
      const f = facts.bossReviewDays;
      if (f?.lastReview) {
        // Short of the green point the review is overdue: say since when the boss has not been met.
        const overdue = dimensionScore(props.value, props.model.dimensions.bossReviewDays) < 100;
        text = t(overdue ? 'health.fact.bossSince' : 'health.fact.boss', { date: date(f.lastReview) });
      } else if (f?.since) text = t('health.fact.bossNever', { date: date(f.since) });
      break;
    }
    case 'reportsOnTime':
      if (facts.reportsOnTime) text = t('health.fact.reports', { onTime: facts.reportsOnTime.onTime, due: facts.reportsOnTime.due });
      break;
    case 'promisesKept':
      if (facts.promisesKept) text = t('health.fact.promises', { ...facts.promisesKept });
      break;
    case 'expectationReset': {
      const f = facts.expectationReset;
      if (f?.doneAt) text = t(f.doneAt <= f.dueBy ? 'health.fact.resetDone' : 'health.fact.resetLate', { date: date(f.doneAt), due: date(f.dueBy) });
      else if (f) text = t('health.fact.resetOverdue', { due: date(f.dueBy) });
      break;
    }
    case 'csmRead': {
      const f = facts.csmRead;
      if (!f) break;
      const read = t('health.fact.read', { band: t(`band.${f.band}`), date: date(f.date) });
      const was = f.previous ? ` ${t('health.fact.readWas', { band: t(`band.${f.previous}`) })}` : '';
      text = `${read}${f.reason ? `: ${f.reason}` : ''}${was}`;
      break;
    }
  }
  return text ? <span className="dim-fact muted small" data-testid={`fact-${props.dimension}`}>{text}</span> : null;
}
