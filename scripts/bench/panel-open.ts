import type { Frame, Page } from 'playwright-core';
import { demoAccounts } from '../../platform/demo/accounts';
import { localDate } from '../../shared/dates/local-date';
import { generatedBook, seedSource } from './book';
import { fakeAccount } from '../../tests/support/fake-api-data';
import { startFakeApi } from '../../tests/support/fake-api';
import { startLens, type Lens } from '../../tests/e2e/fixture';

export interface PanelOpenBench {
  cacheMs: number[];
  coldApiMs: number[];
  /** Panel already open, in-app navigation to another account: record header on screen → its name and health in the panel. */
  switchCacheMs: number[];
  switchColdApiMs: number[];
  accounts: number;
  latencyMs: number;
}

/** `n - 50` generated accounts (the demo book, already loaded, makes up the rest), 13 weekly readings each. */
const filler = (n: number) => generatedBook(n - demoAccounts(localDate(new Date())).length);

const countAccounts = `new Promise((resolve, reject) => {
  const open = indexedDB.open('account-lens');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const req = db.transaction('accounts').objectStore('accounts').count();
    req.onsuccess = () => { db.close(); resolve(req.result); };
    req.onerror = () => reject(req.error);
  };
})`;

/**
 * Runs in every frame before its own scripts; in the panel frame it notes (on
 * the wall clock shared with the CRM page: timeOrigin + now) the first moment
 * the DOM holds the account's name in the h1 and its health (card or band).
 */
const PANEL_WATCH = `(() => {
  if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidepanel.html')) return;
  const check = () => {
    if (window.__lensShown) return true;
    const h1 = document.querySelector('h1');
    const name = h1 && h1.textContent ? h1.textContent.trim() : '';
    if (name && document.querySelector('[data-testid=health-card],[data-testid=health-band]')) {
      window.__lensShown = { at: performance.timeOrigin + performance.now(), name };
      return true;
    }
    return false;
  };
  const obs = new MutationObserver(() => { if (check()) obs.disconnect(); });
  obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})()`;

/** Resolves (wall clock, as PANEL_WATCH) when `selector` holds `name`, and in the panel, when health is shown too. */
const shownAt = (selector: string, name: string, withHealth: boolean) => `new Promise((resolve) => {
  const check = () => document.querySelector(${JSON.stringify(selector)})?.textContent?.trim() === ${JSON.stringify(name)}
    && (${withHealth} === false || !!document.querySelector('[data-testid=health-card],[data-testid=health-band]'));
  if (check()) return resolve(-1);
  const obs = new MutationObserver(() => {
    if (check()) {
      obs.disconnect();
      resolve(performance.timeOrigin + performance.now());
    }
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})`;
const PAGE_HEADER = '.oneContent.active h1 lightning-formatted-text';

/** In-app navigation from the open record to `to` (panel open): ms from its header on screen to its name and health in the panel. */
async function timeSwitch(page: Page, frame: Frame, to: { name: string }, panelName: string): Promise<number> {
  const seen = Promise.all([page.evaluate(shownAt(PAGE_HEADER, to.name, false)), frame.evaluate(shownAt('h1', panelName, true))]) as Promise<[number, number]>;
  await page.getByRole('link', { name: to.name, exact: true }).first().click();
  const [headerAt, panelAt] = await seen;
  if (headerAt < 0 || panelAt < 0) throw new Error(`"${panelName}" was on screen before the navigation`);
  return panelAt - headerAt;
}

const setLocal = (values: unknown) => `chrome.storage.local.set(${JSON.stringify(values)})`;
// The panel remembered open, as after the user first opened it: every record page opens it by itself.
const PANEL_OPEN = { panelUi: { open: true, width: 380, mode: 'push' } };

/** Loads a record page in a new tab; resolves with ms from the page's navigation start to name + health in the panel. */
async function timeRecord(lens: Lens, recordId: string, name: string, timeout: number): Promise<number> {
  const page: Page = await lens.browser.context.newPage();
  try {
    await page.goto(lens.recordUrl(recordId), { waitUntil: 'commit' });
    const navStart = (await page.evaluate('performance.timeOrigin')) as number;
    const frame: Frame = await lens.panelFrame(page);
    const deadline = Date.now() + timeout;
    for (;;) {
      const shown = (await frame.evaluate('window.__lensShown ?? null').catch(() => null)) as { at: number; name: string } | null;
      if (shown) {
        if (shown.name !== name) throw new Error(`the panel showed "${shown.name}", expected "${name}"`);
        return shown.at - navStart;
      }
      if (Date.now() > deadline) throw new Error(`the panel never showed "${name}" with its health`);
      await page.waitForTimeout(25);
    }
  } finally {
    await page.close();
  }
}

/**
 * Navigation start of a demo CRM record page → the in-page panel showing the
 * account's name (h1) and health. From cache: `n` accounts stored locally
 * (the demo book + generated ones with 13 weekly readings each). Cold: a
 * fresh profile per run, nothing stored, the account only on a team server
 * answering after `latencyMs`.
 */
export async function benchPanelOpen(n = 10_000, runs = 5, latencyMs = 300): Promise<PanelOpenBench> {
  const salesforce = (lens: Lens) => lens.crm.records.filter((r) => r.crm === 'salesforce').slice(0, 33);
  const result: PanelOpenBench = { cacheMs: [], coldApiMs: [], switchCacheMs: [], switchColdApiMs: [], accounts: n, latencyMs };

  const lens = await startLens();
  try {
    await lens.browser.context.addInitScript(PANEL_WATCH);
    await lens.browser.worker.evaluate(setLocal(PANEL_OPEN));
    const setup = await lens.browser.context.newPage();
    await setup.goto(`chrome-extension://${lens.browser.extensionId}/options.html`);
    await setup.getByTestId('account-count').waitFor();
    await setup.evaluate(seedSource(JSON.stringify(filler(n))));
    const stored = (await setup.evaluate(countAccounts)) as number;
    await setup.close();
    if (stored !== n) throw new Error(`${stored} accounts stored, expected ${n}`);
    const records = salesforce(lens);
    await timeRecord(lens, records[0]!.recordId, records[0]!.name, 15_000); // warm-up: worker awake, code cached
    for (let r = 1; r <= runs; r++) result.cacheMs.push(await timeRecord(lens, records[r]!.recordId, records[r]!.name, 15_000));
    // The panel open on one account, the user moves to the next in the CRM.
    const page = await lens.openRecord(records[10]!.recordId);
    const frame = await lens.panelFrame(page);
    await frame.getByRole('heading', { level: 1, name: records[10]!.name }).waitFor();
    for (let r = 11; r <= 10 + runs * 2; r++) result.switchCacheMs.push(await timeSwitch(page, frame, records[r]!, records[r]!.name));
    await page.close();
  } finally {
    await lens.close();
  }

  const TOKEN = 'bench-token';
  // Names the local data could never hold: what the panel shows can only have come from the server.
  const targets = Array.from({ length: runs }, (_, k) => 5 + 2 * k); // each run opens target k, then moves to k + 1
  const probe = await startLens({ loadDemo: false });
  const records = salesforce(probe);
  await probe.close();
  const api = await startFakeApi({
    token: TOKEN,
    accounts: targets.flatMap((k) => [k, k + 1]).map((k) => fakeAccount(k, { crm: 'salesforce', recordId: records[k]!.recordId, orgKey: 'acme-demo', name: `${records[k]!.name} (team server)` })),
  });
  api.latencyMs = latencyMs;
  try {
    for (const k of targets) {
      const cold = await startLens({ loadDemo: false });
      try {
        await cold.browser.context.addInitScript(PANEL_WATCH);
        await cold.browser.worker.evaluate(setLocal({ ...PANEL_OPEN, dataSource: { mode: 'api', baseUrl: api.url, token: TOKEN, maxAgeMinutes: 15 } }));
        const before = api.requests.length;
        const ms = await timeRecord(cold, records[k]!.recordId, `${records[k]!.name} (team server)`, 20_000);
        if (!api.requests.slice(before).some((q) => q.url.startsWith('/v1/accounts/lookup'))) throw new Error('the panel showed the account without asking the team server');
        result.coldApiMs.push(ms);
        const page = await cold.openRecord(records[k]!.recordId);
        const frame = await cold.panelFrame(page);
        await frame.getByRole('heading', { level: 1, name: `${records[k]!.name} (team server)` }).waitFor();
        result.switchColdApiMs.push(await timeSwitch(page, frame, records[k + 1]!, `${records[k + 1]!.name} (team server)`));
      } finally {
        await cold.close();
      }
    }
  } finally {
    await api.stop();
  }
  return result;
}
