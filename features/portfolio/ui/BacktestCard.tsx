import type { Backtest } from '../backtest';
import { BACKTEST_MIN_OUTCOMES } from '../backtest';
import { useTr } from '../../../shared/i18n/I18n';
import { pct } from './MetricsTiles';

/**
 * How well the renewal likelihood foretold this book's recorded outcomes: for
 * each band of predicted likelihood, how many renewed; the Brier score against
 * guessing the average; and, in plain words, whether to trust it.
 */
export function BacktestCard({ backtest: b }: { backtest: Backtest }) {
  const tr = useTr();
  const { t } = tr;
  const score = (v: number | null) => (v === null ? '—' : v.toFixed(3));
  return (
    <section className="card" aria-labelledby="backtest-title" data-testid="backtest">
      <h2 id="backtest-title">{t('portfolio.backtest.title')}</h2>
      <p role="status" data-testid="backtest-verdict">
        {t(`portfolio.backtest.verdict.${b.verdict}`, { n: b.count, min: BACKTEST_MIN_OUTCOMES, brier: score(b.brier), reference: score(b.reference) })}
      </p>
      {b.count > 0 && (
        <table className="breakdown-table">
          <caption className="muted small">{t('portfolio.backtest.caption', { brier: score(b.brier), reference: score(b.reference) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('portfolio.backtest.band')}</th>
              <th scope="col">{t('portfolio.backtest.count')}</th>
              <th scope="col">{t('portfolio.backtest.predicted')}</th>
              <th scope="col">{t('portfolio.backtest.renewed')}</th>
            </tr>
          </thead>
          <tbody>
            {b.bands.map((band) => (
              <tr key={band.from}>
                <th scope="row">{band.from}–{band.to}%</th>
                <td>{band.count}</td>
                <td>{pct(band.predicted)}</td>
                <td>{pct(band.renewedShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted small">{t('portfolio.backtest.how')}</p>
    </section>
  );
}
