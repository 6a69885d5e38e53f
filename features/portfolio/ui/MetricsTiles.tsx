import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import type { BookMetrics, Money } from '../metrics';
import { formatMoney } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';

const PERIODS = [90, 180, 365] as const;

/** The book in figures; each figure's definition is one click away. */
export function MetricsTiles({ metrics, periodDays, onPeriod }: { metrics: BookMetrics; periodDays: number; onPeriod: (days: number) => void }) {
  const tr = useTr();
  const { t } = tr;
  const [open, setOpen] = useState<string | null>(null);
  const money = (m: Money) => {
    const parts = Object.entries(m).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    return parts.length === 0 ? '—' : parts.map(([c, v]) => formatMoney(v, c || undefined, tr.locale)).join(' · ');
  };
  const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
  const r = metrics.retention;
  const tiles: { id: string; value: string; sub?: string }[] = [
    { id: 'accounts', value: String(metrics.accounts), sub: money(metrics.arr) },
    { id: 'atRiskRed', value: money(metrics.atRisk.red), sub: tr.plural('portfolio.metric.accountsN', metrics.atRisk.redCount) },
    { id: 'atRiskYellow', value: money(metrics.atRisk.yellow), sub: tr.plural('portfolio.metric.accountsN', metrics.atRisk.yellowCount) },
    { id: 'due30', value: String(metrics.due30.count), sub: money(metrics.due30.arr) },
    { id: 'due90', value: String(metrics.due90.count), sub: money(metrics.due90.arr) },
    { id: 'renewalRate', value: pct(r.customerRenewalRate), sub: t('portfolio.metric.outcomes', { renewed: r.renewed, churned: r.churned }) },
    { id: 'grr', value: pct(r.grr) },
    { id: 'nrr', value: pct(r.nrr) },
    { id: 'cadence', value: pct(metrics.cadence.share), sub: t('portfolio.metric.visitedOf', { visited: metrics.cadence.visited, of: metrics.cadence.of }) },
  ];
  return (
    <section aria-labelledby="metrics-title">
      <h2 id="metrics-title">
        {t('portfolio.metrics')}{' '}
        <select aria-label={t('portfolio.period')} value={periodDays} onChange={(e) => onPeriod(Number(e.target.value))}>
          {PERIODS.map((d) => <option key={d} value={d}>{t('portfolio.periodDays', { days: d })}</option>)}
        </select>
      </h2>
      <dl className="tiles">
        {tiles.map((tile) => (
          <div key={tile.id} className="tile" data-testid={`metric-${tile.id}`}>
            <dt>
              {t(`portfolio.metric.${tile.id}` as MessageKey)}{' '}
              <button type="button" className="info" aria-expanded={open === tile.id} aria-label={t('portfolio.definitionOf', { name: t(`portfolio.metric.${tile.id}` as MessageKey) })}
                onClick={() => setOpen(open === tile.id ? null : tile.id)}>?</button>
            </dt>
            <dd className="tile-value">{tile.value}</dd>
            {tile.sub && <dd className="muted small">{tile.sub}</dd>}
            {open === tile.id && <dd className="definition small" role="note">{t(`portfolio.def.${tile.id}` as MessageKey)}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
