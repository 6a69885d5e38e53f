import { expect, it } from 'vitest';
import { useLens } from './fixture';

/**
 * The options page's section menu in the real browser: an address with a section's anchor opens
 * the page at that section, and the menu marks the section being read as the page scrolls.
 */
const lens = useLens({ loadDemo: false });

const optionsUrl = (hash = '') => `chrome-extension://${lens.browser.extensionId}/options.html${hash}`;

it('opens options.html#section-service at the service section', async () => {
  const page = await lens.browser.context.newPage();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(optionsUrl('#section-service'));
  await page.getByRole('heading', { name: 'Service visit checklist' }).waitFor();
  await expect.poll(() => page.evaluate(() => Math.round(document.getElementById('section-service')!.getBoundingClientRect().top))).toBeLessThan(40);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  const menu = page.getByRole('navigation', { name: 'Settings sections' });
  await expect.poll(() => menu.locator('a[aria-current=true]').textContent()).toBe('Service visit checklist');
  await page.close();
});

it('follows the scroll and the menu, wide and narrow', async () => {
  const page = await lens.browser.context.newPage();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(optionsUrl());
  await page.getByRole('heading', { name: 'Your own CRM' }).waitFor();
  const menu = page.getByRole('navigation', { name: 'Settings sections' });
  expect(await menu.locator('a[aria-current=true]').textContent()).toBe('Language');
  await menu.getByRole('link', { name: 'Data source' }).click();
  await expect.poll(() => page.evaluate(() => Math.round(document.getElementById('section-source')!.getBoundingClientRect().top))).toBeLessThan(40);
  await expect.poll(() => menu.locator('a[aria-current=true]').textContent()).toBe('Data source');
  // The menu stays in view beside the sections.
  expect(await menu.isVisible()).toBe(true);
  expect(await page.evaluate(() => Math.round(document.querySelector('.section-menu')!.getBoundingClientRect().top))).toBeGreaterThanOrEqual(0);
  await page.evaluate(() => document.getElementById('section-rates')!.scrollIntoView());
  await expect.poll(() => menu.locator('a[aria-current=true]').textContent()).toBe('Exchange rates');

  // Narrow: the links give way to the "Jump to section" list.
  await page.setViewportSize({ width: 320, height: 700 });
  expect(await menu.getByRole('link', { name: 'Reminders' }).isVisible()).toBe(false);
  await page.getByLabel('Jump to section').selectOption({ label: 'Field labels' });
  await expect.poll(() => page.evaluate(() => Math.round(document.getElementById('section-labels')!.getBoundingClientRect().top))).toBeLessThan(40);
  expect(await page.evaluate(() => location.hash)).toBe('#section-labels');
  await page.close();
});
