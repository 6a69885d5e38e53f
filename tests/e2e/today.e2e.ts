import { expect, it } from 'vitest';
import { useLens } from './fixture';

/**
 * The Today list with the demo book, where no CRM record has been opened:
 * the book evaluation raised the work of accounts nobody looked at, and
 * marking an item done takes it off the list and off the badge.
 */
const lens = useLens();

const badge = async () => Number((await lens.browser.worker.evaluate('chrome.action.getBadgeText({})')) as string) || 0;
/** The badge once it read the same twice, 3 s apart (it follows the data 2 s after a change). */
async function settledBadge(): Promise<number> {
  let last = await badge();
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const now = await badge();
    if (now === last) return now;
    last = now;
  }
  throw new Error('the badge never settled');
}

it('lists the overdue work of accounts never opened, and done updates the list and the badge', async () => {
  const page = await lens.browser.context.newPage();
  // The side panel's page on a tab that is no CRM record: the day's work shows.
  await page.goto(`chrome-extension://${lens.browser.extensionId}/sidepanel.html`);
  const today = page.getByTestId('today');
  await today.waitFor({ timeout: 20_000 });
  // Soylent Foods' onboarding is overdue, and its CRM page was never opened.
  const soylent = today.locator('li[data-account]').filter({ hasText: 'Soylent Foods' });
  await expect.poll(() => soylent.count(), { timeout: 20_000 }).toBe(1);
  await expect.poll(() => soylent.locator('li[data-source=onboarding].overdue').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await today.getByTestId('today-counts').innerText()).toMatch(/^[1-9]\d* overdue/);

  await expect.poll(badge, { timeout: 10_000 }).toBeGreaterThan(0);
  // The book's evaluation may still be raising CTAs: take the badge once it held still past its debounce.
  const before = await settledBadge();
  const item = soylent.locator('li[data-source=onboarding].overdue').first();
  const title = await item.locator('span').first().innerText();
  const left = await soylent.locator('li[data-source]').count();
  await item.getByRole('button', { name: `Done: “${title}”` }).click();
  await expect.poll(() => soylent.locator('li[data-source]').count(), { timeout: 10_000 }).toBe(left - 1);
  await expect.poll(badge, { timeout: 10_000 }).toBe(before - 1);

  // The whole team is shown until I say who I am; then my own accounts only.
  const select = today.getByRole('combobox', { name: 'Work of' });
  expect(await select.inputValue()).toBe('');
  await page.close();
});

it('folds a CTA’s play under it in the Today list', async () => {
  const page = await lens.browser.context.newPage();
  await page.goto(`chrome-extension://${lens.browser.extensionId}/sidepanel.html`);
  const today = page.getByTestId('today');
  const item = today.locator('li[data-source=onboarding]').first();
  await item.waitFor({ timeout: 20_000 });
  const play = item.getByTestId('play');
  const step = play.locator('ol li').first();
  expect(await step.isVisible()).toBe(false);
  await play.locator('summary').click();
  await expect.poll(() => step.isVisible(), { timeout: 5_000 }).toBe(true);
  expect(await play.locator('ol li').count()).toBeGreaterThanOrEqual(2);
  expect(await step.innerText()).toBe('Ask the milestone’s owner today what blocks it');
  await page.close();
});

it('shows the weekly onboarding review on the portfolio page: owners with their ARR at risk, each account linked to its record', async () => {
  const page = await lens.browser.context.newPage();
  await page.goto(`chrome-extension://${lens.browser.extensionId}/portfolio.html`);
  await page.getByRole('tab', { name: 'Onboarding review' }).click();
  const review = page.getByTestId('review');
  await review.waitFor({ timeout: 20_000 });
  const groups = review.locator('li[data-owner]');
  await expect.poll(() => groups.count(), { timeout: 20_000 }).toBeGreaterThan(0);
  // The demo book's onboarding CTAs belong to a named CSM, and its accounts carry ARR in dollars or yuan.
  const first = groups.first();
  expect(await first.getAttribute('data-owner')).not.toBe('');
  expect(await first.getByTestId('review-group-summary').innerText()).toMatch(/\d+ open · \d+ flagged · \d+ new · ARR at risk: (\$|CN¥)[\d,]+/);
  expect(await review.getByTestId('review-summary').innerText()).toMatch(/ARR at risk: .*\d+ accounts?\)/);
  const soylent = review.getByRole('link', { name: 'Open Soylent Foods in the CRM' }).first();
  expect(await soylent.getAttribute('href')).toMatch(/^https:\/\//);
  await page.close();
});
