import { browser } from 'wxt/browser';
import type { AccountRef } from '../../crm/types';
import type { CoverReason } from '../content/cover';
import { coverKey, tabKey } from './keys';
import { usePanelStore, type PanelHost } from './store';

let claim: Promise<{ tabId: number | null; verified: boolean }> | undefined;

type Protocol = typeof import('../messaging/protocol');
let protocol: Promise<Protocol> | undefined;
/** The message schemas (zod), loaded the first time there is a stored state to check: a tab on no record has none. */
export const loadSchemas = (): Promise<Protocol> => (protocol ??= import('../messaging/protocol'));

/** A tab's stored state as the panel uses it: nothing stored is no record, with no schema to load. */
async function tabState(raw: unknown): Promise<{ ref: AccountRef | null; account?: unknown }> {
  if (raw === undefined) return { ref: null };
  const state = (await loadSchemas()).TabStateSchema.safeParse(raw);
  return state.success ? { ref: state.data.ref, account: state.data.account } : { ref: null };
}

/** Whether the page covers the frame: anything unreadable counts as covered, never as clear. */
async function coverState(raw: unknown): Promise<CoverReason | null> {
  if (raw === undefined) return null;
  const state = (await loadSchemas()).CoverStateSchema.safeParse(raw);
  return state.success ? state.data.reason : 'covered';
}

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
  // Reads and changes of the tab state are checked asynchronously (the schemas may still be loading): only the latest one is applied.
  let stateSeq = 0;
  const applyState = async (tabId: number, raw: unknown) => {
    const seq = ++stateSeq;
    const { ref, account } = await tabState(raw);
    if (seq === stateSeq && usePanelStore.getState().tabId === tabId) usePanelStore.getState().setRef(ref, account);
  };
  const readRef = async (tabId: number) => {
    const key = tabKey(tabId);
    const seq = stateSeq;
    const raw = (await browser.storage.session.get(key))[key];
    // A change that arrived meanwhile is newer than this read.
    if (seq === stateSeq) await applyState(tabId, raw);
  };
  // Only a frame in the page can be covered.
  let coverSeen = false;
  let coverSeq = 0;
  const useCover = async (raw: unknown) => {
    coverSeen = true;
    const seq = ++coverSeq;
    const cover = await coverState(raw);
    if (seq === coverSeq) usePanelStore.setState({ cover });
  };
  const useTab = (tabId: number | null) => {
    store.setTab(tabId);
    if (tabId === null) store.setRef(null);
    else void readRef(tabId);
  };

  // The change carries the new value: no second read on the path from navigation to panel.
  const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
    const tabId = usePanelStore.getState().tabId;
    if (host === 'frame' && tabId !== null && coverKey(tabId) in changes) void useCover(changes[coverKey(tabId)]!.newValue);
    const change = tabId === null ? undefined : changes[tabKey(tabId)];
    if (change && tabId !== null) void applyState(tabId, change.newValue);
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
    if (!coverSeen) void useCover(stored);
    return;
  }
  // The window and its active tab are asked at once: no round trip waits on another before the first screen.
  const [win, [active]] = await Promise.all([browser.windows.getCurrent(), browser.tabs.query({ active: true, currentWindow: true })]);
  if (signal.aborted) return;
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (info.windowId === win.id) useTab(info.tabId);
  };
  browser.tabs.onActivated.addListener(onActivated);
  signal.addEventListener('abort', () => browser.tabs.onActivated.removeListener(onActivated));
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
