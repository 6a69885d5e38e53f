import { useMemo, useRef } from 'react';
import {
  columnVisibilityFeature, createColumnHelper, createSortedRowModel, flexRender, rowSortingFeature, sortFn_basic, sortFn_text, tableFeatures, useTable,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { recordUrl } from '../../../crm/urls';
import type { MessageKey } from '../../../shared/i18n';
import type { PortfolioRow } from '../rows';
import type { PortfolioColumn } from '../view';
import { formatDate, formatMoney } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { Sparkline } from './Sparkline';

const features = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
});
const col = createColumnHelper<typeof features, PortfolioRow>();
export const ROW_HEIGHT = 36;
const BAND_ORDER = { red: 0, yellow: 1, green: 2 } as const;
/** Fixed widths (px): every virtual row lays out alike, and the header lines up with them. Dates have room for 2026年12月31日. */
const WIDTH: Record<PortfolioColumn, number> = {
  name: 200, crm: 110, owner: 110, csm: 110, segment: 100, arr: 110, health: 70, trend: 80,
  contractEnd: 130, days: 80, nextTouchpoint: 160, lastVisit: 130, openCtas: 90, promiseRisks: 90,
};

/**
 * The book as a table: sortable by several columns (shift-click adds a
 * column), and virtualised: only the rows in view (plus a few) are in the
 * DOM, so 10,000 accounts scroll like 50. A name opens the record in its CRM.
 */
export function PortfolioTable({ rows, columns, sorting, onSorting, height }: {
  rows: PortfolioRow[];
  columns: readonly PortfolioColumn[];
  sorting: SortingState;
  onSorting: (s: SortingState) => void;
  height: number;
}) {
  const tr = useTr();
  const { t } = tr;
  const defs = useMemo(
    () => col.columns([
      col.accessor('name', {
        header: t('portfolio.col.name'),
        sortFn: 'text',
        cell: (c) => {
          const url = recordUrl(c.row.original);
          return url ? <a href={url} target="_blank" rel="noreferrer" title={t('portfolio.openInCrm')}>{c.getValue()}</a> : <span title={t('portfolio.noUrl')}>{c.getValue()}</span>;
        },
      }),
      col.accessor('crm', { header: t('portfolio.col.crm'), sortFn: 'text', cell: (c) => t(`crm.${c.getValue()}` as MessageKey) }),
      col.accessor((r) => r.owner ?? '', { id: 'owner', header: t('portfolio.col.owner'), sortFn: 'text' }),
      col.accessor((r) => r.csm ?? '', { id: 'csm', header: t('portfolio.col.csm'), sortFn: 'text' }),
      col.accessor((r) => r.segment ?? '', { id: 'segment', header: t('portfolio.col.segment'), sortFn: 'text', cell: (c) => (c.getValue() ? t(`model.segment.${c.getValue()}` as MessageKey) : '') }),
      col.accessor((r) => r.arr ?? -1, { id: 'arr', header: t('portfolio.col.arr'), sortFn: 'basic', cell: (c) => (c.row.original.arr === undefined ? '' : formatMoney(c.row.original.arr, c.row.original.currency, tr.locale)) }),
      col.accessor((r) => (r.score === null ? -1 : r.score), {
        id: 'health', header: t('portfolio.col.health'), sortFn: 'basic',
        cell: (c) => {
          const r = c.row.original;
          const badge = r.score === null ? <span className="muted">—</span> : <span className={`badge band-${r.band ?? 'none'}`}>{r.score}</span>;
          if (!r.bandOverride) return badge;
          // A band set by hand is always shown as such, with the computed one beside it.
          const computed = r.computedBand ? t(`portfolio.band.${r.computedBand}` as MessageKey) : t('portfolio.band.unknown');
          const said = t('portfolio.bandSetByHand', { band: t(`portfolio.band.${r.bandOverride.band}` as MessageKey), computed, date: formatDate(r.bandOverride.until, tr.locale), reason: r.bandOverride.reason });
          return (
            <span title={said}>
              {r.score === null ? <span className={`badge band-${r.band ?? 'none'}`}>—</span> : badge} <small className="muted">{t('portfolio.bandSetByHandMark')}</small>
              <span className="sr-only">{said}</span>
            </span>
          );
        },
      }),
      col.accessor((r) => (r.band ? BAND_ORDER[r.band] : 3), {
        id: 'trend', header: t('portfolio.col.trend'), enableSorting: false,
        cell: (c) => <Sparkline points={c.row.original.trend} label={t('portfolio.trendOf', { points: c.row.original.trend.join(', ') || '—' })} />,
      }),
      col.accessor('contractEnd', { header: t('portfolio.col.contractEnd'), sortFn: 'text', cell: (c) => formatDate(c.getValue(), tr.locale) }),
      col.accessor('daysToRenewal', {
        id: 'days', header: t('portfolio.col.days'), sortFn: 'basic',
        cell: (c) => <span className={c.getValue() < 0 ? 'expired' : c.getValue() <= 30 ? 'soon' : ''}>{c.getValue()}</span>,
      }),
      col.accessor((r) => r.nextTouchpoint?.due ?? '9999-12-31', {
        id: 'nextTouchpoint', header: t('portfolio.col.nextTouchpoint'), sortFn: 'text',
        cell: (c) => { const n = c.row.original.nextTouchpoint; return n ? `${formatDate(n.due, tr.locale)} (${n.offset})` : ''; },
      }),
      col.accessor((r) => r.lastVisit ?? '', { id: 'lastVisit', header: t('portfolio.col.lastVisit'), sortFn: 'text', cell: (c) => (c.getValue() ? formatDate(c.getValue(), tr.locale) : <span className="muted">{t('portfolio.never')}</span>) }),
      col.accessor('openCtas', { header: t('portfolio.col.openCtas'), sortFn: 'basic' }),
      col.accessor('promiseRisks', { header: t('portfolio.col.promiseRisks'), sortFn: 'basic', cell: (c) => (c.getValue() > 0 ? <span className="error">{c.getValue()}</span> : '0') }),
    ]),
    [t, tr.locale],
  );
  const visibility = useMemo(() => Object.fromEntries(defs.map((d) => [d.id ?? (d as { accessorKey?: string }).accessorKey, columns.includes((d.id ?? (d as { accessorKey?: string }).accessorKey) as PortfolioColumn)])), [defs, columns]);
  const table = useTable({
    features,
    data: rows,
    columns: defs,
    getRowId: (r) => r.id,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: (u) => onSorting(typeof u === 'function' ? u(sorting) : u),
    enableMultiSort: true,
    // Ascending first for every column: lowest health and soonest renewal come up on the first click.
    sortDescFirst: false,
    maxMultiSortColCount: 5,
  });
  const model = table.getRowModel().rows;
  const scroller = useRef<HTMLDivElement>(null);
  // initialRect: the first paint already knows how many rows fit, before the scroller is measured.
  const virtual = useVirtualizer({
    count: model.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8, initialRect: { width: 1000, height },
  });
  const shown = table.getVisibleLeafColumns();
  const template = shown.map((c) => `${WIDTH[c.id as PortfolioColumn] ?? 100}px`).join(' ');
  const width = shown.reduce((sum, c) => sum + (WIDTH[c.id as PortfolioColumn] ?? 100), 0);

  return (
    <div className="ptable" role="table" aria-label={t('portfolio.table')} aria-rowcount={model.length + 1}>
      <div ref={scroller} className="ptable-scroll" style={{ height }} data-testid="portfolio-scroll">
        <div role="rowgroup" className="ptable-head">
          <div role="row" className="prow" style={{ gridTemplateColumns: template, width }} aria-rowindex={1}>
            {table.getHeaderGroups()[0]!.headers.filter((h) => h.column.getIsVisible()).map((h) => {
              const s = h.column.getIsSorted();
              const index = h.column.getSortIndex();
              return (
                <div key={h.id} role="columnheader" aria-sort={s === 'asc' ? 'ascending' : s === 'desc' ? 'descending' : 'none'}>
                  {h.column.getCanSort() ? (
                    <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()} title={t('portfolio.sortHint')}>
                      {flexRender(h.column.columnDef.header, h.getContext())}
                      {s ? `${s === 'asc' ? ' ▲' : ' ▼'}${sorting.length > 1 ? index + 1 : ''}` : ''}
                    </button>
                  ) : (
                    flexRender(h.column.columnDef.header, h.getContext())
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" style={{ height: virtual.getTotalSize(), position: 'relative', width }}>
          {virtual.getVirtualItems().map((v) => {
            const row = model[v.index]!;
            return (
              <div key={row.id} role="row" className="prow" data-account={row.original.id} aria-rowindex={v.index + 2}
                style={{ gridTemplateColumns: template, width, position: 'absolute', top: 0, left: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}>
                {row.getAllCells().filter((c) => c.column.getIsVisible()).map((c) => (
                  <div key={c.id} role="cell">{flexRender(c.column.columnDef.cell, c.getContext())}</div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
