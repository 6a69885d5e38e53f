import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useSyncExternalStore } from 'react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import type { Locale } from '../../../shared/i18n';
import type { ServiceVisit } from '../../../data/model/records';
import { fakeVisit } from '../../../tests/support/builders';
import { DEFAULT_SERVICE_SETTINGS } from '../settings';
import { VisitForm } from './VisitForm';
import { UNDO_MS, VisitsTable } from './VisitsTable';

// A stand-in for the background: the stored visits, with tombstones, as the named writes leave them.
const db = vi.hoisted(() => ({ rows: [] as Record<string, unknown>[], listeners: new Set<() => void>(), calls: [] as unknown[][] }));
vi.mock('../../../platform/panel/data-client', () => {
  const changed = () => db.listeners.forEach((l) => l());
  const at = (id: string) => db.rows.findIndex((r) => r.id === id);
  return {
    createRecordVia: vi.fn(async (kind: string, fields: Record<string, unknown>) => {
      db.calls.push(['create', kind, fields]);
      db.rows = [...db.rows, { ...fields, id: `new-${db.rows.length}`, createdAt: 'x', updatedAt: 'x' }];
      changed();
      return `new-${db.rows.length - 1}`;
    }),
    updateRecordVia: vi.fn(async (kind: string, record: { id: string; version?: number }, patch: Record<string, unknown>) => {
      db.calls.push(['update', kind, { id: record.id, version: record.version }, patch]);
      db.rows = db.rows.map((r, i) => (i === at(record.id) ? { ...r, ...patch } : r));
      changed();
    }),
    removeRecordVia: vi.fn(async (kind: string, record: { id: string; version?: number }) => {
      db.calls.push(['remove', kind, { id: record.id, version: record.version }]);
      db.rows = db.rows.map((r, i) => (i === at(record.id) ? { ...r, deleted: true } : r));
      changed();
    }),
    putRecordVia: vi.fn(async (kind: string, where: { id: string; accountId: string }, fields: Record<string, unknown>) => {
      db.calls.push(['put', kind, where, fields]);
      db.rows = db.rows.map((r, i) => (i === at(where.id) ? { ...r, ...fields, deleted: false } : r));
      changed();
    }),
  };
});

const NOW = new Date(2026, 10, 23, 10);
const stamp = '2026-11-01T00:00:00.000Z';
const first = fakeVisit({
  id: 'v1', accountId: 'a1', createdAt: stamp, updatedAt: stamp, version: 3, date: '2026-11-20', durationMin: 60, attendees: ['Lee'],
  bossMet: true, checklistDone: ['boss.month'], notes: 'SSO rollout', sentiment: { band: 'green' },
});
const second = fakeVisit({ id: 'v2', accountId: 'a1', createdAt: stamp, updatedAt: stamp, version: 1, date: '2026-10-30', attendees: ['Kim'], notes: 'dashboards' });

/** The panel's live list: what the background's watch answers (removed visits left out). */
function LiveTable() {
  const rows = useSyncExternalStore((l) => (db.listeners.add(l), () => db.listeners.delete(l)), () => db.rows);
  const visits = rows.filter((r) => !r.deleted) as ServiceVisit[];
  return <VisitsTable visits={visits} checklistSize={12} settings={DEFAULT_SERVICE_SETTINGS} now={NOW} />;
}
const inLocale = (locale: Locale, ui: React.ReactNode) => render(<I18nProvider locale={locale}>{ui}</I18nProvider>);
const listed = () => within(screen.getByRole('table')).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent);

beforeEach(() => {
  db.rows = [first, second];
  db.calls.length = 0;
});
afterEach(() => vi.useRealTimers());

describe('VisitForm: never an empty visit', () => {
  it.each([
    ['en', false, 'Save visit', 'The visit was not saved: add who attended, tick a checklist item or write a note.'],
    ['zh-CN', false, '保存拜访', '拜访未保存：请填写参与人、勾选一项清单或写下纪要。'],
    ['en', true, 'Save visit', 'The visit was not saved: add who attended or write a note.'],
    ['zh-CN', true, '保存拜访', '拜访未保存：请填写参与人或写下纪要。'],
  ] as const)('in %s (quick: %s), one click on save stores nothing and says why', async (locale, quick, save, message) => {
    inLocale(locale, <VisitForm accountId="a1" now={NOW} settings={DEFAULT_SERVICE_SETTINGS} quick={quick} />);
    fireEvent.click(screen.getByLabelText(locale === 'en' ? 'Met the boss' : '见到了老板'));
    fireEvent.click(screen.getByRole('button', { name: save }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(db.calls).toEqual([]);
  });

  it('the quick form in the popup logs attendees, the boss and the read, created by the background', async () => {
    inLocale('en', <VisitForm accountId="a1" now={NOW} settings={DEFAULT_SERVICE_SETTINGS} quick />);
    fireEvent.change(screen.getByLabelText('Attendees'), { target: { value: '王经理, Ops lead' } });
    fireEvent.click(screen.getByLabelText('Met the boss'));
    fireEvent.click(screen.getByRole('radio', { name: 'yellow' }));
    fireEvent.change(screen.getByLabelText('Why, in one line'), { target: { value: 'two plants late' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save visit' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Visit saved.');
    expect(db.calls).toEqual([['create', 'visits', {
      accountId: 'a1', date: '2026-11-23', durationMin: 60, attendees: ['王经理', 'Ops lead'], bossMet: true, checklistDone: [], followUps: [],
      sentiment: { band: 'yellow', reason: 'two plants late' },
    }]]);
  });
});

describe('VisitsTable: edit, delete and undo', () => {
  it('edits a visit in place: the form opens filled in and only the changed fields are sent, based on the version shown', async () => {
    inLocale('en', <LiveTable />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit the visit of Nov 20, 2026' }));
    const form = screen.getByRole('form', { name: 'Edit the visit of Nov 20, 2026' });
    expect(within(form).getByLabelText('Attendees')).toHaveValue('Lee');
    expect(within(form).getByLabelText('Notes')).toHaveValue('SSO rollout');
    expect(within(form).getByLabelText('Review the month')).toBeChecked();
    expect(within(form).getByRole('radio', { name: 'green' })).toBeChecked();
    fireEvent.change(within(form).getByLabelText('Length (minutes)'), { target: { value: '90' } });
    fireEvent.change(within(form).getByLabelText('Notes'), { target: { value: 'SSO rollout, two plants live' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Visit changed.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).toBeNull();
    expect(db.calls).toEqual([['update', 'visits', { id: 'v1', version: 3 }, { durationMin: 90, notes: 'SSO rollout, two plants live' }]]);
    expect(screen.getByText('90 min')).toBeInTheDocument();
  });

  it('refuses to save an edit that empties the visit, and cancel leaves it as it was', async () => {
    inLocale('en', <LiveTable />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit the visit of Oct 30, 2026' }));
    const form = screen.getByRole('form', { name: 'Edit the visit of Oct 30, 2026' });
    fireEvent.change(within(form).getByLabelText('Attendees'), { target: { value: '' } });
    fireEvent.change(within(form).getByLabelText('Notes'), { target: { value: ' ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('add who attended, tick a checklist item or write a note');
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('form')).toBeNull();
    expect(db.calls).toEqual([]);
  });

  it('deletes at once, and Undo puts the same visit back at its id', async () => {
    inLocale('en', <LiveTable />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete the visit of Nov 20, 2026' }));
    expect(await screen.findByText('Visit of Nov 20, 2026 deleted.')).toBeInTheDocument();
    expect(listed()).toEqual(['Oct 30, 2026']);
    expect(db.calls[0]).toEqual(['remove', 'visits', { id: 'v1', version: 3 }]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Visit of Nov 20, 2026 restored.')).toBeInTheDocument();
    expect(db.calls[1]).toEqual(['put', 'visits', { id: 'v1', accountId: 'a1' }, {
      date: '2026-11-20', durationMin: 60, attendees: ['Lee'], bossMet: true, checklistDone: ['boss.month'], notes: 'SSO rollout', followUps: [], sentiment: { band: 'green' },
    }]);
    expect(listed()).toEqual(['Nov 20, 2026', 'Oct 30, 2026']);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(db.rows.find((r) => r.id === 'v1')).toMatchObject({ deleted: false, version: 3 });
  });

  it('offers Undo for ten seconds, in Chinese too, even when the last visit was deleted', async () => {
    vi.useFakeTimers();
    db.rows = [second];
    inLocale('zh-CN', <LiveTable />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '删除 2026年10月30日 的拜访' })));
    expect(screen.getByText('2026年10月30日 的拜访已删除。')).toBeInTheDocument();
    expect(screen.getByText('还没有拜访记录。')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(UNDO_MS - 100));
    expect(screen.getByRole('button', { name: '撤销' })).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(200));
    expect(screen.queryByRole('button', { name: '撤销' })).toBeNull();
    expect(db.calls.map((c) => c[0])).toEqual(['remove']);
  });
});
