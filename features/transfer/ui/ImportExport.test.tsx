import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { ImportExport } from './ImportExport';
import type { Locale } from '../../../shared/i18n';
import type { Account } from '../../../data/model/account';
import type { AnyPlan, ApplyAnswer, PreviewAnswer, TextAnswer, TransferErrorCode } from '../answers';
import { isJsonFile, planImportFile } from '../import';
import { planTermsFile } from '../terms/apply';
import { isTermsFile } from '../terms/plan';
import { csv, NOW } from '../test-helpers';

// The background is out of reach here: the client answers as it would, planning on the stored accounts below.
let stored: Account[] = [];
async function plan(fileName: string, text: string): Promise<AnyPlan> {
  const json = isJsonFile(fileName, text);
  return isTermsFile(json, text)
    ? planTermsFile(json, text, async () => ({ accounts: stored, contracts: [], outcomes: [] }), NOW)
    : planImportFile(fileName, text, async () => ({ accounts: stored, snapshots: [] }), NOW);
}
const client = vi.hoisted(() => ({
  previewFile: vi.fn<(fileName: string, text: string) => Promise<PreviewAnswer>>(),
  applyFile: vi.fn<(fileName: string, text: string, fingerprint: string) => Promise<ApplyAnswer>>(),
  exportText: vi.fn<(kind: 'json' | 'csv' | 'terms') => Promise<TextAnswer>>(),
}));
vi.mock('../client', () => client);

const ui = (locale: Locale = 'en') => render(<I18nProvider locale={locale}><ImportExport /></I18nProvider>);
const choose = (label: string, name: string, text: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { files: [new File([text], name, { type: 'text/csv' })] } });
const LABEL = 'CSV or JSON file of accounts';

const GOOD = csv(['crm,crm_record_id,name,contract_end,owner', 'hubspot,1,Acme,2027-01-01,Maya', 'hubspot,2,"上海云帆科技",2027-02-01,李娜'], '\r\n');
const BAD = csv(['crm,crm_record_id,name,contract_end,Region', 'hubspot,1,"Acme\nGroup",2027-01-01,EMEA', 'hubspot,2,Globex,2027-02-30,EMEA']);
const ACME: Account = { id: 'a1', crm: 'hubspot', recordId: '1', name: 'Acme', contractEnd: '2027-01-01', createdAt: '', updatedAt: '' };

beforeEach(() => {
  stored = [];
  client.previewFile.mockReset().mockImplementation(async (fileName, text) => ({ ok: true, plan: await plan(fileName, text), fingerprint: `fp:${fileName}` }));
  client.applyFile.mockReset();
  client.exportText.mockReset();
});

describe('ImportExport', () => {
  it('shows a bad row with its line number and keeps confirm disabled', async () => {
    ui();
    choose(LABEL, 'bad.csv', BAD);
    const bad = await screen.findByTestId('import-bad');
    // Line 4: the first record spans lines 2–3 (a quoted newline).
    expect(within(bad).getByRole('row', { name: /^4 / })).toHaveTextContent('contract_end: the calendar has no 2027-02-30.');
    expect(screen.getByTestId('import-counts')).toHaveTextContent('1 account to create');
    expect(screen.getByTestId('import-counts')).toHaveTextContent('1 bad row');
    expect(screen.getByRole('alert')).toHaveTextContent('The file has 1 bad row, so nothing will be imported.');
    expect(screen.getByText('Ignored 1 column Account Lens does not know: Region')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm import' })).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('import-bad')).toBeNull();
    expect(client.applyFile).not.toHaveBeenCalled();
  });

  it('previews a good file, sends the same text with its fingerprint on confirm and reports the counts', async () => {
    client.applyFile.mockResolvedValue({ ok: true, kind: 'accounts', created: 2, updated: 0 });
    ui();
    choose(LABEL, 'good.csv', GOOD);
    const changes = await screen.findByTestId('import-changes');
    expect(client.previewFile).toHaveBeenCalledWith('good.csv', GOOD);
    expect(within(changes).getAllByRole('row')).toHaveLength(3);
    expect(changes).toHaveTextContent('上海云帆科技');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm import' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported: 2 created, 0 updated.'));
    expect(client.applyFile).toHaveBeenCalledWith('good.csv', GOOD, 'fp:good.csv');
    expect(screen.queryByRole('button', { name: 'Confirm import' })).toBeNull();

    // The same file again, now stored: nothing to do.
    stored = [ACME, { ...ACME, id: 'a2', recordId: '2', name: '上海云帆科技', contractEnd: '2027-02-01', owner: '李娜' }].map((a) => (a.id === 'a1' ? { ...a, owner: 'Maya' } : a));
    choose(LABEL, 'good.csv', GOOD);
    expect(await screen.findByText('Nothing to import: every account in the file already matches your data.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Confirm import' })).toBeDisabled();
  });

  it('recognises a terms file by its term_end column and previews the terms', async () => {
    stored = [ACME];
    client.applyFile.mockResolvedValue({ ok: true, kind: 'terms', created: 1, updated: 0 });
    ui();
    choose(LABEL, 'terms.csv', csv(['crm,crm_record_id,term_start,term_end,term_arr,outcome,new_arr', 'hubspot,1,2025-01-01,2025-12-31,100,renewed,120', 'hubspot,9,,2025-12-31,,,']));
    const bad = await screen.findByTestId('import-bad');
    expect(within(bad).getByRole('row', { name: /^3 / })).toHaveTextContent('No stored account has this CRM record');
    expect(screen.getByTestId('import-counts')).toHaveTextContent('1 term to add');
    choose(LABEL, 'terms.csv', csv(['crm,crm_record_id,term_start,term_end,term_arr,outcome,new_arr', 'hubspot,1,2025-01-01,2025-12-31,100,renewed,120']));
    expect(await screen.findByTestId('import-changes')).toHaveTextContent('Acme2025-01-01 – 2025-12-31 · renewed 2025-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Confirm import' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported: 1 terms added, 0 updated.'));
  });

  it('explains a file that is not an accounts file, in Chinese too', async () => {
    ui('zh-CN');
    choose('客户 CSV 或 JSON 文件', 'x.csv', 'hello,world\n1,2\n');
    expect(await screen.findByRole('alert')).toHaveTextContent('这不是客户文件：缺少必填列：crm, crm_record_id, name, contract_end。');
    expect(screen.queryByRole('button', { name: '确认导入' })).toBeNull();
  });

  it.each<[TransferErrorCode, string]>([
    ['conflict', 'Your data changed after the preview, so nothing was saved. Choose the file again to see a new preview.'],
    ['quotaFull', 'The browser’s storage for Account Lens is full, so nothing was imported and your data is as it was.'],
    ['storageUnavailable', 'The browser could not open the storage of Account Lens'],
    ['failed', 'Import failed and nothing was saved: the worker stopped'],
  ])('words the background’s refusal %s as before', async (code, words) => {
    client.applyFile.mockResolvedValue({ ok: false, code, reason: 'the worker stopped' });
    ui();
    choose(LABEL, 'good.csv', GOOD);
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(words);
    expect(screen.queryByRole('button', { name: 'Confirm import' })).toBeNull(); // back to choosing a file
  });

  it('refuses a file over the limit without sending it', async () => {
    ui();
    const big = new File(['x'], 'big.csv', { type: 'text/csv' });
    Object.defineProperty(big, 'size', { value: 50 * 1024 * 1024 + 1 });
    fireEvent.change(screen.getByLabelText(LABEL), { target: { files: [big] } });
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is larger than 50 MB.');
    expect(client.previewFile).not.toHaveBeenCalled();
  });

  it('exports what the background sends as a download, and links the template', async () => {
    client.exportText.mockImplementation(async (kind) => ({ ok: true, text: kind === 'csv' ? "crm,crm_record_id\r\nhubspot,'=cmd\r\n" : '{"format":"account-lens-export"}' }));
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    ui();
    expect(screen.getByRole('link', { name: 'Download the CSV template' })).toHaveAttribute('href', '/templates/accounts-template.csv');
    expect(screen.getByRole('link', { name: 'Download the CSV template with Chinese headers' })).toHaveAttribute('href', '/templates/accounts-template.zh-CN.csv');
    expect(screen.getByRole('link', { name: 'Download the terms template with Chinese headers (CSV).' })).toHaveAttribute('href', '/templates/terms-template.zh-CN.csv');
    fireEvent.click(screen.getByRole('button', { name: 'Export accounts (CSV)' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/^Downloaded account-lens-accounts-\d{4}-\d{2}-\d{2}\.csv\.$/));
    expect(click).toHaveBeenCalledTimes(1);
    expect(await blobs[0]!.text()).toBe("crm,crm_record_id\r\nhubspot,'=cmd\r\n");
    fireEvent.click(screen.getByRole('button', { name: 'Export all (JSON)' }));
    await waitFor(() => expect(blobs).toHaveLength(2));
    expect(client.exportText.mock.calls).toEqual([['csv'], ['json']]);
    client.exportText.mockResolvedValueOnce({ ok: false, code: 'storageUnavailable', reason: 'no storage' });
    fireEvent.click(screen.getByRole('button', { name: 'Export terms (CSV)' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('no storage');
    click.mockRestore();
  });
});
