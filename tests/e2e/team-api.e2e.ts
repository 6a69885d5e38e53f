import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fakeAccount } from '../support/fake-api-data';
import { startFakeApi, type FakeApi } from '../support/fake-api';
import { openPanel, startLens, type Lens } from './fixture';

// The team API as the data source: the panel shows the server's account, a
// next step written in the panel reaches the server, and one written while
// the server is down waits in the outbox and arrives exactly once when it is back.
let lens: Lens;
let api: FakeApi;
// The next steps this test writes by hand (the account's own CTAs, raised by evaluation, travel too).
const manual = () => api.store.writes.filter((w) => (w.record as { source?: string }).source === 'manual');
const TOKEN = 'e2e-secret-token';

beforeAll(async () => {
  lens = await startLens({ loadDemo: false });
  const target = lens.crm.records[5]!; // a Salesforce demo record the local data does not have
  api = await startFakeApi({
    token: TOKEN,
    author: 'Priya Nair',
    accounts: [fakeAccount(1, { crm: 'salesforce', recordId: target.recordId, orgKey: 'acme-demo', name: 'Hooli Cloud (team server)', csm: 'Priya Nair' })],
  });
  // Configure the data source as the options page stores it. (The options page
  // asks Chrome for access to the server's origin first, a prompt no headless
  // browser can answer; the server allows cross-origin requests, so sync works.)
  await lens.browser.worker.evaluate(
    ([url, token]) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ dataSource: { mode: 'api', baseUrl: url, token, maxAgeMinutes: 15 } }),
    [api.url, TOKEN] as const,
  );
});
afterAll(async () => {
  await lens?.close();
  await api?.stop();
});

it('reads the account from the team server and delivers every queued write exactly once across an outage', async () => {
  const target = lens.crm.records[5]!;
  const page = await lens.browser.context.newPage();
  await page.goto(lens.recordUrl(target.recordId));
  // The launcher names the record once detected; clicking it before (under its bare name) races detection.
  const frame = await openPanel(lens, page, target.name);
  await frame.getByRole('heading', { level: 1, name: 'Hooli Cloud (team server)' }).waitFor();
  await frame.getByTestId('sync-line').getByText(/^As of /).waitFor();
  expect(api.requests.some((r) => r.url.startsWith('/v1/accounts/lookup'))).toBe(true);

  // Online: the write goes straight through.
  await frame.getByLabel('New next step').fill('Send the Q4 value review');
  await frame.getByLabel('Due').fill('2026-12-15');
  await frame.getByRole('button', { name: 'Add next step' }).click();
  await frame.getByText('Send the Q4 value review').waitFor();
  await expect.poll(() => manual().length, { timeout: 15_000 }).toBe(1);

  // The server goes away: the next write is kept and shown as waiting.
  await api.stop();
  await frame.getByLabel('New next step').fill('Book the quarterly review with the boss');
  await frame.getByLabel('Due').fill('2026-12-20');
  await frame.getByRole('button', { name: 'Add next step' }).click();
  await frame.getByText('Book the quarterly review with the boss').waitFor();
  await frame.getByTestId('sync-pending').getByText('1 change waiting to be sent').waitFor({ timeout: 15_000 });
  await frame.getByTestId('sync-error').getByText('Cannot reach the team server. Your changes are kept and sent when it is back.').waitFor();

  // It comes back: one more sync and the outbox is empty; each write arrived once.
  await api.start();
  await frame.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => manual().length, { timeout: 15_000 }).toBe(2);
  await expect.poll(() => frame.getByTestId('sync-pending').count(), { timeout: 15_000 }).toBe(0);
  const titles = manual().map((w) => (w.record as { title?: string }).title).sort();
  expect(titles).toEqual(['Book the quarterly review with the boss', 'Send the Q4 value review']);
  // No idempotency key was accepted twice, whatever was written.
  const keys = api.store.writes.map((w) => w.key);
  expect(new Set(keys).size).toBe(keys.length);
  // More syncs change nothing on the server.
  const before = api.store.writes.length;
  await frame.getByRole('button', { name: 'Sync now' }).click();
  await page.waitForTimeout(500);
  expect(api.store.writes).toHaveLength(before);
});
