import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nProvider } from '../../../shared/i18n/I18n';
import { ImportExport } from './ImportExport';
import { writeRecord } from '../../../data/sync/outbox';
import { db, LensDB } from '../../../data/db/db';
import { loadDemoData } from '../../../platform/demo/load';
import { reportDrill } from '../../../tests/support/drill-report';
import { StorageFullError } from '../../../data/db/storage-full';
import { csv } from '../test-helpers';
import { PageMessageSchema } from '../../../platform/messaging/protocol';
import { pageCommands } from '../../../platform/background/page-commands';
import type { ReminderBrowser } from '../../../platform/background/reminders';
import type { Schedule } from '../../../platform/background/schedule';

// Quota pressure: IndexedDB refuses writes once "full" (a QuotaExceededError
// injected into every put and add after a budget of writes). The user is told
// in plain words, and nothing is half-written: the data before stays whole.
// The page's messages reach the background's own commands, parsed as the router parses them.
vi.mock('wxt/browser', () => ({ browser: { runtime: { sendMessage: (m: unknown) => background(m) } } }));
const commands = pageCommands({ changedElsewhere: () => Promise.resolve() } as unknown as Schedule, {} as ReminderBrowser);
async function background(message: unknown): Promise<unknown> {
  const msg = PageMessageSchema.parse(message);
  return (commands[msg.type] as (m: typeof msg, s: object) => unknown)(msg, {});
}

let budget = Infinity;
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
function fillUpAfter(writes: number) {
  budget = writes;
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (budget-- <= 0) throw quotaError();
      return original.apply(this, args);
    });
  }
}
afterEach(() => {
  vi.restoreAllMocks();
  budget = Infinity;
});

const NOW = new Date('2026-11-23T10:00:00Z');
const rows = (n: number) => csv(['crm,crm_record_id,name,contract_end', ...Array.from({ length: n }, (_, i) => `hubspot,${700000 + i},Quota ${i},2027-06-30`)]);
const dump = async (d: LensDB) => JSON.stringify(await Promise.all(d.tables.map((t) => t.toArray())));

describe('storage full', () => {
  it('an import that does not fit is refused whole, says so, and the data before stays as it was', async () => {
    await db().delete();
    await db().open();
    await loadDemoData(db(), NOW);
    const before = await dump(db());
    render(<I18nProvider locale="en"><ImportExport /></I18nProvider>);
    fireEvent.change(screen.getByLabelText('CSV or JSON file of accounts'), { target: { files: [new File([rows(500)], 'big.csv', { type: 'text/csv' })] } });
    const confirm = await screen.findByRole('button', { name: 'Confirm import' });
    fillUpAfter(200); // room for 200 more rows, not 500
    fireEvent.click(confirm);
    expect(await screen.findByRole('alert')).toHaveTextContent('The browser’s storage for Account Lens is full, so nothing was imported and your data is as it was.');
    vi.restoreAllMocks();
    expect(await dump(db())).toBe(before);
    // With room again, the same database takes writes: it was not left broken.
    fireEvent.change(screen.getByLabelText('CSV or JSON file of accounts'), { target: { files: [new File([rows(3)], 'small.csv', { type: 'text/csv' })] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Confirm import' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Imported: 3 created, 0 updated.'));
    expect(await db().accounts.count()).toBe(53);
    reportDrill({ drill: 'storage full: import (injected)', faults: 1, checks: expect.getState().assertionCalls, lost: 0 });
    // Two imports through the real form and database: seconds on a busy machine, so more than the default 5 s.
  }, 30_000);

  it('a record written when storage is full is not stored without its outbox entry, nor the entry without the record', async () => {
    const d = new LensDB(`quota-${Math.random()}`);
    await loadDemoData(d, NOW);
    const before = await dump(d);
    const note = { id: 'n-quota', accountId: 'demo-001', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), kind: 'long_term_value', audience: 'boss', text: 'Reviewed the year', doneAt: '2026-11-23' };
    // The record fits; its outbox entry, in the same transaction, does not.
    fillUpAfter(1);
    await expect(writeRecord(d, 'notes', note, NOW)).rejects.toBeInstanceOf(StorageFullError);
    vi.restoreAllMocks();
    expect(await d.notes.get('n-quota')).toBeUndefined();
    expect(await d.outbox.count()).toBe(0);
    expect(await dump(d)).toBe(before);
    // With room again the same write goes through, record and entry together.
    await writeRecord(d, 'notes', note, NOW);
    expect(await d.notes.get('n-quota')).toBeDefined();
    expect(await d.outbox.count()).toBe(1);
    reportDrill({ drill: 'storage full: record + outbox (injected)', faults: 1, checks: expect.getState().assertionCalls, lost: 0 });
  });
});
