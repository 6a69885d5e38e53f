import type { BrowserContext, Page } from 'playwright-core';
import type { Lens } from '../../tests/e2e/fixture';

/**
 * Shared pieces of the reliability drills. Everything evaluated in a browser
 * is a source string: functions passed to evaluate break under tsx.
 */

export interface Check {
  what: string;
  ok: boolean;
  detail?: string;
}

export interface DrillReport {
  faults: number;
  checks: Check[];
  lost: number;
  notes: string[];
}

/** What a drill fills in while it runs; cleanups run however it ends. */
export class DrillRun implements DrillReport {
  faults = 0;
  checks: Check[] = [];
  lost = 0;
  notes: string[] = [];
  private cleanups: (() => Promise<unknown>)[] = [];

  check(what: string, ok: boolean, detail?: string): boolean {
    this.checks.push({ what, ok, ...(detail !== undefined ? { detail } : {}) });
    return ok;
  }

  fault(n = 1): void {
    this.faults += n;
  }

  note(text: string): void {
    this.notes.push(text);
  }

  defer(fn: () => Promise<unknown>): void {
    this.cleanups.push(fn);
  }

  async cleanup(): Promise<void> {
    for (const fn of this.cleanups.reverse()) await fn().catch(() => undefined);
    this.cleanups = [];
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls until fn() is truthy or the time is up; returns the last value. */
export async function poll<T>(fn: () => T | Promise<T>, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await fn();
  while (!last && Date.now() < deadline) {
    await sleep(everyMs);
    last = await fn();
  }
  return last;
}

/** An extension page of the lens's own origin, for raw IndexedDB and storage access. */
export async function extensionPage(lens: Lens): Promise<Page> {
  const page = await lens.browser.context.newPage();
  await page.goto(`chrome-extension://${lens.browser.extensionId}/options.html`);
  return page;
}

/** Points the extension at a team server, as the options page stores it. */
export async function useTeamServer(ext: Page, baseUrl: string, token: string): Promise<void> {
  const value = { dataSource: { mode: 'api', baseUrl, token, maxAgeMinutes: 15 } };
  await ext.evaluate(`chrome.storage.local.set(${JSON.stringify(value)}).then(() => true)`);
}

const OPEN_DB = `await new Promise((res, rej) => { const r = indexedDB.open('account-lens'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); })`;

/** Every row of the named object stores (all stores when none are named), read with raw IndexedDB. */
export async function readStores(ext: Page, stores?: string[]): Promise<Record<string, unknown[]>> {
  return (await ext.evaluate(`(async () => {
    const db = ${OPEN_DB};
    try {
      const wanted = ${JSON.stringify(stores ?? null)};
      const names = Array.from(db.objectStoreNames).filter((n) => !wanted || wanted.includes(n));
      const out = {};
      if (names.length === 0) return out;
      const tx = db.transaction(names, 'readonly');
      await Promise.all(names.map((n) => new Promise((res, rej) => {
        const q = tx.objectStore(n).getAll();
        q.onsuccess = () => { out[n] = q.result; res(); };
        q.onerror = () => rej(q.error);
      })));
      return out;
    } finally { db.close(); }
  })()`)) as Record<string, unknown[]>;
}

/** One row by key, or null. */
export async function readRow(ext: Page, store: string, key: string): Promise<unknown> {
  return ext.evaluate(`(async () => {
    const db = ${OPEN_DB};
    try {
      return await new Promise((res, rej) => {
        const q = db.transaction([${JSON.stringify(store)}], 'readonly').objectStore(${JSON.stringify(store)}).get(${JSON.stringify(key)});
        q.onsuccess = () => res(q.result ?? null);
        q.onerror = () => rej(q.error);
      });
    } finally { db.close(); }
  })()`);
}

/** Sets fields of one row (test setup: ages a cached account). */
export async function patchRow(ext: Page, store: string, key: string, patch: Record<string, unknown>): Promise<boolean> {
  return (await ext.evaluate(`(async () => {
    const db = ${OPEN_DB};
    try {
      return await new Promise((res, rej) => {
        const tx = db.transaction([${JSON.stringify(store)}], 'readwrite');
        const os = tx.objectStore(${JSON.stringify(store)});
        let found = false;
        const q = os.get(${JSON.stringify(key)});
        q.onsuccess = () => { if (q.result) { found = true; os.put(Object.assign(q.result, ${JSON.stringify(patch)})); } };
        tx.oncomplete = () => res(found);
        tx.onerror = () => rej(tx.error);
      });
    } finally { db.close(); }
  })()`)) as boolean;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** The extension's service worker target, if one runs now. */
export async function workerTarget(context: BrowserContext, page: Page, extensionId: string): Promise<TargetInfo | undefined> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  } finally {
    await cdp.detach();
  }
}

/** Stops the extension's service worker the way Chrome does when it idles out: the target is closed. */
export async function stopWorker(context: BrowserContext, page: Page, extensionId: string): Promise<{ stopped: boolean; targetId?: string }> {
  const cdp = await context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!sw) return { stopped: false };
    const { success } = (await cdp.send('Target.closeTarget', { targetId: sw.targetId })) as { success: boolean };
    return { stopped: success, targetId: sw.targetId };
  } finally {
    await cdp.detach();
  }
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
export const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : NaN;
};

/** 100 setTimeout(0) round trips timed in the page (ms): how long the page waits to run its next task. Then runs `after` there. */
export async function timeoutRoundTrips(page: Page, after = ''): Promise<number[]> {
  return (await page.evaluate(`(async () => {
    const times = [];
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - t);
    }
    ${after}
    return times;
  })()`)) as number[];
}
