import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openPanel, tabIdOf, useLens } from './fixture';

/**
 * Accessibility of every screen with the demo book, checked by axe-core (the
 * WCAG 2.1 A and AA rules) in the real browser: no serious or critical
 * violation on the panel's tabs, the Today list, the popup, the options page
 * and the portfolio. A violation names its rule and the elements, so the
 * failure says what to fix.
 */
const lens = useLens();
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

async function violations(target: Page | Frame): Promise<string[]> {
  // Evaluated by the debugging protocol, so the extension pages' script policy does not stand in the way.
  await target.evaluate(AXE);
  const found = (await target.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`)) as Violation[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}

it('finds no serious or critical violation on the panel\'s tabs of a record', async () => {
  const page = await lens.openRecord(lens.byName('Globex Retail').recordId);
  const frame = await openPanel(lens, page, 'Globex Retail');
  await frame.getByTestId('health-card').waitFor({ timeout: 20_000 });
  const found: Record<string, string[]> = {};
  for (const tab of ['Overview', 'Service', 'Expectations', 'Handover']) {
    await frame.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await frame.locator(`[role=tabpanel]`).waitFor();
    await page.waitForTimeout(300); // the tab's lazy chunk and its records
    found[tab] = await violations(frame);
  }
  expect(found).toEqual({ Overview: [], Service: [], Expectations: [], Handover: [] });
  await page.close();
});

it('finds no serious or critical violation on the Today list, the popup, the options page and the portfolio', async () => {
  const record = await lens.openRecord(lens.byName('Initech Software').recordId);
  const found: Record<string, string[]> = {};
  const screens: [string, string, string][] = [
    ['today', 'sidepanel.html', '[data-testid=today]'],
    ['popup', `popup.html?tab=${await tabIdOf(lens, record.url())}`, 'h1, h2'],
    ['options', 'options.html', 'h1'],
    ['portfolio', 'portfolio.html', 'table >> visible=true'],
  ];
  for (const [name, path, ready] of screens) {
    const page = await lens.browser.context.newPage();
    await page.goto(`chrome-extension://${lens.browser.extensionId}/${path}`);
    await page.locator(ready).first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    found[name] = await violations(page);
    await page.close();
  }
  expect(found).toEqual({ today: [], popup: [], options: [], portfolio: [] });
  await record.close();
});
