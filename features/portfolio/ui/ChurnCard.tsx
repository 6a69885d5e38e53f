import type { MessageKey } from '../../../shared/i18n';
import type { ChurnSplit } from '../churn';
import { CLAIM_MIN_CHURNS } from '../churn';
import { useTr } from '../../../shared/i18n/I18n';
import { pct } from './MetricsTiles';

/**
 * Why this book's customers left, by root cause (ours to fix) and symptom
 * (what they said), set against the practice's claim that about half is poor
 * service and half over-promising at signing.
 */
export function ChurnCard({ split: s }: { split: ChurnSplit }) {
  const { t } = useTr();
  const cause = (c: string) => t(`outcome.cause.${c}` as MessageKey);
  return (
    <section className="card" aria-labelledby="churn-title" data-testid="churn-split">
      <h2 id="churn-title">{t('portfolio.churn.title')}</h2>
      <p role="status" data-testid="churn-verdict">
        {t(`portfolio.churn.verdict.${s.verdict}`, {
          n: s.withCause, min: CLAIM_MIN_CHURNS, service: pct(s.poorService), promising: pct(s.overPromising), top: s.top ? cause(s.top) : '',
        })}
      </p>
      {s.causes.length > 0 && (
        <>
          <h3>{t('portfolio.churn.causes')}</h3>
          <ul className="plain">
            {s.causes.map((c) => <li key={c.cause}>{cause(c.cause)}: {c.count} ({pct(c.share)})</li>)}
          </ul>
        </>
      )}
      {s.symptoms.length > 0 && (
        <>
          <h3>{t('portfolio.churn.symptoms')}</h3>
          <ul className="plain">
            {s.symptoms.map((x) => <li key={x.symptom}>{t(`outcome.symptom.${x.symptom}` as MessageKey)}: {x.count}</li>)}
          </ul>
        </>
      )}
      <p className="muted small">{t('portfolio.churn.counted', { churns: s.churns, withCause: s.withCause })}</p>
    </section>
  );
}
