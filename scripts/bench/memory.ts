import type { CDPSession, Frame, Page } from 'playwright-core';
import { openPanel, startLens } from '../../tests/e2e/fixture';

export interface MemoryBench {
  /** Accounts opened in the tab (SPA navigations plus the first page load). */
  opened: number;
  /** Distinct accounts among them. */
  distinct: number;
  workerMB: number;
  panelMB: number;
  workerFirstMB: number;
  panelFirstMB: number;
  /** How the panel frame's heap was reached: its own Playwright CDP session or a Target attach. */
  panelVia: string;
}

type Send = (method: string, params?: Record<string, unknown>) => Promise<unknown>;

/** A protocol channel to another target (attached through `cdp`, unflattened), or null when no target matches. */
async function attachTarget(cdp: CDPSession, match: (t: { type: string; url: string }) => boolean): Promise<{ send: Send; detach: () => Promise<void> } | null> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string; type: string }[] };
  const target = targetInfos.find(match);
  if (!target) return null;
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const onMessage = (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown; error?: { message: string } };
    const w = msg.id === undefined ? undefined : waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id!);
    if (msg.error) w.reject(new Error(msg.error.message));
    else w.resolve(msg.result);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  const send: Send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  return {
    send,
    detach: async () => {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    },
  };
}

/** Used JS heap after a full garbage collection, in MB. */
async function heapMB(send: Send): Promise<number> {
  await send('HeapProfiler.collectGarbage');
  const { usedSize } = (await send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 2 ** 20;
}

async function workerHeap(page: Page, extensionId: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const t = await attachTarget(cdp, (x) => x.type === 'service_worker' && x.url.startsWith(`chrome-extension://${extensionId}/`));
    if (!t) throw new Error('the extension service worker target was not found');
    try {
      return await heapMB(t.send);
    } finally {
      await t.detach();
    }
  } finally {
    await cdp.detach();
  }
}

async function panelHeap(page: Page, frame: Frame): Promise<{ mb: number; via: string }> {
  try {
    const cdp = await page.context().newCDPSession(frame);
    try {
      return { mb: await heapMB((m, p) => cdp.send(m as never, p as never)), via: 'frame CDP session' };
    } finally {
      await cdp.detach();
    }
  } catch {
    const cdp = await page.context().newCDPSession(page);
    try {
      const t = await attachTarget(cdp, (x) => x.type === 'iframe' && x.url.includes('/sidepanel.html?host=frame'));
      if (!t) throw new Error('the panel frame target was not found');
      try {
        return { mb: await heapMB(t.send), via: 'Target.attachToTarget (iframe)' };
      } finally {
        await t.detach();
      }
    } finally {
      await cdp.detach();
    }
  }
}

/**
 * One tab, panel open, `count` demo accounts opened in turn by in-app (SPA)
 * navigation between the demo CRM's Salesforce records (the demo book's 33
 * Salesforce accounts, cycled), each waited for in the panel; then the JS heap
 * (used, after a forced GC) of the extension's service worker and of the panel
 * frame, and both after the first account.
 */
export async function benchMemory(count = 50): Promise<MemoryBench> {
  const lens = await startLens();
  try {
    const records = lens.crm.records.filter((r) => r.crm === 'salesforce').slice(0, 33);
    const page = await lens.openRecord(records[0]!.recordId);
    const frame = await openPanel(lens, page, records[0]!.name);
    await frame.getByRole('heading', { level: 1, name: records[0]!.name }).waitFor();
    await frame.getByTestId('health-card').or(frame.getByTestId('health-band')).first().waitFor();
    const workerFirstMB = await workerHeap(page, lens.browser.extensionId);
    const first = await panelHeap(page, frame);
    for (let i = 1; i < count; i++) {
      const next = records[i % records.length]!;
      await page.getByRole('link', { name: next.name, exact: true }).first().click();
      await frame.getByRole('heading', { level: 1, name: next.name }).waitFor();
      await frame.getByTestId('health-card').or(frame.getByTestId('health-band')).first().waitFor();
    }
    if (!lens.browser.context.pages().includes(page) || !page.frames().includes(frame)) throw new Error('the panel frame did not survive the navigations');
    const workerMB = await workerHeap(page, lens.browser.extensionId);
    const last = await panelHeap(page, frame);
    return { opened: count, distinct: Math.min(count, records.length), workerMB, panelMB: last.mb, workerFirstMB, panelFirstMB: first.mb, panelVia: last.via };
  } finally {
    await lens.close();
  }
}
