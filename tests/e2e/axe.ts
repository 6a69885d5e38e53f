import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { openPanel, tabIdOf, type Lens } from './fixture';

/**
 * Accessibility of every screen with the demo book, checked by axe-core (the
 * WCAG 2.1 A and AA rules) in the real browser. A violation names its rule
 * and the elements, so a failure says what to fix.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/** The serious and critical violations on the document of `target`, one line each. */
export async function violations(target: Page | Frame): Promise<string[]> {
  // Evaluated by the debugging protocol, so the extension pages' script policy does not stand in the way.
  await target.evaluate(AXE);
  const found = (await target.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`)) as Violation[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Each of the panel's tabs on a record, by position (any language): its
 * violations under the tab's own name. `launcher`: the launcher's name as
 * the browser's language words it ('' for any).
 */
export async function panelViolations(lens: Lens, accountName: string, launcher = accountName): Promise<Record<string, string[]>> {
  const page = await lens.openRecord(lens.byName(accountName).recordId);
  const frame = await openPanel(lens, page, launcher);
  await frame.getByTestId('health-card').waitFor({ timeout: 20_000 });
  const tabs = frame.getByRole('tab');
  const found: Record<string, string[]> = {};
  for (let i = 0; i < (await tabs.count()); i++) {
    const tab = tabs.nth(i);
    await tab.click();
    await frame.locator('[role=tabpanel]').waitFor();
    await page.waitForTimeout(300); // the tab's lazy chunk and its records
    found[(await tab.innerText()).trim()] = await violations(frame);
  }
  await page.close();
  return found;
}

/** The Today list, the popup (for a record's tab), the options page and the portfolio. */
export async function pageViolations(lens: Lens, recordOf: string): Promise<Record<string, string[]>> {
  const record = await lens.openRecord(lens.byName(recordOf).recordId);
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
  await record.close();
  return found;
}
