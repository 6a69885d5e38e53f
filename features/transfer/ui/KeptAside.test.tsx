import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { KeptAside } from './KeptAside';
import type { Locale } from '../../../shared/i18n';
import type { Answer, KeptRow, TextAnswer } from '../answers';

// The list is the background's live watch: here a value the test changes, as the watch would after a discard.
const client = vi.hoisted(() => {
  const state = { rows: [] as KeptRow[], listeners: new Set<() => void>() };
  return {
    state,
    exportKeptAside: vi.fn<() => Promise<TextAnswer>>(),
    discardKeptRow: vi.fn<(seq: number) => Promise<Answer<object>>>(),
  };
});
vi.mock('../client', async () => {
  const { useSyncExternalStore } = await import('react');
  const subscribe = (l: () => void) => (client.state.listeners.add(l), () => void client.state.listeners.delete(l));
  return { ...client, useKeptRows: () => ({ value: useSyncExternalStore(subscribe, () => client.state.rows) }) };
});
const setRows = (rows: KeptRow[]) => act(() => {
  client.state.rows = rows;
  client.state.listeners.forEach((l) => l());
});

const ui = (locale: Locale = 'en') => render(<I18nProvider locale={locale}><KeptAside /></I18nProvider>);
const ROWS: KeptRow[] = [
  { seq: 1, row: 'Bad\\u0000Name · hubspot ? · (m)', reason: 'record-id', step: 'v1→v4', detail: 'the record id is missing' },
  { seq: 2, row: 'Globex · dynamics %E0%A4%A · (p)', reason: 'record-id', step: 'v1→v4', detail: 'not a dynamics record id' },
  { seq: 3, row: 'Acme (old) · salesforce 001D000000IqhSL · (old)', reason: 'merged', step: 'v1→v4', detail: 'same record as new', into: 'Acme' },
];

beforeEach(() => {
  client.state.rows = ROWS;
  client.exportKeptAside.mockReset();
  client.discardKeptRow.mockReset();
});

describe('rows kept aside during an upgrade, on the options page', () => {
  it('lists each row with its reason, exports them all, and discards one only after a second click', async () => {
    client.exportKeptAside.mockResolvedValue({ ok: true, text: '{"format":"account-lens-kept-aside","entries":[]}' });
    client.discardKeptRow.mockImplementation(async (seq) => (setRows(client.state.rows.filter((r) => r.seq !== seq)), { ok: true }));
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    ui();
    const table = screen.getByTestId('kept-aside');
    expect(screen.getByRole('heading', { name: 'Kept aside during an upgrade' })).toBeInTheDocument();
    expect(screen.getByText('3 rows kept aside')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Bad\\u0000Name · hubspot ? · (m)');
    expect(rows[0]).toHaveTextContent('Its CRM record id is missing or cannot be read');
    expect(rows[0]).toHaveTextContent('Found by the upgrade v1→v4: the record id is missing');
    expect(rows[2]).toHaveTextContent('The same CRM record as “Acme”: merged into that account');

    fireEvent.click(screen.getByRole('button', { name: 'Export as JSON' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Downloaded account-lens-kept-aside-\d{4}-\d{2}-\d{2}\.json\.$/));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await blobs[0]!.text()).toBe('{"format":"account-lens-kept-aside","entries":[]}');

    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Discard Globex · dynamics %E0%A4%A · (p)' }));
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Keep' })); // changed their mind
    expect(client.discardKeptRow).not.toHaveBeenCalled();
    fireEvent.click(within(rows[1]!).getByRole('button', { name: /^Discard Globex/ }));
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Discard for good' }));
    await waitFor(() => expect(within(screen.getByTestId('kept-aside')).getAllByRole('row')).toHaveLength(3));
    expect(client.discardKeptRow.mock.calls).toEqual([[2]]);
    click.mockRestore();
  });

  it('says so when the background refuses, and keeps the row', async () => {
    client.discardKeptRow.mockResolvedValue({ ok: false, code: 'storageUnavailable', reason: 'storage closed' });
    ui();
    fireEvent.click(screen.getByRole('button', { name: /^Discard Globex/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard for good' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('storage closed');
    expect(within(screen.getByTestId('kept-aside')).getAllByRole('row')).toHaveLength(4);
  });

  it('speaks Chinese too', () => {
    ui('zh-CN');
    expect(screen.getByRole('heading', { name: '升级时单独保留的数据' })).toBeInTheDocument();
    expect(screen.getByText('单独保留了 3 行')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导出为 JSON' })).toBeInTheDocument();
    expect(screen.getAllByText(/CRM 记录 ID 缺失或无法识别/)).toHaveLength(2);
  });

  it('is shown only while something is kept aside', async () => {
    client.state.rows = [];
    const { container } = ui();
    expect(container).toBeEmptyDOMElement();
    setRows([{ seq: 9, row: 'Initech · (x)', reason: 'invalid', step: 'v3→v4', detail: 'contractEnd: must be a calendar date' }]);
    expect(await screen.findByText('1 row kept aside')).toBeInTheDocument();
    expect(screen.getByTestId('kept-aside')).toHaveTextContent('A field does not fit what an account needs.');
    setRows([]);
    expect(container).toBeEmptyDOMElement();
  });
});
