import { matchesAny } from './match-pattern';

/** The parts of chrome.runtime.MessageSender the checks read. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  /** The sending document (Chrome 106+): a frame navigated elsewhere gets a new one. */
  documentId?: string;
  tab?: { id?: number };
}

/**
 * A content script of ours, in the top frame of a tab showing a CRM page.
 * Web pages cannot call runtime.sendMessage without externally_connectable,
 * but a compromised or confused frame could: so the URL must be a CRM host.
 */
export function isCrmContentScript(sender: SenderLike, runtimeId: string, crmMatches: readonly string[]): boolean {
  return (
    sender.id === runtimeId &&
    typeof sender.tab?.id === 'number' &&
    sender.frameId === 0 &&
    typeof sender.url === 'string' &&
    matchesAny(crmMatches, sender.url)
  );
}

/** One of this extension's own pages (panel, popup, options), in a tab, a frame or the side panel. */
export function isExtensionPage(sender: SenderLike, runtimeId: string): boolean {
  const own = `chrome-extension://${runtimeId}/`;
  return (
    sender.id === runtimeId &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(own) &&
    (sender.origin === undefined || `${sender.origin}/` === own)
  );
}

/**
 * The options page in a tab of its own (its top frame): the one page that may replace the book (import,
 * the demo book) or read it all out (export). A panel frame, the popup or the side panel may not, so a
 * page that got hold of one of them still cannot swap the data or take it away in one message.
 */
export function isOptionsPage(sender: SenderLike, runtimeId: string): boolean {
  if (!isExtensionPage(sender, runtimeId) || (sender.frameId !== undefined && sender.frameId !== 0)) return false;
  try {
    return new URL(sender.url!).pathname === '/options.html';
  } catch {
    return false;
  }
}
