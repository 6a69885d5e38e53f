import { useMemo, useState } from 'react';
import {
  columnFilteringFeature, createColumnHelper, createFilteredRowModel, createSortedRowModel, flexRender, globalFilteringFeature, rowSortingFeature,
  sortFn_basic, sortFn_text, tableFeatures, useTable, type ColumnFiltersState, type SortingState,
} from '@tanstack/react-table';
import type { ServiceVisit } from '../../../data/model/records';
import { monthOf } from '../../../shared/dates/calendar';
import { monthName } from '../../../shared/dates/month-name';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';

// Only what this table uses: sorting, column filters and the words filter.
const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
});
const col = createColumnHelper<typeof features, ServiceVisit>();

/** The account's visits, newest first, sortable by column and filtered by month, boss and words. */
export function VisitsTable({ visits, checklistSize }: { visits: ServiceVisit[]; checklistSize: number }) {
  const tr = useTr();
  const { t } = tr;
  const [sorting, setSorting] = useState<SortingState>([{ id: 'date', desc: true }]);
  const [filters, setFilters] = useState<ColumnFiltersState>([]);
  const [words, setWords] = useState('');
  const months = useMemo(() => [...new Set(visits.map((v) => monthOf(v.date)))].sort().reverse(), [visits]);

  const columns = useMemo(
    () => col.columns([
      col.accessor('date', {
        header: t('visits.col.date'),
        cell: (c) => formatDate(c.getValue(), tr.locale),
        filterFn: (row, _id, month: string) => !month || monthOf(row.original.date) === month,
      }),
      col.accessor('durationMin', { header: t('visits.col.duration'), cell: (c) => t('visits.minutes', { n: c.getValue() }) }),
      col.accessor('bossMet', {
        header: t('visits.col.boss'),
        cell: (c) => (c.getValue() ? t('visits.yes') : t('visits.no')),
        filterFn: (row, _id, want: string) => !want || String(row.original.bossMet) === want,
        sortFn: (a, b) => Number(a.original.bossMet) - Number(b.original.bossMet),
      }),
      col.accessor((v) => v.attendees.join(', '), { id: 'attendees', header: t('visits.col.attendees') }),
      col.accessor((v) => v.checklistDone.length, { id: 'checklist', header: t('visits.col.checklist'), cell: (c) => `${c.getValue()}/${checklistSize}` }),
      col.accessor((v) => v.followUps.length, { id: 'followUps', header: t('visits.col.followUps') }),
      col.accessor((v) => v.author ?? '', { id: 'author', header: t('visits.col.author') }),
      col.accessor((v) => v.notes ?? '', { id: 'notes', header: t('visits.col.notes'), enableSorting: false, cell: (c) => <span className="clip">{c.getValue()}</span> }),
    ]),
    [t, tr.locale, checklistSize],
  );

  const table = useTable({
    features,
    data: visits,
    columns,
    getRowId: (v) => v.id,
    state: { sorting, columnFilters: filters, globalFilter: words },
    onSortingChange: setSorting,
    onColumnFiltersChange: setFilters,
    onGlobalFilterChange: setWords,
    // Words match attendees, notes and follow-ups, ignoring case.
    globalFilterFn: (row, _id, value: string) => {
      const v = row.original;
      const hay = [v.attendees.join(' '), v.author ?? '', v.notes ?? '', ...v.followUps.map((f) => f.text)].join(' ').toLowerCase();
      return hay.includes(value.trim().toLowerCase());
    },
  });
  const filterOf = (id: string) => (filters.find((f) => f.id === id)?.value as string | undefined) ?? '';
  const setFilter = (id: string, value: string) => table.getColumn(id)?.setFilterValue(value || undefined);
  const rows = table.getRowModel().rows;

  if (visits.length === 0) return <p className="muted">{t('visits.none')}</p>;
  return (
    <div className="visits">
      <div className="filters" role="group" aria-label={t('visits.filters')}>
        <select aria-label={t('visits.filterMonth')} value={filterOf('date')} onChange={(e) => setFilter('date', e.target.value)}>
          <option value="">{t('visits.allMonths')}</option>
          {months.map((m) => <option key={m} value={m}>{monthName(m, tr.locale)}</option>)}
        </select>
        <select aria-label={t('visits.filterBoss')} value={filterOf('bossMet')} onChange={(e) => setFilter('bossMet', e.target.value)}>
          <option value="">{t('visits.bossAny')}</option>
          <option value="true">{t('visits.bossYes')}</option>
          <option value="false">{t('visits.bossNo')}</option>
        </select>
        <input type="search" aria-label={t('visits.search')} placeholder={t('visits.search')} value={words} onChange={(e) => setWords(e.target.value)} />
      </div>
      <div className="table-wrap">
        <table className="grid" aria-label={t('visits.table')}>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  return (
                    <th key={h.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}>
                      {h.column.getCanSort() ? (
                        <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()}>
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                {r.getAllCells().map((c) => <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small" role="status">{t('visits.shown', { n: rows.length, total: visits.length })}</p>
    </div>
  );
}
