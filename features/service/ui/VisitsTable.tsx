import { useEffect, useMemo, useRef, useState } from 'react';
import {
  columnFilteringFeature, createColumnHelper, createFilteredRowModel, createSortedRowModel, flexRender, globalFilteringFeature, rowSortingFeature,
  sortFn_basic, sortFn_text, tableFeatures, useTable, type ColumnFiltersState, type SortingState,
} from '@tanstack/react-table';
import type { ServiceVisit } from '../../../data/model/records';
import { monthOf } from '../../../shared/dates/calendar';
import { monthName } from '../../../shared/dates/month-name';
import { formatDate } from '../../../shared/ui/format';
import { useTr } from '../../../shared/i18n/I18n';
import { putRecordVia, removeRecordVia } from '../../../platform/panel/data-client';
import { FormMessage, type FormNote } from '../../../shared/ui/FormMessage';
import type { ServiceSettings } from '../settings';
import { visitFields } from '../visit-form';
import { VisitForm } from './VisitForm';

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

/** How long a deleted visit can be brought back from the table. */
export const UNDO_MS = 10_000;

/**
 * The account's visits, newest first, sortable by column and filtered by
 * month, boss and words. Each row can be edited (the visit form opens above
 * the table, filled in) or deleted at once, with an Undo for a few seconds
 * that puts the same visit back at its id.
 */
export function VisitsTable({ visits, checklistSize, settings, now }: { visits: ServiceVisit[]; checklistSize: number; settings: ServiceSettings; now: Date }) {
  const tr = useTr();
  const { t } = tr;
  const [editing, setEditing] = useState<ServiceVisit | null>(null);
  const [removed, setRemoved] = useState<ServiceVisit | null>(null);
  const [note, setNote] = useState<FormNote>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const day = (v: ServiceVisit) => formatDate(v.date, tr.locale);
  const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));
  // The visit being edited is still stored (not removed here or on another device).
  const editedNow = editing ? visits.find((v) => v.id === editing.id) : undefined;

  const remove = async (v: ServiceVisit) => {
    clearTimeout(timer.current);
    setRemoved(null);
    try {
      await removeRecordVia('visits', v);
    } catch (err) {
      return setNote({ ok: false, text: t('visits.deleteFailed', { reason: reason(err) }) });
    }
    if (editing?.id === v.id) setEditing(null);
    setRemoved(v);
    setNote({ ok: true, text: t('visits.deleted', { date: day(v) }) });
    timer.current = setTimeout(() => { setRemoved(null); setNote(null); }, UNDO_MS);
  };
  const undo = async (v: ServiceVisit) => {
    clearTimeout(timer.current);
    try {
      await putRecordVia('visits', { id: v.id, accountId: v.accountId }, visitFields(v));
    } catch (err) {
      return setNote({ ok: false, text: t('visits.undoFailed', { reason: reason(err) }) });
    }
    setRemoved(null);
    setNote({ ok: true, text: t('visits.restored', { date: day(v) }) });
  };
  const [sorting, setSorting] = useState<SortingState>([{ id: 'date', desc: true }]);
  const [filters, setFilters] = useState<ColumnFiltersState>([]);
  const [words, setWords] = useState('');
  const months = useMemo(() => [...new Set(visits.map((v) => monthOf(v.date)))].sort().reverse(), [visits]);

  // The columns are built once per language; the row buttons reach the current handler through this.
  const actions = useRef({ remove: (_v: ServiceVisit) => {} });
  actions.current.remove = (v) => void remove(v);
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
      col.display({
        id: 'actions',
        header: t('visits.col.actions'),
        cell: (c) => {
          const v = c.row.original;
          const date = formatDate(v.date, tr.locale);
          return (
            <span className="row-actions">
              <button type="button" className="link" aria-label={t('visits.editLabel', { date })} onClick={() => { setNote(null); setEditing(v); }}>{t('visits.edit')}</button>{' '}
              <button type="button" className="link" aria-label={t('visits.deleteLabel', { date })} onClick={() => actions.current.remove(v)}>{t('visits.delete')}</button>
            </span>
          );
        },
      }),
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

  const notice = (
    <div className="visit-notice">
      <FormMessage message={note} />
      {removed && <button type="button" onClick={() => void undo(removed)}>{t('visits.undo')}</button>}
    </div>
  );
  // The edit is based on the copy the person opened, so a change made elsewhere meanwhile merges rather than being reverted.
  const editor = editing && editedNow && (
    <VisitForm key={editing.id} accountId={editing.accountId} now={now} settings={settings} visit={editing}
      onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); setNote({ ok: true, text: t('visit.updated') }); }} />
  );
  if (visits.length === 0) return <>{notice}<p className="muted">{t('visits.none')}</p></>;
  return (
    <div className="visits">
      {editor}
      {notice}
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
