import { isExtensionPage, type SenderLike } from './senders';

/**
 * Which panel frames may show data. The panel page is web-accessible on CRM
 * hosts, so any page there can frame it (invisibly, to clickjack or to learn
 * the extension is installed). Only a frame our content script created counts:
 * the content script asks the background for a one-time nonce, puts it in the
 * frame's URL, and the panel page claims it. The browser, not the page, sets
 * the claiming sender's tab, frame, document and URL, so a page that frames the
 * panel itself (with no nonce, a guessed one or a spent one) gets an empty shell.
 * Pure: the background keeps the book in storage.session and passes `now`.
 */
export interface FrameBook {
  /** Nonces handed to a tab's content script and not yet claimed. */
  pending: { nonce: string; tabId: number; issuedAt: number }[];
  /** Frames that claimed a nonce: the document there may show that tab's account. */
  frames: { tabId: number; frameId: number; documentId: string | null; nonce: string }[];
}

/** How long a nonce waits for its frame: the panel page claims it as its first act, within seconds. */
export const NONCE_TTL_MS = 2 * 60_000;
/** A content script opens one frame at a time; a few spare cover a quick close and reopen. */
export const MAX_PER_TAB = 4;
const NONCE = /^[0-9a-f]{32}$/;

export const emptyFrameBook = (): FrameBook => ({ pending: [], frames: [] });

/** 128 random bits as hex: unguessable, and safe in a URL without escaping. */
export function randomNonce(random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  return [...random(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads a stored book, dropping anything malformed (an empty book refuses everything, which is safe). */
export function parseFrameBook(raw: unknown): FrameBook {
  const book = emptyFrameBook();
  if (!raw || typeof raw !== 'object') return book;
  const { pending, frames } = raw as Partial<Record<keyof FrameBook, unknown>>;
  if (Array.isArray(pending))
    book.pending = pending.filter(
      (p): p is FrameBook['pending'][number] => !!p && NONCE.test(p.nonce) && Number.isInteger(p.tabId) && Number.isFinite(p.issuedAt),
    );
  if (Array.isArray(frames))
    book.frames = frames.filter(
      (f): f is FrameBook['frames'][number] =>
        !!f && NONCE.test(f.nonce) && Number.isInteger(f.tabId) && Number.isInteger(f.frameId) && (f.documentId === null || typeof f.documentId === 'string'),
    );
  return book;
}

/** A new nonce for a tab's content script; stale and surplus ones go. */
export function issueNonce(book: FrameBook, tabId: number, nonce: string, now: number): FrameBook {
  if (!NONCE.test(nonce)) throw new Error('a nonce is 32 hex digits');
  const live = book.pending.filter((p) => now >= p.issuedAt && now - p.issuedAt < NONCE_TTL_MS);
  const others = live.filter((p) => p.tabId !== tabId);
  const mine = live.filter((p) => p.tabId === tabId).slice(-(MAX_PER_TAB - 1));
  return { ...book, pending: [...others, ...mine, { nonce, tabId, issuedAt: now }] };
}

/** An extension page in a frame of a tab (the side panel, the popup and our own tabs are not). */
export const isFramedSender = (s: SenderLike): boolean =>
  typeof s.tab?.id === 'number' && typeof s.frameId === 'number' && s.frameId !== 0;

/** The nonce in a panel frame's URL: `/sidepanel.html?host=frame&n=…` on our own origin, else null. */
export function panelNonceOf(url: string | undefined, runtimeId: string): string | null {
  if (typeof url !== 'string') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'chrome-extension:' || parsed.host !== runtimeId || parsed.pathname !== '/sidepanel.html') return null;
  const params = parsed.searchParams;
  const n = params.get('n');
  return params.get('host') === 'frame' && params.getAll('n').length === 1 && n && NONCE.test(n) ? n : null;
}

export type ClaimVerdict = 'verified' | 'not our page' | 'not in a frame' | 'no nonce' | 'unknown nonce' | 'expired nonce' | 'other tab';

/**
 * A panel page claims the nonce in its own URL. The nonce is spent on the
 * first claim; the same document may claim again (a restarted worker, a
 * reconnect), any other document may not.
 */
export function claimFrame(book: FrameBook, sender: SenderLike, runtimeId: string, now: number): { book: FrameBook; verdict: ClaimVerdict } {
  const refuse = (verdict: ClaimVerdict) => ({ book, verdict });
  if (!isExtensionPage(sender, runtimeId)) return refuse('not our page');
  if (!isFramedSender(sender)) return refuse('not in a frame');
  const nonce = panelNonceOf(sender.url, runtimeId);
  if (!nonce) return refuse('no nonce');
  if (isVerifiedFrame(book, sender, runtimeId)) return { book, verdict: 'verified' };
  const pending = book.pending.find((p) => p.nonce === nonce);
  if (!pending) return refuse('unknown nonce');
  const rest = book.pending.filter((p) => p !== pending);
  if (now < pending.issuedAt || now - pending.issuedAt >= NONCE_TTL_MS) return { book: { ...book, pending: rest }, verdict: 'expired nonce' };
  // Spent even when refused: a nonce seen in the wrong tab may have leaked.
  if (pending.tabId !== sender.tab!.id) return { book: { ...book, pending: rest }, verdict: 'other tab' };
  const frame = { tabId: pending.tabId, frameId: sender.frameId!, documentId: sender.documentId ?? null, nonce };
  const kept = book.frames.filter((f) => f.tabId !== frame.tabId || f.frameId !== frame.frameId);
  const mine = kept.filter((f) => f.tabId === frame.tabId).slice(-(MAX_PER_TAB - 1));
  return { book: { pending: rest, frames: [...kept.filter((f) => f.tabId !== frame.tabId), ...mine, frame] }, verdict: 'verified' };
}

/** The sender is the very document that claimed a nonce in this tab and frame. */
export function isVerifiedFrame(book: FrameBook, sender: SenderLike, runtimeId: string): boolean {
  if (!isExtensionPage(sender, runtimeId) || !isFramedSender(sender)) return false;
  const nonce = panelNonceOf(sender.url, runtimeId);
  return book.frames.some(
    (f) =>
      f.tabId === sender.tab!.id &&
      f.frameId === sender.frameId &&
      f.nonce === nonce &&
      // A frame navigated elsewhere and back is a new document: it must not inherit the old one's claim.
      (f.documentId === null ? sender.documentId === undefined : f.documentId === sender.documentId),
  );
}

/** Whether the frame that loaded with this nonce claimed it (asked by the content script that made it). */
export const nonceClaimed = (book: FrameBook, tabId: number, nonce: string): boolean =>
  book.frames.some((f) => f.tabId === tabId && f.nonce === nonce);

/** A closed tab's nonces and frames go with it. */
export const forgetTabFrames = (book: FrameBook, tabId: number): FrameBook => ({
  pending: book.pending.filter((p) => p.tabId !== tabId),
  frames: book.frames.filter((f) => f.tabId !== tabId),
});

/**
 * What a framed extension page may send: the claim itself at once; the side
 * panel only for its own tab; everything else once its frame is checked.
 */
export function framedGate(type: unknown, raw: unknown, sender: SenderLike): 'pass' | 'check' | 'refuse' {
  if (!isFramedSender(sender)) return 'pass';
  if (type === 'panel/whoami') return 'pass';
  if (type === 'sidepanel/open' && (raw as { tabId?: unknown }).tabId !== sender.tab!.id) return 'refuse';
  return 'check';
}
