import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { extensionPage, readRow, readStores } from '../../scripts/drills/common';
import { openPanel, startLens, tabIdOf, type Lens } from './fixture';

// Visits in the built extension: the popup refuses an empty visit and logs one
// with attendees, the boss and the CSM's read; the panel's visit log edits it,
// deletes it and brings it back with Undo. Each step is checked in IndexedDB.
let lens: Lens;
let ext: Page;
beforeAll(async () => {
  lens = await startLens();
  ext = await extensionPage(lens);
});
afterAll(async () => {
  expect(lens.dialogs).toEqual([]);
  await lens?.close();
});

type Visit = { id: string; accountId: string; attendees: string[]; bossMet: boolean; durationMin: number; notes?: string; deleted?: boolean; version?: number; sentiment?: { band: string; reason?: string } };
const NAME = 'Initech Software';
const ADD_FOLLOW_UP = 'Add a follow-up';
const visitsOf = async (accountId: string) => ((await readStores(ext, ['visits'])).visits as Visit[]).filter((v) => v.accountId === accountId);

it('logs a visit from the popup, edits it, deletes it and undoes the deletion', async () => {
  const { accounts = [] } = (await readStores(ext, ['accounts'])) as Record<string, { id: string; name: string }[]>;
  const accountId = accounts.find((a) => a.name === NAME)!.id;
  const before = (await visitsOf(accountId)).length;
  const record = lens.crm.records.find((r) => r.name === NAME)!;
  const page = await lens.openRecord(record.recordId);
  const frame = await openPanel(lens, page, NAME);

  // The popup: one click on save stores nothing and says why.
  const popup = await lens.browser.context.newPage();
  await popup.goto(`chrome-extension://${lens.browser.extensionId}/popup.html?tab=${await tabIdOf(lens, page.url())}`);
  await popup.getByRole('heading', { name: NAME }).waitFor();
  await popup.getByRole('tab', { name: 'Log a visit' }).click();
  const quick = popup.getByRole('form', { name: 'Quick visit log' });
  await quick.getByRole('button', { name: 'Save visit' }).click();
  await quick.getByRole('alert').getByText('The visit was not saved: add who attended or write a note.').waitFor();
  expect(await visitsOf(accountId)).toHaveLength(before);

  await quick.getByLabel('Attendees').fill('Bill Lumbergh, Milton Waddams');
  await quick.getByLabel('Met the boss').check();
  await quick.getByRole('radio', { name: 'yellow' }).check();
  await quick.getByLabel('Why, in one line').fill('the boss wants the TPS reports faster');
  await quick.getByRole('button', { name: 'Save visit' }).click();
  await quick.getByRole('status').getByText('Visit saved.').waitFor();
  await popup.close();
  let logged: Visit | undefined;
  await expect.poll(async () => (logged = (await visitsOf(accountId)).find((v) => v.attendees.includes('Milton Waddams')))).toBeDefined();
  expect(logged).toMatchObject({ attendees: ['Bill Lumbergh', 'Milton Waddams'], bossMet: true, durationMin: 60, sentiment: { band: 'yellow', reason: 'the boss wants the TPS reports faster' } });
  expect(await visitsOf(accountId)).toHaveLength(before + 1);

  // The panel: the visit is in the log; Edit opens it filled in.
  await frame.getByRole('tab', { name: 'Service' }).click();
  const log = frame.getByRole('region', { name: 'Visit log' });
  await log.getByRole('searchbox').fill('Milton');
  const row = log.getByRole('row').filter({ hasText: 'Milton Waddams' });
  await row.getByRole('button', { name: /^Edit the visit of / }).click();
  const edit = log.getByRole('form', { name: /^Edit the visit of / });
  expect(await edit.getByLabel('Attendees').inputValue()).toBe('Bill Lumbergh, Milton Waddams');
  await edit.getByLabel('Length (minutes)').fill('45');
  await edit.getByLabel('Notes').fill('Agreed on a weekly report for the boss.');
  await edit.getByRole('button', { name: ADD_FOLLOW_UP }).click();
  await edit.getByLabel('Follow-up 1', { exact: true }).fill('Send the weekly report template');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await log.getByText('Visit changed.').waitFor();
  await expect.poll(async () => ((await readRow(ext, 'visits', logged!.id)) as Visit).durationMin).toBe(45);
  const edited = (await readRow(ext, 'visits', logged!.id)) as Visit;
  expect(edited).toMatchObject({ id: logged!.id, notes: 'Agreed on a weekly report for the boss.', bossMet: true, sentiment: { band: 'yellow' } });
  expect(await visitsOf(accountId)).toHaveLength(before + 1);
  await row.getByText('45 min').waitFor();
  // The follow-up is a next step; the background raises it.
  const followUp = `cta:service:followup:${logged!.id}:0`;
  const ctaStatus = async () => ((await readRow(ext, 'ctas', followUp)) as { status: string } | undefined)?.status;
  await expect.poll(ctaStatus, { timeout: 10_000 }).toBe('open');

  // Delete: gone from the log at once, kept as a tombstone; Undo brings the same visit back.
  await row.getByRole('button', { name: /^Delete the visit of / }).click();
  await log.getByText(/^Visit of .* deleted\.$/).waitFor();
  await expect.poll(() => row.count()).toBe(0);
  await expect.poll(async () => ((await readRow(ext, 'visits', logged!.id)) as Visit).deleted).toBe(true);
  await expect.poll(ctaStatus, { timeout: 10_000 }).toBe('closed');
  await log.getByRole('button', { name: 'Undo' }).click();
  await log.getByText(/^Visit of .* restored\.$/).waitFor();
  await expect.poll(async () => ((await readRow(ext, 'visits', logged!.id)) as Visit).deleted).toBe(false);
  expect(await readRow(ext, 'visits', logged!.id)).toMatchObject({ attendees: ['Bill Lumbergh', 'Milton Waddams'], durationMin: 45, notes: 'Agreed on a weekly report for the boss.' });
  await row.getByText('45 min').waitFor();
  expect(await visitsOf(accountId)).toHaveLength(before + 1);
  // Its follow-up, closed with the deletion, is due again.
  await expect.poll(ctaStatus, { timeout: 10_000 }).toBe('open');
  await page.close();
});
