import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { ImportExport } from './ImportExport';
import { db } from '../../../data/db/db';
import type { Locale } from '../../../shared/i18n';
import { csv } from '../test-helpers';

const sendMessage = vi.hoisted(() => vi.fn(() => Promise.resolve()));
vi.mock('wxt/browser', () => ({ browser: { runtime: { sendMessage } } }));

const ui = (locale: Locale = 'en') => render(<I18nProvider locale={locale}><ImportExport /></I18nProvider>);
const choose = (label: string, name: string, text: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { files: [new File([text], name, { type: 'text/csv' })] } });

const GOOD = csv(['crm,crm_record_id,name,contract_end,owner', 'hubspot,1,Acme,2027-01-01,Maya', 'hubspot,2,"上海云帆科技",2027-02-01,李娜'], '\r\n');
const BAD = csv(['crm,crm_record_id,name,contract_end,Region', 'hubspot,1,"Acme\nGroup",2027-01-01,EMEA', 'hubspot,2,Globex,2027-02-30,EMEA']);

beforeEach(async () => {
  sendMessage.mockClear();
  await db().accounts.clear();
  await db().snapshots.clear();
});

describe('ImportExport', () => {
  it('shows a bad row with its line number and keeps confirm disabled', async () => {
    ui();
    choose('CSV or JSON file of accounts', 'bad.csv', BAD);
    const bad = await screen.findByTestId('import-bad');
    // Line 4: the first record spans lines 2–3 (a quoted newline).
    expect(within(bad).getByRole('row', { name: /^4 / })).toHaveTextContent('contract_end: “2027-02-30” is not a date written YYYY-MM-DD.');
    expect(screen.getByTestId('import-counts')).toHaveTextContent('1 account to create');
    expect(screen.getByTestId('import-counts')).toHaveTextContent('1 bad row');
    expect(screen.getByRole('alert')).toHaveTextContent('The file has 1 bad row, so nothing will be imported.');
    expect(screen.getByText('Ignored 1 column Account Lens does not know: Region')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm import' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('import-bad')).toBeNull();
    expect(await db().accounts.count()).toBe(0);
  });

  it('previews a good file, imports it on confirm and reports the counts', async () => {
    ui();
    choose('CSV or JSON file of accounts', 'good.csv', GOOD);
    const changes = await screen.findByTestId('import-changes');
    expect(within(changes).getAllByRole('row')).toHaveLength(3);
    expect(changes).toHaveTextContent('上海云帆科技');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm import' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported: 2 created, 0 updated.'));
    expect(await db().accounts.count()).toBe(2);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'data/changed' });
    expect(screen.queryByRole('button', { name: 'Confirm import' })).toBeNull();

    // The same file again: nothing to do.
    choose('CSV or JSON file of accounts', 'good.csv', GOOD);
    expect(await screen.findByText('Nothing to import: every account in the file already matches your data.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm import' })).toBeDisabled();
  });

  it('recognises a terms file by its term_end column, previews the terms and imports them with their outcomes', async () => {
    await db().contracts.clear();
    await db().outcomes.clear();
    ui();
    choose('CSV or JSON file of accounts', 'good.csv', GOOD);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm import' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported: 2 created, 0 updated.'));
    choose('CSV or JSON file of accounts', 'terms.csv', csv(['crm,crm_record_id,term_start,term_end,term_arr,outcome,new_arr', 'hubspot,1,2025-01-01,2025-12-31,100,renewed,120', 'hubspot,9,,2025-12-31,,,']));
    const bad = await screen.findByTestId('import-bad');
    expect(within(bad).getByRole('row', { name: /^3 / })).toHaveTextContent('No stored account has this CRM record');
    expect(screen.getByTestId('import-counts')).toHaveTextContent('1 term to add');
    choose('CSV or JSON file of accounts', 'terms.csv', csv(['crm,crm_record_id,term_start,term_end,term_arr,outcome,new_arr', 'hubspot,1,2025-01-01,2025-12-31,100,renewed,120']));
    expect(await screen.findByTestId('import-changes')).toHaveTextContent('Acme2025-01-01 – 2025-12-31 · renewed 2025-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm import' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported: 1 terms added, 0 updated.'));
    expect(await db().contracts.count()).toBe(1);
    expect((await db().outcomes.toArray()).map((o) => [o.kind, o.previousArr, o.newArr])).toEqual([['renewed', 100, 120]]);
  });

  it('explains a file that is not an accounts file, in Chinese too', async () => {
    ui('zh-CN');
    choose('客户 CSV 或 JSON 文件', 'x.csv', 'hello,world\n1,2\n');
    expect(await screen.findByRole('alert')).toHaveTextContent('这不是客户文件：缺少必填列：crm, crm_record_id, name, contract_end。');
    expect(screen.queryByRole('button', { name: '确认导入' })).toBeNull();
  });

  it('still reports success when nobody listens for the change message', async () => {
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    ui();
    choose('CSV or JSON file of accounts', 'good.csv', GOOD);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm import' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported: 2 created, 0 updated.'));
  });

  it('exports the accounts as a CSV download, and links the template', async () => {
    await db().accounts.put({ id: 'a', crm: 'hubspot', recordId: '1', name: '=cmd', contractEnd: '2027-01-01', createdAt: '', updatedAt: '' });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    ui();
    expect(screen.getByRole('link', { name: 'Download the CSV template' })).toHaveAttribute('href', '/templates/accounts-template.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Export accounts (CSV)' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Downloaded account-lens-accounts-\d{4}-\d{2}-\d{2}\.csv\.$/));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await blobs[0]!.text()).toContain("hubspot,1,,'=cmd,");
    fireEvent.click(screen.getByRole('button', { name: 'Export all (JSON)' }));
    await waitFor(() => expect(blobs).toHaveLength(2));
    expect(JSON.parse(await blobs[1]!.text())).toMatchObject({ format: 'account-lens-export', version: 1, tables: { accounts: [{ id: 'a' }] } });
    click.mockRestore();
  });
});
