import { expect, it } from 'vitest';
import { launcherFor, useLens } from './fixture';
import { DEMO_HOST } from '../../scripts/demo-crm/records';
import { demoBookOn } from '../../platform/demo/book';
import { localDate } from '../../shared/dates/local-date';
import { renewalEvents } from '../../features/renewal/terms';
import { retentionFigures } from '../../features/renewal/metrics';
import { periodsOf } from '../../features/portfolio/periods';

// The portfolio on the demo book: virtualised rows, filters, sorting, a row
// followed to its CRM record; and the daily reminders with the badge.
const lens = useLens();

it('lists the book, filters and sorts it, and follows a row to its CRM record', async () => {
  const page = await lens.browser.context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`chrome-extension://${lens.browser.extensionId}/portfolio.html`);
  const count = page.getByTestId('portfolio-count');
  await count.getByText('50 of 50 accounts').waitFor();
  // Virtualised: far fewer DOM rows than accounts (header row excluded).
  const rows = page.locator('[role=rowgroup] [role=row][data-account]');
  expect(await rows.count()).toBeLessThan(50);
  expect(await rows.count()).toBeGreaterThan(5);
  await page.getByTestId('metric-accounts').getByText('50', { exact: true }).waitFor();
  // The definition is one click away.
  await page.getByRole('button', { name: 'What “Renewals in 30 days” means' }).click();
  await page.getByRole('note').getByText(/Contracts ending between today and 30 days/).waitFor();

  // Retention over the last 12 months, per currency, with the contracts that ended unrecorded counted apart.
  // The expectation is worked out from the demo book of today with the same pure functions.
  const today = localDate(new Date());
  const book = demoBookOn(today);
  const last12 = periodsOf('last12', today)[0]!;
  const expected = retentionFigures(renewalEvents({ accounts: book.accounts, contracts: [], outcomes: book.outcomes, today }), last12.from, last12.to);
  const pct = (v: number | null) => `${Math.round(v! * 1000) / 10}%`;
  expect(expected.total.notRecorded).toBeGreaterThan(0); // Northwind Logistics among them
  expect(await page.getByTestId('not-recorded').innerText()).toBe(String(expected.total.notRecorded));
  for (const currency of ['USD', 'CNY']) {
    expect(await page.getByTestId(`grr-${currency}`).innerText()).toBe(`${currency} ${pct(expected.byCurrency[currency]!.grr)}`);
    expect(await page.getByTestId(`nrr-${currency}`).innerText()).toBe(`${currency} ${pct(expected.byCurrency[currency]!.nrr)}`);
  }
  expect(await page.getByTestId('grr-converted').count()).toBe(0); // no rates entered: never one mixed figure

  // Red accounts only, lowest health first.
  await page.getByRole('group', { name: 'Filter the portfolio' }).getByLabel('red').check();
  const redCount = Number((await count.innerText()).split(' ')[0]);
  expect(redCount).toBeGreaterThan(0);
  expect(redCount).toBeLessThan(50);
  await page.getByRole('columnheader', { name: /Health/ }).getByRole('button').click();
  const scores = await page.locator('[role=row][data-account] .badge').allInnerTexts();
  expect(scores.length).toBe(Math.min(redCount, scores.length));
  expect(scores.map(Number)).toEqual([...scores.map(Number)].sort((a, b) => a - b));
  expect(await page.locator('[role=row][data-account] .badge.band-red').count()).toBe(scores.length);

  // The view is remembered across visits.
  await page.reload();
  await count.getByText(`${redCount} of 50 accounts`).waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await count.getByText('50 of 50 accounts').waitFor();

  // A row opens the account's record in its CRM, where the extension recognises it.
  await page.getByLabel('Search name, owner, CSM, record id').fill('acme analytics');
  await count.getByText('1 of 50 accounts').waitFor();
  const [crmPage] = await Promise.all([lens.browser.context.waitForEvent('page'), page.getByRole('link', { name: 'Acme Analytics' }).click()]);
  await crmPage.waitForLoadState();
  expect(new URL(crmPage.url()).host).toBe(DEMO_HOST);
  await launcherFor(crmPage, 'Acme Analytics');
  await crmPage.close();
  await page.close();
});

it('raises one notification for what is due and counts today’s items on the badge', async () => {
  const options = await lens.browser.context.newPage();
  await options.goto(`chrome-extension://${lens.browser.extensionId}/options.html`);
  await options.getByRole('button', { name: 'Check now' }).click();
  const status = await options.getByRole('status').filter({ hasText: /^Checked: \d+ new reminder/ }).innerText();
  const n = Number(/Checked: (\d+)/.exec(status)![1]);
  expect(n).toBeGreaterThan(0); // the demo book has next steps due
  const all = (await lens.browser.worker.evaluate('chrome.notifications.getAll()')) as Record<string, unknown>;
  expect(Object.keys(all).length).toBe(1);
  const badge = (await lens.browser.worker.evaluate('chrome.action.getBadgeText({})')) as string;
  expect(Number(badge)).toBeGreaterThan(0);
  // Checking again notifies nothing new.
  await options.getByRole('button', { name: 'Check now' }).click();
  await options.getByRole('status').getByText('Checked: 0 new reminder(s).').waitFor();
  await options.close();
});
