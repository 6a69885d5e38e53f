import { browser } from 'wxt/browser';
import { TabStateSchema, tabKey } from '../messaging/protocol';
import { usePanelStore, type PanelHost } from './store';

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
    const answer = (await browser.runtime.sendMessage({ type: 'panel/whoami' })) as { tabId: number | null } | null;
    useTab(answer?.tabId ?? null);
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
