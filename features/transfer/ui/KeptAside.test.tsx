import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { KeptAside } from './KeptAside';
import { db } from '../../../data/db/db';
import type { Locale } from '../../../shared/i18n';
import { seedV1 } from '../../../tests/support/old-databases';

const ui = (locale: Locale = 'en') => render(<I18nProvider locale={locale}><KeptAside /></I18nProvider>);
const at = '2026-01-01T00:00:00.000Z';
const PERCENT = { id: 'p', crm: 'dynamics', recordId: '%E0%A4%A', name: 'Globex', contractEnd: '2027-01-01', createdAt: at, updatedAt: at };
const NO_ID = { id: 'm', crm: 'hubspot', name: 'Bad\u0000Name', contractEnd: '2027-01-01', createdAt: at, updatedAt: at };
const SHORT = { id: 'old', crm: 'salesforce', recordId: '001D000000IqhSL', name: 'Acme (old)', contractEnd: '2027-01-01', createdAt: at, updatedAt: at };
const LONG = { ...SHORT, id: 'new', recordId: '001D000000IqhSLIAZ', name: 'Acme', updatedAt: '2026-02-01T00:00:00.000Z' };

// The user's database is still at version 1 when the options page first opens it.
beforeAll(() => seedV1('account-lens', [PERCENT, NO_ID, SHORT, LONG]));

describe('rows kept aside during an upgrade, on the options page', () => {
  it('lists each row with its reason, exports them all, and discards one only after a second click', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    ui();
    const table = await screen.findByTestId('kept-aside');
    expect(screen.getByRole('heading', { name: 'Kept aside during an upgrade' })).toBeInTheDocument();
    expect(screen.getByText('3 rows kept aside')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    // Rows that cannot be accounts first (in key order), then merged ones. A NUL byte is shown as its code, never written into the page.
    expect(rows[0]).toHaveTextContent('Bad\\u0000Name · hubspot ? · (m)');
    expect(rows[0]).toHaveTextContent('Its CRM record id is missing or cannot be read');
    expect(rows[0]).toHaveTextContent('Found by the upgrade v1→v4: the record id is missing');
    expect(rows[1]).toHaveTextContent('Globex · dynamics %E0%A4%A · (p)');
    await waitFor(() => expect(rows[2]).toHaveTextContent('The same CRM record as “Acme”: merged into that account'));
    expect(rows[2]).toHaveTextContent('Acme (old) · salesforce 001D000000IqhSL · (old)');

    fireEvent.click(screen.getByRole('button', { name: 'Export as JSON' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Downloaded account-lens-kept-aside-\d{4}-\d{2}-\d{2}\.json\.$/));
    expect(click).toHaveBeenCalledTimes(1);
    const file = JSON.parse(await blobs[0]!.text()) as { format: string; entries: { row: unknown; reason: string; mergedInto?: string }[] };
    expect(file.format).toBe('account-lens-kept-aside');
    expect(file.entries.map((e) => e.row)).toEqual([NO_ID, PERCENT, SHORT]); // exactly as they were stored
    expect(file.entries[2]).toMatchObject({ reason: 'merged', mergedInto: 'new' });

    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Discard Globex · dynamics %E0%A4%A · (p)' }));
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Keep' })); // changed their mind
    expect(await db().quarantine.count()).toBe(3);
    fireEvent.click(within(rows[1]!).getByRole('button', { name: /^Discard Globex/ }));
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Discard for good' }));
    await waitFor(() => expect(within(screen.getByTestId('kept-aside')).getAllByRole('row')).toHaveLength(3));
    expect((await db().quarantine.toArray()).map((q) => (q.row as { id: string }).id)).toEqual(['m', 'old']);
    expect((await db().accounts.toArray()).map((a) => a.id)).toEqual(['new']); // discarding touches nothing else
    click.mockRestore();
  });

  it('speaks Chinese too', async () => {
    ui('zh-CN');
    expect(await screen.findByRole('heading', { name: '升级时单独保留的数据' })).toBeInTheDocument();
    expect(screen.getByText('单独保留了 2 行')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '导出为 JSON' })).toBeInTheDocument();
    expect(screen.getByText(/CRM 记录 ID 缺失或无法识别/)).toBeInTheDocument();
  });

  it('is shown only while something is kept aside', async () => {
    await db().quarantine.clear();
    const { container } = ui();
    expect(container).toBeEmptyDOMElement();
    const seq = await db().quarantine.add({ table: 'accounts', step: 'v3→v4', reason: 'invalid', detail: 'contractEnd: must be a calendar date', row: { id: 'x', name: 'Initech' } });
    expect(await screen.findByText('1 row kept aside')).toBeInTheDocument();
    expect(screen.getByTestId('kept-aside')).toHaveTextContent('A field does not fit what an account needs.');
    await db().quarantine.delete(seq);
    await waitFor(() => expect(container).toBeEmptyDOMElement());
  });
});
