import type { Frame, Page } from 'playwright-core';
import { queryAx } from '../ax';
import { poll, sleep, timeoutRoundTrips } from './common';

/** What the hostile-DOM drills read from the CRM page and the panel, and the page's responsiveness. */

/**
 * A ticker rewrites one text node every 5 ms, each a mutation the content script's observers see;
 * after 1 s, 100 setTimeout(0) round trips are timed. Hidden, the ticker costs the page no layout,
 * so what remains is the observers' work; visible, the page's own layout of the whole DOM comes on top.
 */
export async function tickAndMeasure(page: Page, visible = false): Promise<number[]> {
  await page.evaluate(`(() => {
    const clock = document.createElement('span');
    clock.id = 'drill-clock';
    if (${visible}) document.getElementById('stage').before(clock);
    else { clock.hidden = true; document.querySelector('.oneHeader').appendChild(clock); }
    let k = 0;
    window.__drillTicker = setInterval(() => { clock.textContent = 'tick ' + k++; }, 5);
    return true;
  })()`);
  await sleep(1000);
  return timeoutRoundTrips(page, `clearInterval(window.__drillTicker); document.getElementById('drill-clock').remove();`);
}

const ADD_NAME = `document.getElementById('add-name')?.value ?? null`;
export const offeredName = (frame: Frame) => frame.evaluate(ADD_NAME) as Promise<string | null>;
/** True once the panel's "add it" form offers `name` (the record is not in the book), within 5 s. */
export const panelOffers = async (frame: Frame, name: string, timeout = 5000) =>
  // Polled from here: the extension page's CSP refuses the eval a waitForFunction needs.
  (await poll(async () => (await offeredName(frame)) === name, timeout, 50)) === true;

/** The launcher's accessible name, or how many launchers there are when not exactly one. */
export async function launcherLabel(page: Page): Promise<string> {
  const hits = await queryAx(page, 'button', 'Account Lens');
  return hits.length === 1 ? hits[0]!.name : `(${hits.length} launchers)`;
}
