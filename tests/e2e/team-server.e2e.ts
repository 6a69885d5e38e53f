import type { browser } from 'wxt/browser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localDate } from '../../shared/dates/local-date';
import { demoAccounts } from '../../platform/demo/accounts';
import { createToken, ensureUser } from '../../server/src/auth';
import { openPglite, type Sql } from '../../server/src/db';
import { silentLog } from '../../server/src/log';
import { startServer, type Running } from '../../server/src/main';
import { storeAccounts } from '../../server/src/store';
import { openPanel, startLens, type Lens } from './fixture';

// Two people, two browser profiles, one team server: the salesperson writes a
// handover from the toolbar popup on a CRM page; the CSM's browser shows it in
// the panel; the CSM's visit log shows up in the salesperson's panel.
let sql: Sql;
let server: Running;
let sales: Lens;
let csm: Lens;
const ACCOUNT = 'Initech Software';

async function connect(lens: Lens, url: string, token: string) {
  await lens.browser.worker.evaluate(
    ([u, t]) => (globalThis as unknown as { chrome: typeof browser }).chrome.storage.local.set({ dataSource: { mode: 'api', baseUrl: u, token: t, maxAgeMinutes: 15 } }),
    [url, token] as const,
  );
}

beforeAll(async () => {
  sql = await openPglite();
  server = await startServer(sql, { port: 0, log: silentLog });
  const team = 'acme';
  const maya = await ensureUser(sql, team, 'Maya Chen', 'sales');
  const priya = await ensureUser(sql, team, 'Priya Nair', 'csm');
  // The team's book is the demo book, held by the server (not loaded locally in either browser).
  const stamp = new Date().toISOString();
  await storeAccounts(sql, team, demoAccounts(localDate(new Date()), stamp).map(({ source: _s, ...a }) => ({ ...a, createdAt: stamp, updatedAt: stamp })), []);
  [sales, csm] = await Promise.all([startLens({ loadDemo: false }), startLens({ loadDemo: false })]);
  await connect(sales, server.url, (await createToken(sql, maya.userId)).token);
  await connect(csm, server.url, (await createToken(sql, priya.userId)).token);
});
afterAll(async () => {
  expect(sales.dialogs).toEqual([]);
  expect(csm.dialogs).toEqual([]);
  await Promise.all([sales?.close(), csm?.close()]);
  await server?.stop();
});

const recordOf = (lens: Lens) => lens.crm.records.find((r) => r.name === ACCOUNT)!;
const tabIdOf = (lens: Lens, url: string) =>
  lens.browser.worker.evaluate(`chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)}).id)`) as Promise<number>;

it('carries a handover from the salesperson’s popup to the CSM’s panel, and the CSM’s visit back', async () => {
  // Sales: the record page brings the account from the server; the popup writes the handover.
  const salesPage = await sales.openRecord(recordOf(sales).recordId);
  const salesFrame = await openPanel(sales, salesPage, ACCOUNT);
  await salesFrame.getByRole('heading', { level: 1, name: ACCOUNT }).waitFor();
  const popup = await sales.browser.context.newPage();
  await popup.goto(`chrome-extension://${sales.browser.extensionId}/popup.html?tab=${await tabIdOf(sales, salesPage.url())}`);
  await popup.getByLabel('What was bought').fill('Enterprise plan, 300 seats');
  await popup.getByLabel('Expected outcome').fill('Month-end close in 4 days instead of 9');
  await popup.getByLabel('Promises made (one per line)').fill('Single sign-on by March');
  await popup.getByRole('button', { name: 'Save draft' }).click();
  await popup.getByRole('status').getByText('Draft saved').waitFor();
  await popup.close();
  await expect.poll(async () => (await sql.query(`select count(*)::int as n from items where kind = 'handovers'`)).rows[0]!.n, { timeout: 15_000 }).toBe(1);

  // CSM: another browser, the same record: the handover is there, signed by the salesperson.
  const csmPage = await csm.openRecord(recordOf(csm).recordId);
  const csmFrame = await openPanel(csm, csmPage, ACCOUNT);
  await csmFrame.getByRole('tab', { name: 'Handover' }).click();
  await expect.poll(() => csmFrame.getByLabel('Products or plan').inputValue(), { timeout: 15_000 }).toBe('Enterprise plan, 300 seats');
  await csmFrame.getByTestId('handover-author').getByText('written by Maya Chen').waitFor();

  // The CSM logs the monthly visit.
  await csmFrame.getByRole('tab', { name: 'Service' }).click();
  const form = csmFrame.getByRole('form', { name: 'Log a service visit' });
  await form.getByLabel('Notes').fill('Walked the finance team through the close dashboard.');
  await form.getByLabel('Met the boss').check();
  await form.getByRole('button', { name: 'Save visit' }).click();
  await form.getByRole('status').getByText('Visit saved.').waitFor();
  await expect.poll(async () => (await sql.query(`select count(*)::int as n from items where kind = 'visits'`)).rows[0]!.n, { timeout: 15_000 }).toBe(1);

  // Sales: a sync brings the visit, logged by the CSM.
  await salesFrame.getByRole('button', { name: 'Sync now' }).click();
  await salesFrame.getByRole('tab', { name: 'Service' }).click();
  const log = salesFrame.getByRole('region', { name: 'Visit log' });
  await log.getByText('Walked the finance team through the close dashboard.').waitFor({ timeout: 15_000 });
  await log.getByRole('cell', { name: 'Priya Nair' }).waitFor();
  await salesPage.close();
  await csmPage.close();
});
