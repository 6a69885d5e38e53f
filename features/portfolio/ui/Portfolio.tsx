import { useEffect, useMemo, useState } from 'react';
import { storage } from 'wxt/utils/storage';
import type { MessageKey } from '../../../shared/i18n';
import { BANDS, SEGMENTS } from '../../../data/model/common';
import { usePortfolio } from '../../../platform/panel/data-client';
import { bookMetrics, mainCurrency, renewalsByMonth, type ExchangeRates } from '../metrics';
import { churnSplit } from '../churn';
import { periodsOf, type Period } from '../periods';
import { exchangeRatesItem, validRates } from '../rates';
import { RENEWAL_WINDOWS } from '../rows';
import {
  applyFilters, choices, COMPACT_COLUMNS, DEFAULT_PORTFOLIO_VIEW, PORTFOLIO_COLUMNS, validView, viewToCsv, type PortfolioColumn, type PortfolioView,
} from '../view';
import { useTr } from '../../../shared/i18n/I18n';
import { MetricsTiles } from './MetricsTiles';
import { PortfolioTable } from './PortfolioTable';
import { RenewalsChart } from './RenewalsChart';
import { RetentionSection } from './RetentionSection';
import { BacktestCard } from './BacktestCard';
import { ChurnCard } from './ChurnCard';

const fullViewItem = storage.defineItem<PortfolioView | null>('local:portfolioView', { fallback: null, version: 1 });
const compactViewItem = storage.defineItem<PortfolioView | null>('local:portfolioViewCompact', { fallback: null, version: 1 });

/**
 * "My book": every account with its health, renewal timing, service and
 * risks; metrics and a renewals chart above; filters, sorting and columns
 * remembered; the current view exported to CSV. `compact` is the side
 * panel's version (fewer columns to start with, remembered separately).
 */
export function Portfolio({ compact = false }: { compact?: boolean }) {
  const tr = useTr();
  const { t } = tr;
  const { value: data, error } = usePortfolio();
  const item = compact ? compactViewItem : fullViewItem;
  const fallback = compact ? { ...DEFAULT_PORTFOLIO_VIEW, columns: COMPACT_COLUMNS } : DEFAULT_PORTFOLIO_VIEW;
  const [view, setView] = useState<PortfolioView>(fallback);
  const [chosen, setPeriod] = useState<Period | null>(null);
  const [rates, setRates] = useState<ExchangeRates | null>(null);
  useEffect(() => void item.getValue().then((v) => setView(validView(v, fallback))), [item]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    void exchangeRatesItem.getValue().then((v) => setRates(validRates(v)));
    return exchangeRatesItem.watch((v) => setRates(validRates(v)));
  }, []);
  const update = (patch: Partial<PortfolioView>) => {
    const next = { ...view, ...patch };
    setView(next);
    void item.setValue(next);
  };
  const setFilter = (patch: Partial<PortfolioView['filters']>) => update({ filters: { ...view.filters, ...patch } });

  const rows = data?.rows;
  const filtered = useMemo(() => (rows ? applyFilters(rows, view.filters) : []), [rows, view.filters]);
  const period = chosen ?? (data ? periodsOf('last12', data.today)[0]! : null);
  const metrics = useMemo(() => (data && period ? bookMetrics(data.rows, data.events, period, rates) : null), [data, period, rates]);
  const churn = useMemo(() => (data && period ? churnSplit(data.outcomes, period.from, period.to) : null), [data, period]);
  const months = useMemo(() => (data ? renewalsByMonth(data.rows, data.today) : []), [data]);
  const owners = useMemo(() => (rows ? choices(rows, 'owner') : []), [rows]);
  const csms = useMemo(() => (rows ? choices(rows, 'csm') : []), [rows]);

  const exportCsv = () => {
    // The rows as shown: filtered, in the current sort order.
    const sorted = sortRows(filtered, view.sorting);
    const text = viewToCsv(sorted, view.columns, (c) => t(`portfolio.col.${c}` as MessageKey), ({ until, computed }) => t('portfolio.csvSetByHand', { date: until, computed }));
    const url = URL.createObjectURL(new Blob([`\ufeff${text}`], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `account-lens-portfolio-${data?.today ?? 'today'}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  if (error) return <p className="error" role="alert">{t('panel.dataError', { reason: error })}</p>;
  if (!data || !metrics || !period || !churn) return <p className="muted">{t('panel.loading')}</p>;
  if (data.rows.length === 0) return <p className="card">{t('portfolio.empty')}</p>;
  const f = view.filters;
  return (
    <div className={`portfolio${compact ? ' compact' : ''}`}>
      <MetricsTiles metrics={metrics} />
      <RetentionSection events={data.events} today={data.today} rates={rates} period={period} onPeriod={setPeriod} retention={metrics.retention} />
      {!compact && <RenewalsChart months={months} currency={mainCurrency(data.rows)} />}
      {!compact && (
        <div className="evidence">
          <BacktestCard backtest={data.backtest} />
          <ChurnCard split={churn} />
        </div>
      )}
      <div className="filters" role="group" aria-label={t('portfolio.filters')}>
        <input type="search" aria-label={t('portfolio.search')} placeholder={t('portfolio.search')} value={f.text} onChange={(e) => setFilter({ text: e.target.value })} />
        <fieldset className="bands">
          <legend className="sr-only">{t('portfolio.col.health')}</legend>
          {[...BANDS, 'unknown' as const].map((b) => (
            <label key={b} className="choice">
              <input type="checkbox" checked={f.bands.includes(b)} onChange={(e) => setFilter({ bands: e.target.checked ? [...f.bands, b] : f.bands.filter((x) => x !== b) })} />
              {t(`portfolio.band.${b}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <select aria-label={t('portfolio.window')} value={f.window} onChange={(e) => setFilter({ window: e.target.value as PortfolioView['filters']['window'] })}>
          <option value="">{t('portfolio.window.any')}</option>
          {RENEWAL_WINDOWS.map((w) => <option key={w} value={w}>{t(`portfolio.window.${w}` as MessageKey)}</option>)}
        </select>
        <select aria-label={t('portfolio.col.owner')} value={f.owner} onChange={(e) => setFilter({ owner: e.target.value })}>
          <option value="">{t('portfolio.anyOwner')}</option>
          {owners.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
        <select aria-label={t('portfolio.col.csm')} value={f.csm} onChange={(e) => setFilter({ csm: e.target.value })}>
          <option value="">{t('portfolio.anyCsm')}</option>
          {csms.map((o) => <option key={o} value={o}>{o}</option>)}
        </select>
        <select aria-label={t('portfolio.col.segment')} value={f.segment} onChange={(e) => setFilter({ segment: e.target.value as PortfolioView['filters']['segment'] })}>
          <option value="">{t('portfolio.anySegment')}</option>
          {SEGMENTS.map((s) => <option key={s} value={s}>{t(`model.segment.${s}` as MessageKey)}</option>)}
        </select>
        <details className="columns">
          <summary>{t('portfolio.columns')}</summary>
          {PORTFOLIO_COLUMNS.map((c) => (
            <label key={c} className="choice">
              <input type="checkbox" checked={view.columns.includes(c)} disabled={c === 'name'}
                onChange={(e) => update({ columns: PORTFOLIO_COLUMNS.filter((x) => (x === c ? e.target.checked : view.columns.includes(x))) as PortfolioColumn[] })} />
              {t(`portfolio.col.${c}` as MessageKey)}
            </label>
          ))}
        </details>
        <button type="button" onClick={() => update({ filters: DEFAULT_PORTFOLIO_VIEW.filters })}>{t('portfolio.clear')}</button>
        <button type="button" onClick={exportCsv}>{t('portfolio.export')}</button>
      </div>
      <p className="muted small" role="status" data-testid="portfolio-count">{t('portfolio.shown', { n: filtered.length, total: data.rows.length })}</p>
      <PortfolioTable rows={filtered} columns={view.columns} sorting={view.sorting} onSorting={(s) => update({ sorting: s })} height={compact ? 420 : 560} />
    </div>
  );
}

/** The sort the table applies, for the CSV: the same columns and directions. */
function sortRows(rows: readonly import('../rows').PortfolioRow[], sorting: PortfolioView['sorting']) {
  const key = (r: import('../rows').PortfolioRow, id: string): string | number => {
    switch (id) {
      case 'health': return r.score ?? -1;
      case 'days': return r.daysToRenewal;
      case 'arr': return r.arr ?? -1;
      case 'nextTouchpoint': return r.nextTouchpoint?.due ?? '9999-12-31';
      default: { const v = r[id as keyof typeof r]; return typeof v === 'number' || typeof v === 'string' ? v : ''; }
    }
  };
  return [...rows].sort((a, b) => {
    for (const s of sorting) {
      const x = key(a, s.id);
      const y = key(b, s.id);
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      if (c !== 0) return s.desc ? -c : c;
    }
    return 0;
  });
}
