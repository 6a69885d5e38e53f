import { browser } from 'wxt/browser';
import {
  claimFrame,
  emptyFrameBook,
  forgetTabFrames,
  isVerifiedFrame,
  issueNonce,
  nonceClaimed,
  parseFrameBook,
  randomNonce,
  type ClaimVerdict,
  type FrameBook,
} from '../messaging/frames';
import type { SenderLike } from '../messaging/senders';
import { coverKey, type CoverState } from '../messaging/protocol';
import type { CoverReason } from '../content/cover';
import type { PortLike } from './data-port';

/**
 * The book of panel frames, kept in storage.session (content scripts cannot
 * read it) so a restarted service worker still knows its frames. Changes run
 * one at a time; a copy in memory answers checks synchronously, which keeps a
 * click's gesture alive for sidePanel.open.
 */
const KEY = 'panelFrames';
let book: FrameBook | undefined;
let loading: Promise<FrameBook> | undefined;
let queue: Promise<unknown> = Promise.resolve();

const load = (): Promise<FrameBook> =>
  (loading ??= browser.storage.session.get(KEY).then(
    (all) => (book = parseFrameBook(all[KEY])),
    () => (book = emptyFrameBook()),
  ));

function change<T>(fn: (current: FrameBook) => { book: FrameBook; result: T }): Promise<T> {
  const next = queue.then(async () => {
    await load();
    const { book: updated, result } = fn(book!);
    book = updated;
    await browser.storage.session.set({ [KEY]: updated });
    return result;
  });
  queue = next.catch(() => undefined);
  return next;
}

export const issuePanelNonce = (tabId: number): Promise<{ nonce: string }> =>
  change((b) => {
    const nonce = randomNonce();
    return { book: issueNonce(b, tabId, nonce, Date.now()), result: { nonce } };
  });

export const claimPanelFrame = (sender: SenderLike): Promise<ClaimVerdict> =>
  change((b) => {
    const { book: next, verdict } = claimFrame(b, sender, browser.runtime.id, Date.now());
    return { book: next, result: verdict };
  });

/**
 * Asked by the content script once its frame loaded. Our panel page claims
 * its nonce as its first act, before its load event; the claim may still be
 * on its way (a worker busy syncing can take seconds to read it), so a missing
 * one is asked again for up to ten seconds. A page's own frame never claims,
 * and is replaced once that time is up. A claim alone is not enough: the page
 * may have navigated the frame after our panel claimed and before it finished
 * loading, so the load seen is the page's. The claiming document must still
 * answer, and a document navigated away answers nothing.
 */
export async function panelNonceClaimed(tabId: number, nonce: string): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 200));
    if (await change((b) => ({ book: b, result: nonceClaimed(b, tabId, nonce) }))) return panelAlive(nonce);
  }
  return false;
}

/** Whether the panel document holding this nonce is still loaded (only extension pages hear the background). */
async function panelAlive(nonce: string): Promise<boolean> {
  const answer = await browser.runtime.sendMessage({ type: 'panel/alive', nonce }).catch(() => null);
  return (answer as { alive?: unknown } | null)?.alive === true;
}

export const forgetPanelFrames = (tabId: number): Promise<void> => change((b) => ({ book: forgetTabFrames(b, tabId), result: undefined }));

export function verifiedFrame(sender: SenderLike): boolean | Promise<boolean> {
  if (book) return isVerifiedFrame(book, sender, browser.runtime.id);
  return load().then(() => isVerifiedFrame(book!, sender, browser.runtime.id));
}

/**
 * A data port from a framed page is served only once its frame is checked;
 * watches it sends meanwhile wait, and an unverified frame is disconnected.
 */
export function gatedPort(port: PortLike & { disconnect(): void }, allowed: boolean | Promise<boolean>, serve: (p: PortLike) => void): void {
  if (allowed === true) return serve(port);
  if (allowed === false) return port.disconnect();
  const early: unknown[] = [];
  const listeners: ((msg: unknown) => void)[] = [];
  let open = false;
  port.onMessage.addListener((msg) => (open ? listeners.forEach((l) => l(msg)) : early.push(msg)));
  void allowed.then(
    (ok) => {
      if (!ok) return port.disconnect();
      serve({ postMessage: (m) => port.postMessage(m), onDisconnect: port.onDisconnect, onMessage: { addListener: (cb) => void listeners.push(cb) } });
      open = true;
      early.splice(0).forEach((m) => listeners.forEach((l) => l(m)));
    },
    () => port.disconnect(),
  );
}

/**
 * What the tab's content script sees of its panel frame: covered, hidden or
 * moved by the page, or plainly visible (null). Kept in storage.session, which
 * the framed panel watches and the page cannot reach.
 */
export function setCover(tabId: number, reason: CoverReason | null, now: number): Promise<void> {
  const key = coverKey(tabId);
  if (!reason) return browser.storage.session.remove(key);
  const state: CoverState = { reason, at: now };
  return browser.storage.session.set({ [key]: state });
}
