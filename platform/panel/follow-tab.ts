import { browser } from 'wxt/browser';
import { TabStateSchema, tabKey } from '../messaging/protocol';
import { usePanelStore, type PanelHost } from './store';

let claim: Promise<{ tabId: number | null; verified: boolean }> | undefined;

/**
 * A framed panel asks the background whether our content script made its
 * frame (the background reads the nonce from this page's own URL, as the
 * browser reports it). Asked once per document; until it says yes, the panel
 * shows nothing.
 */
export function claimFrame(): Promise<{ tabId: number | null; verified: boolean }> {
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
  const useTab = (tabId: number | null) => {
    store.setTab(tabId);
    if (tabId === null) store.setRef(null);
    else void readRef(tabId);
  };

  // The change carries the new value: no second read on the path from navigation to panel.
  const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
    const tabId = usePanelStore.getState().tabId;
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
    if (verified) useTab(tabId);
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
