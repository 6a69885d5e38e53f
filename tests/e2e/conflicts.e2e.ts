import { beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, patchRow, readRow, readStores } from '../../scripts/drills/common';
import { openPanel, useLens } from './fixture';

// A conflict the team server recorded on a next step (two people changed its
// due date without seeing each other's change) is shown at the top of the
// account, whichever tab the record belongs to, and settled with one click.
const lens = useLens();
let ext: Page;
beforeAll(async () => {
  ext = await extensionPage(lens);
});

type Row = { id: string; accountId?: string; recordId?: string; title?: string; status?: string; dueDate?: string; version?: number; conflicts?: unknown[] };

it('shows a next step’s conflict above the tabs and puts the other value back in one click', async () => {
  // The background raises the demo book's next steps shortly after loading
  // it, so wait for one rather than read the store once.
  let accounts: Row[] = [];
  let cta: Row | undefined;
  await expect.poll(async () => {
    const stores = (await readStores(ext, ['accounts', 'ctas'])) as Record<string, Row[]>;
    accounts = stores.accounts ?? [];
    cta = (stores.ctas ?? []).find((c) => c.status === 'open' && accounts.some((a) => a.id === c.accountId && lens.crm.records.some((r) => r.recordId === a.recordId)));
    return cta !== undefined;
  }, { timeout: 15_000, message: 'the demo book has an open next step on a CRM record' }).toBe(true);
  const account = accounts.find((a) => a.id === cta!.accountId)!;
  const other = cta!.dueDate === '2027-01-15' ? '2027-01-16' : '2027-01-15';
  const conflict = { field: 'dueDate', value: other, by: 'Dana Wu', keptBy: 'Lee Chen', at: '2026-11-23T08:59:00.000Z', version: cta!.version ?? 0 };
  expect(await patchRow(ext, 'ctas', cta!.id, { conflicts: [conflict] })).toBe(true);

  const page = await lens.openRecord(account.recordId!);
  const frame = await openPanel(lens, page, '');
  const section = frame.getByRole('region', { name: 'Changes to settle' });
  await section.getByRole('heading', { name: `Next step: ${cta!.title}` }).waitFor();
  await section.getByText('The due date was changed by two people, each without seeing the other\'s change.').waitFor();
  await section.getByText(`Also written: “${other}” (Dana Wu,`, { exact: false }).waitFor();
  await section.getByRole('button', { name: 'Use the other value' }).click();

  await expect.poll(async () => {
    const row = (await readRow(ext, 'ctas', cta!.id)) as Row;
    return [row.dueDate, row.conflicts ?? []];
  }, { timeout: 10_000 }).toEqual([other, []]);
  await expect.poll(() => frame.getByTestId('account-conflicts').innerHTML(), { timeout: 10_000 }).toBe('');
  await page.close();
});
