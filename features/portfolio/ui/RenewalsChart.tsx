import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import type { RenewalMonth } from '../metrics';
import { monthName } from '../../../shared/dates/month-name';
import { formatMoney } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';

const STACK = ['red', 'yellow', 'green', 'unknown'] as const;

/**
 * Renewals by month for the next 12 months, stacked by health band: the count
 * of contracts, or their ARR in one currency. Each bar says its numbers to
 * screen readers and on hover.
 */
export function RenewalsChart({ months, currency }: { months: RenewalMonth[]; currency: string }) {
  const tr = useTr();
  const { t } = tr;
  const [measure, setMeasure] = useState<'count' | 'arr'>('count');
  const value = (m: RenewalMonth, b: (typeof STACK)[number]) => (measure === 'count' ? m.bands[b].count : (m.bands[b].arr[currency] ?? 0));
  const totals = months.map((m) => STACK.reduce((s, b) => s + value(m, b), 0));
  const max = Math.max(1, ...totals);
  const H = 120;
  const W = 24;
  const GAP = 8;
  const fmt = (n: number) => (measure === 'count' ? String(n) : formatMoney(n, currency || undefined, tr.locale));
  return (
    <figure className="chart" aria-labelledby="renewals-chart-title">
      <figcaption id="renewals-chart-title">
        {t('portfolio.chart.title')}{' '}
        <select aria-label={t('portfolio.chart.measure')} value={measure} onChange={(e) => setMeasure(e.target.value as 'count' | 'arr')}>
          <option value="count">{t('portfolio.chart.count')}</option>
          <option value="arr">{t('portfolio.chart.arr', { currency: currency || '—' })}</option>
        </select>
      </figcaption>
      <svg width={months.length * (W + GAP)} height={H + 34} role="list" aria-label={t('portfolio.chart.title')}>
        {months.map((m, i) => {
          let top = H;
          const parts = STACK.map((b) => ({ b, v: value(m, b) })).filter((p) => p.v > 0);
          const label = `${monthName(m.month, tr.locale)}: ${fmt(totals[i]!)} (${parts.map((p) => `${t(`portfolio.band.${p.b}` as MessageKey)} ${fmt(p.v)}`).join(', ') || t('portfolio.chart.none')})`;
          return (
            <g key={m.month} role="listitem" aria-label={label} transform={`translate(${i * (W + GAP)},0)`}>
              <title>{label}</title>
              {parts.map((p) => {
                const h = Math.max(1, (p.v / max) * H);
                top -= h;
                return <rect key={p.b} className={`bar-${p.b}`} x={0} y={top} width={W} height={h} />;
              })}
              <text x={W / 2} y={H + 14} textAnchor="middle" className="axis">{m.month.slice(5)}</text>
              {totals[i]! > 0 && measure === 'count' && <text x={W / 2} y={top - 3} textAnchor="middle" className="axis">{totals[i]}</text>}
            </g>
          );
        })}
      </svg>
      <p className="legend small">
        {STACK.map((b) => <span key={b}><i className={`swatch bar-${b}`} /> {t(`portfolio.band.${b}` as MessageKey)}</span>)}
      </p>
    </figure>
  );
}
