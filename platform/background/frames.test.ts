import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PortLike } from './data-port';
import type { SenderLike } from '../messaging/senders';

// The background's book of panel frames over storage.session: each test gets a fresh worker (module).
const fresh = async () => {
  vi.resetModules();
  return import('./frames');
};
const senderFor = (nonce: string, over: Partial<SenderLike> = {}): SenderLike => ({
  id: browser.runtime.id,
  url: `chrome-extension://${browser.runtime.id}/sidepanel.html?host=frame&n=${nonce}`,
  origin: `chrome-extension://${browser.runtime.id}`,
  frameId: 3,
  documentId: 'DOC-1',
  tab: { id: 11 },
  ...over,
});

/** A panel document that answers the background's "still there?" for its own nonce. */
const answerAlive = (nonce: string) =>
  browser.runtime.onMessage.addListener((msg: { type?: string; nonce?: string }, _sender: unknown, respond: (a: unknown) => void) => {
    if (msg.type !== 'panel/alive' || msg.nonce !== nonce) return false;
    respond({ alive: true });
    return true;
  });

beforeEach(() => fakeBrowser.reset());

describe('panel frames in the background', () => {
  it('issues a nonce, lets its frame claim it, and sees the claim at once afterwards', async () => {
    const frames = await fresh();
    const { nonce } = await frames.issuePanelNonce(11);
    // A second change right after the first builds on it (not on the book as first read).
    const other = await frames.issuePanelNonce(12);
    expect(await frames.claimPanelFrame(senderFor(nonce))).toBe('verified');
    expect(frames.verifiedFrame(senderFor(nonce))).toBe(true);
    // The claiming document is still there and answers for its nonce.
    answerAlive(nonce);
    expect(await frames.panelNonceClaimed(11, nonce)).toBe(true);
    expect(await frames.claimPanelFrame(senderFor(other.nonce, { tab: { id: 12 }, frameId: 4 }))).toBe('verified');
    expect(await frames.claimPanelFrame(senderFor(nonce, { frameId: 9, documentId: 'DOC-2' }))).toBe('unknown nonce');
  });

  it("does not take a claim for the frame's current page once the claiming document is gone", async () => {
    // The page navigated the frame after our panel claimed and before it finished loading: the load the
    // content script saw is the page's, and the panel document that claimed answers nothing any more.
    const frames = await fresh();
    const { nonce } = await frames.issuePanelNonce(11);
    expect(await frames.claimPanelFrame(senderFor(nonce))).toBe('verified');
    answerAlive('f'.repeat(32)); // another panel, alive, with a nonce of its own
    expect(await frames.panelNonceClaimed(11, nonce)).toBe(false);
  });

  it('remembers its frames across a restarted worker, and forgets a closed tab', async () => {
    const first = await fresh();
    const { nonce } = await first.issuePanelNonce(11);
    await first.claimPanelFrame(senderFor(nonce));
    const restarted = await fresh();
    // Nothing in memory yet: the answer comes from storage.session.
    expect(await restarted.verifiedFrame(senderFor(nonce))).toBe(true);
    await restarted.forgetPanelFrames(11);
    expect(restarted.verifiedFrame(senderFor(nonce))).toBe(false);
  });

  it('says a nonce was never claimed when no panel page claimed it (the page swapped the frame first)', async () => {
    vi.useFakeTimers();
    try {
      const frames = await fresh();
      const { nonce } = await frames.issuePanelNonce(11);
      const answer = frames.panelNonceClaimed(11, nonce);
      await vi.runAllTimersAsync();
      expect(await answer).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('serves a framed data port only once verified, with the watches sent meanwhile', async () => {
    const frames = await fresh();
    const fakePort = () => {
      const listeners: ((m: unknown) => void)[] = [];
      return {
        sent: [] as unknown[],
        disconnected: false,
        postMessage(m: unknown) {
          this.sent.push(m);
        },
        onMessage: { addListener: (cb: (m: unknown) => void) => void listeners.push(cb) },
        onDisconnect: { addListener: () => undefined },
        disconnect() {
          this.disconnected = true;
        },
        deliver: (m: unknown) => listeners.forEach((l) => l(m)),
      };
    };
    const seen: unknown[] = [];
    const serve = (p: PortLike) => p.onMessage.addListener((m) => seen.push(m));
    let allow!: (ok: boolean) => void;
    const port = fakePort();
    frames.gatedPort(port as never, new Promise<boolean>((r) => (allow = r)), serve);
    port.deliver({ type: 'watch/portfolio', id: 1 });
    expect(seen).toEqual([]);
    allow(true);
    await Promise.resolve();
    await Promise.resolve();
    port.deliver({ type: 'unwatch', id: 1 });
    expect(seen).toEqual([{ type: 'watch/portfolio', id: 1 }, { type: 'unwatch', id: 1 }]);

    const refused = fakePort();
    const served: unknown[] = [];
    frames.gatedPort(refused as never, Promise.resolve(false), (p) => p.onMessage.addListener((m) => served.push(m)));
    refused.deliver({ type: 'watch/portfolio', id: 1 });
    await Promise.resolve();
    await Promise.resolve();
    expect(refused.disconnected).toBe(true);
    expect(served).toEqual([]);
    const sync = fakePort();
    frames.gatedPort(sync as never, false, serve);
    expect(sync.disconnected).toBe(true);
  });
});
