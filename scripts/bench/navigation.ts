import type { Frame, Page } from 'playwright-core';
import { openPanel, startLens } from '../../tests/e2e/fixture';

/**
 * Delay from the record header appearing in the CRM page (after an in-app
 * navigation) to the panel showing that record's name. Both moments are taken
 * on the same clock (performance.timeOrigin + now) by observers in the page and
 * in the panel frame; the extension itself is not instrumented.
 */
export async function navigationToPanelDelay(runs = 20): Promise<number[]> {
  const lens = await startLens();
  try {
    const records = lens.crm.records.filter((r) => r.crm === 'salesforce');
    const page = await lens.openRecord(records[0]!.recordId);
    const frame = await openPanel(lens, page, records[0]!.name);
    await frame.getByRole('heading', { level: 1, name: records[0]!.name }).waitFor();
    const delays: number[] = [];
    for (let i = 1; i <= runs; i++) {
      const next = records[i % records.length]!;
      const seen = Promise.all([whenPage(page, next.name), whenFrame(frame, next.name)]);
      await page.getByRole('link', { name: next.name, exact: true }).first().click();
      const [headerAt, panelAt] = await seen;
      delays.push(panelAt - headerAt);
    }
    return delays;
  } finally {
    await lens.close();
  }
}

// Passed as source text: the script runner's name-keeping helpers do not exist in the page.
const observe = (selector: string, name: string) => `new Promise((resolve) => {
  const target = ${JSON.stringify(name)};
  const obs = new MutationObserver(() => {
    if (document.querySelector(${JSON.stringify(selector)})?.textContent === target) {
      obs.disconnect();
      resolve(performance.timeOrigin + performance.now());
    }
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})`;

const whenPage = (page: Page, name: string) => page.evaluate(observe('.oneContent.active h1 lightning-formatted-text', name)) as Promise<number>;
const whenFrame = (frame: Frame, name: string) => frame.evaluate(observe('h1', name)) as Promise<number>;
