import { useState, type ReactNode } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import type { BookMetrics, Money } from '../metrics';
import { formatMoney } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { Unbroken } from '../../../shared/ui/Unbroken';

export interface TileSpec {
  id: string;
  value: ReactNode;
  sub?: ReactNode;
}

/** Figures as tiles, each with its name and its definition one click away (portfolio.def.<id>). */
export function Tiles({ tiles }: { tiles: readonly TileSpec[] }) {
  const { t } = useTr();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <dl className="tiles">
      {tiles.map((tile) => (
        <div key={tile.id} className="tile" data-testid={`metric-${tile.id}`}>
          <dt>
            {t(`portfolio.metric.${tile.id}` as MessageKey)}{' '}
            <button type="button" className="info" aria-expanded={open === tile.id} aria-label={t('portfolio.definitionOf', { name: t(`portfolio.metric.${tile.id}` as MessageKey) })}
              onClick={() => setOpen(open === tile.id ? null : tile.id)}>?</button>
          </dt>
          <dd className="tile-value">{typeof tile.value === 'string' ? <Unbroken text={tile.value} /> : tile.value}</dd>
          {tile.sub && <dd className="muted small">{tile.sub}</dd>}
          {open === tile.id && <dd className="definition small" role="note">{t(`portfolio.def.${tile.id}` as MessageKey)}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** Money per currency, largest first, never added across currencies ('—' when none). */
export function useMoney() {
  const tr = useTr();
  return (m: Money) => {
    const parts = Object.entries(m).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    return parts.length === 0 ? '—' : parts.map(([c, v]) => formatMoney(v, c || undefined, tr.locale)).join(' · ');
  };
}

export const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

/** The book in figures, and the renewal forecast; each figure's definition is one click away. */
export function MetricsTiles({ metrics }: { metrics: BookMetrics }) {
  const tr = useTr();
  const { t } = tr;
  const money = useMoney();
  const tiles: TileSpec[] = [
    { id: 'accounts', value: String(metrics.accounts), sub: money(metrics.arr) },
    { id: 'atRiskRed', value: money(metrics.atRisk.red), sub: tr.plural('portfolio.metric.accountsN', metrics.atRisk.redCount) },
    { id: 'atRiskYellow', value: money(metrics.atRisk.yellow), sub: tr.plural('portfolio.metric.accountsN', metrics.atRisk.yellowCount) },
    { id: 'due30', value: String(metrics.due30.count), sub: money(metrics.due30.arr) },
    { id: 'due90', value: String(metrics.due90.count), sub: money(metrics.due90.arr) },
    { id: 'cadence', value: pct(metrics.cadence.share), sub: t('portfolio.metric.visitedOf', { visited: metrics.cadence.visited, of: metrics.cadence.of }) },
    ...metrics.forecast.map((f) => ({
      id: `forecast${f.days}`,
      value: money(f.expected),
      sub: t('portfolio.metric.forecastOf', { due: money(f.due), n: f.count, counted: f.counted }),
    })),
  ];
  return (
    <section aria-labelledby="metrics-title">
      <h2 id="metrics-title">{t('portfolio.metrics')}</h2>
      <Tiles tiles={tiles} />
    </section>
  );
}
