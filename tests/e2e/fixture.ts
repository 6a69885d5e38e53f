import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { CrmRecord } from '../../scripts/demo-crm/records';
import { launchWithExtension, type LensBrowser } from '../../scripts/browser';
import { startCrmServer, type CrmServer } from '../../scripts/demo-crm/server';
import { DEMO_HOST } from '../../scripts/demo-crm/records';
import { clickAx, queryAx, waitForAx } from '../../scripts/ax';

export interface Lens {
  crm: CrmServer;
  browser: LensBrowser;
  /** Alerts or other dialogs any page opened: must stay empty. */
  dialogs: string[];
  recordUrl(recordId: string): string;
  openRecord(recordId: string): Promise<Page>;
  panelFrame(page: Page): Promise<Frame>;
  /** The demo CRM's record of the account named `name` (the test fails if there is none). */
  byName(name: string): CrmRecord;
  close(): Promise<void>;
}

/** The demo CRM, Chromium with the built extension, and the demo book loaded from the options page. */
export async function startLens(opts: { loadDemo?: boolean; locale?: string; userDataDir?: string; extensionDir?: string } = {}): Promise<Lens> {
  const crm = await startCrmServer(0);
  const browser = await launchWithExtension({
    crmPort: crm.port, ...(opts.locale ? { locale: opts.locale } : {}), ...(opts.userDataDir ? { userDataDir: opts.userDataDir } : {}), ...(opts.extensionDir ? { extensionDir: opts.extensionDir } : {}),
  });
  const dialogs: string[] = [];
  browser.context.on('page', (p) => p.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  }));
  if (opts.loadDemo !== false) {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('button', { name: /^(Load demo data|加载演示数据)$/ }).click();
    await options.getByRole('status').filter({ hasText: /50 accounts|50 个客户/ }).waitFor();
    await options.close();
  }
  const recordUrl = (id: string) => `https://${DEMO_HOST}/lightning/r/Account/${id}/view`;
  return {
    crm,
    browser,
    dialogs,
    recordUrl,
    async openRecord(recordId) {
      const page = await browser.context.newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(recordUrl(recordId));
      return page;
    },
    byName(name) {
      const record = crm.records.find((r) => r.name === name);
      if (!record) throw new Error(`No demo record named ${name}`);
      return record;
    },
    async panelFrame(page) {
      // Generous: on a loaded 2-core machine the frame can take seconds; a frame that never comes still fails.
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const frame = page.frames().find((f) => f.url().includes('/sidepanel.html?host=frame'));
        if (frame) return frame;
        await page.waitForTimeout(50);
      }
      throw new Error('The panel frame never appeared');
    },
    async close() {
      await browser.close();
      await crm.close();
    },
  };
}

/**
 * One browser with the extension for a test file: started before its first
 * test, closed after its last, and no page may have opened a dialog
 * (`allowDialogs` for a page that is hostile on purpose). The returned lens
 * stands for the started one.
 */
export function useLens(opts: Parameters<typeof startLens>[0] & { allowDialogs?: boolean } = {}): Lens {
  let current: Lens | undefined;
  const { allowDialogs, ...start } = opts;
  beforeAll(async () => {
    current = await startLens(start);
  });
  afterAll(async () => {
    if (current && !allowDialogs) expect(current.dialogs, 'no page or panel may open a dialog').toEqual([]);
    await current?.close();
  });
  return new Proxy({} as Lens, {
    get(_target, key) {
      if (!current) throw new Error('The browser is not started yet: use the lens inside a test or a hook');
      const value = current[key as keyof Lens];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(current) : value;
    },
  });
}

/**
 * The launcher once it names exactly `name` (any record, when empty). It names only the record as the
 * page shows it; health and renewal are read inside the panel frame.
 */
export async function launcherFor(page: Page, name: string) {
  const label = name ? `Account Lens: ${name}` : 'Account Lens';
  const deadline = Date.now() + 10_000;
  for (;;) {
    const hit = await waitForAx(page, 'button', label, Math.max(1, deadline - Date.now()));
    if (!name || hit.name === label || Date.now() > deadline) return hit;
    await page.waitForTimeout(50);
  }
}

/** Opens the panel from the launcher unless the remembered state already opened it. */
export async function openPanel(lens: Lens, page: Page, name: string): Promise<Frame> {
  const launcher = await launcherFor(page, name);
  if (!launcher.expanded) await clickAx(page, launcher);
  return lens.panelFrame(page);
}

export const launcherCount = async (page: Page) => (await queryAx(page, 'button', 'Account Lens')).length;

/** The browser's id of the tab showing `url`, asked of the service worker (the popup opened for that tab takes it). */
export async function tabIdOf(lens: Lens, url: string): Promise<number> {
  return lens.browser.worker.evaluate(`chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)}).id)`) as Promise<number>;
}
