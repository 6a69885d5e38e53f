import { browser } from 'wxt/browser';
import { CoverStateSchema, coverKey, TabStateSchema, tabKey } from '../messaging/protocol';
import { usePanelStore, type PanelHost } from './store';

let claim: Promise<{ tabId: number | null; verified: boolean }> | undefined;

/**
 * A framed panel asks the background whether our content script made its
 * frame (the background reads the nonce from this page's own URL, as the
 * browser reports it). Asked once per document; until it says yes, the panel
 * shows nothing.
 */
export function claimFrame(): Promise<{ tabId: number | null; verified: boolean }> {
  if (!claim) answerAlive(new URLSearchParams(location.search).get('n'));
  claim ??= (browser.runtime.sendMessage({ type: 'panel/whoami' }) as Promise<{ tabId?: unknown; verified?: unknown } | null>).then(
    (answer) => {
      const verified = answer?.verified === true && typeof answer.tabId === 'number';
      usePanelStore.setState({ trust: verified ? 'verified' : 'refused' });
      return { tabId: verified ? (answer.tabId as number) : null, verified };
    },
    () => {
      usePanelStore.setState({ trust: 'refused' });
      return { tabId: null, verified: false };
    },
  );
  return claim;
}

/**
 * Keeps the panel store on the record open in its tab. The framed panel asks
 * the background which tab holds it; the native side panel and the toolbar
 * popup follow the active tab of their window. Both read the record from storage.session, the one source
 * of truth the background writes.
 */
export async function followTab(host: PanelHost, signal: AbortSignal, pinnedTab?: number): Promise<void> {
  const store = usePanelStore.getState();
  const readRef = async (tabId: number) => {
    const key = tabKey(tabId);
    const state = TabStateSchema.safeParse((await browser.storage.session.get(key))[key]);
    if (usePanelStore.getState().tabId === tabId) usePanelStore.getState().setRef(state.success ? state.data.ref : null, state.success ? state.data.account : undefined);
  };
  // Only a frame in the page can be covered; anything unreadable counts as covered, never as clear.
  let coverSeen = false;
  const useCover = (raw: unknown) => {
    coverSeen = true;
    const state = raw === undefined ? null : CoverStateSchema.safeParse(raw);
    usePanelStore.setState({ cover: state === null ? null : state.success ? state.data.reason : 'covered' });
  };
  const useTab = (tabId: number | null) => {
    store.setTab(tabId);
    if (tabId === null) store.setRef(null);
    else void readRef(tabId);
  };

  // The change carries the new value: no second read on the path from navigation to panel.
  const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
    const tabId = usePanelStore.getState().tabId;
    if (host === 'frame' && tabId !== null && coverKey(tabId) in changes) useCover(changes[coverKey(tabId)]!.newValue);
    const change = tabId === null ? undefined : changes[tabKey(tabId)];
    if (!change) return;
    const state = TabStateSchema.safeParse(change.newValue);
    usePanelStore.getState().setRef(state.success ? state.data.ref : null, state.success ? state.data.account : undefined);
  };
  browser.storage.session.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.session.onChanged.removeListener(onChanged));

  // A page opened for one tab (the popup, popped out into a window of its own) stays on it.
  if (pinnedTab !== undefined) return useTab(pinnedTab);
  if (host === 'frame') {
    const { tabId, verified } = await claimFrame();
    // Refused: follow no tab at all, so nothing about any account is ever read.
    if (!verified || tabId === null) return;
    useTab(tabId);
    const key = coverKey(tabId);
    const stored = (await browser.storage.session.get(key))[key];
    // A change that arrived meanwhile is newer than this read.
    if (!coverSeen) useCover(stored);
    return;
  }
  const win = await browser.windows.getCurrent();
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (info.windowId === win.id) useTab(info.tabId);
  };
  browser.tabs.onActivated.addListener(onActivated);
  signal.addEventListener('abort', () => browser.tabs.onActivated.removeListener(onActivated));
  const [active] = await browser.tabs.query({ active: true, windowId: win.id });
  useTab(active?.id ?? null);
}

/**
 * The background asks, once our frame's load is seen, whether the document
 * that claimed the nonce is still there: this one answers for its own nonce
 * only, and only to the extension itself.
 */
function answerAlive(nonce: string | null): void {
  if (!nonce) return;
  browser.runtime.onMessage.addListener((msg: unknown, sender: { id?: string; tab?: unknown; url?: string }, respond: (a: unknown) => void) => {
    const ask = msg as { type?: unknown; nonce?: unknown } | null;
    if (ask?.type !== 'panel/alive' || ask.nonce !== nonce || sender.id !== browser.runtime.id || sender.tab) return undefined;
    respond({ alive: true });
    return undefined;
  });
}
