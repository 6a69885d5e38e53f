/**
 * Whether the page draws over the panel frame, fades it or moves it away: a
 * page that cannot read the panel could still hide it under a decoy of its own
 * and let the person's clicks fall through to it (clickjacking). The host sits
 * in the browser's top layer (a manual popover), above anything the page can
 * stack with z-index, so only the page's own top-layer elements can cover it;
 * those are listed by selector, which also finds decoys that let pointer events
 * through (hit testing alone would miss them). Everything else is checked by
 * hit testing points across the frame and by the computed styles that could
 * hide or fade it.
 *
 * The content script runs in an isolated world: the page can patch its own
 * `elementFromPoint` or `getComputedStyle`, not ours.
 */
export const COVER_REASONS = ['covered', 'hidden', 'moved'] as const;
export type CoverReason = (typeof COVER_REASONS)[number];

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What a check sees; the DOM version is `readCover`, tests pass their own. */
export interface CoverView {
  /** Where the panel frame is now. */
  rect: Rect;
  /** The viewport: the panel belongs at its right edge, full height. */
  viewport: { width: number; height: number };
  /** The topmost element at a point (retargeted: inside our closed root it is the host). */
  topAt(x: number, y: number): Element | null;
  host: Element;
  /** Top-layer elements other than ours (open modals, popovers, fullscreen), with their boxes. */
  topLayer: { el: Element; rect: Rect }[];
  /** Whether the host is itself in the top layer. */
  hostOnTop: boolean;
  /** The computed styles that could fade or hide the host (its own, and the root element's when it paints inside it). */
  styles: Pick<CSSStyleDeclaration, 'opacity' | 'visibility' | 'filter' | 'clipPath' | 'display'>[];
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const SLACK = 2;

/** Points across the frame (a 3 × 4 grid, inset from the edges), where a decoy would have to sit. */
export function samplePoints(r: Rect): [number, number][] {
  const points: [number, number][] = [];
  const w = r.right - r.left;
  const h = r.bottom - r.top;
  for (const fx of [0.15, 0.5, 0.85]) for (const fy of [0.08, 0.35, 0.65, 0.92]) points.push([r.left + w * fx, r.top + h * fy]);
  return points;
}

/** Why the panel is not plainly visible, or null when it is. */
export function assessCover(v: CoverView): CoverReason | null {
  for (const s of v.styles) {
    if (s.display === 'none' || (s.visibility && s.visibility !== 'visible')) return 'hidden';
    if (Number(s.opacity) < 1 || (s.filter && s.filter !== 'none') || (s.clipPath && s.clipPath !== 'none')) return 'hidden';
  }
  const { rect, viewport } = v;
  const inPlace =
    rect.right - rect.left > 0 &&
    rect.bottom - rect.top > 0 &&
    Math.abs(rect.right - viewport.width) <= SLACK &&
    rect.top <= SLACK &&
    rect.bottom >= viewport.height - SLACK;
  if (!inPlace) return 'moved';
  if (v.topLayer.some((t) => overlaps(t.rect, rect))) return 'covered';
  if (!v.hostOnTop) return 'covered';
  for (const [x, y] of samplePoints(rect)) if (v.topAt(x, y) !== v.host) return 'covered';
  return null;
}

const boxOf = (el: Element): Rect => {
  const r = el.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
};

/** The live view of the DOM for `assessCover`. */
export function readCover(doc: Document, host: HTMLElement, frameBox: Element): CoverView {
  const win = doc.defaultView!;
  let topLayer: Element[] = [];
  try {
    topLayer = [...doc.querySelectorAll(':modal, :popover-open, :fullscreen')].filter((el) => el !== host);
  } catch {
    // A browser without one of these selectors: hit testing still runs.
  }
  let hostOnTop = true;
  let popovers = true;
  try {
    hostOnTop = host.matches(':popover-open');
  } catch {
    // No popover support: the host is stacked by z-index, and hit testing is the check.
    popovers = false;
  }
  return {
    rect: boxOf(frameBox),
    viewport: { width: doc.documentElement.clientWidth, height: win.innerHeight },
    topAt: (x, y) => doc.elementFromPoint(x, y),
    host,
    topLayer: topLayer.map((el) => ({ el, rect: boxOf(el) })),
    hostOnTop,
    // The top layer is painted apart from the root element, whose filter or opacity (a dark-mode
    // extension inverts it) reaches the host only when the host is stacked inside it.
    styles: popovers ? [win.getComputedStyle(host)] : [win.getComputedStyle(host), win.getComputedStyle(doc.documentElement)],
  };
}

/** Checks a moment after something changed, and at least this often while the panel is open. */
export const COVER_INTERVAL_MS = 400;
/** A panel that was covered is trusted again only after this long uncovered: a decoy flicked away just before a click does not count. */
export const CLEAR_AFTER_MS = 1000;

/**
 * Turns checks into what the panel is told: a cover at once, the all-clear
 * only once it has held for CLEAR_AFTER_MS. Pure; `now` comes with each check.
 */
export function coverVerdicts(clearAfter = CLEAR_AFTER_MS) {
  let reported: CoverReason | null = null;
  let clearSince: number | null = null;
  return {
    see(reason: CoverReason | null, now: number): { changed: boolean; reason: CoverReason | null } {
      if (reason) {
        clearSince = null;
        const changed = reason !== reported;
        reported = reason;
        return { changed, reason };
      }
      if (reported === null) return { changed: false, reason: null };
      clearSince ??= now;
      if (now - clearSince < clearAfter) return { changed: false, reason: reported };
      reported = clearSince = null;
      return { changed: true, reason: null };
    },
    /** The panel closed or went: nothing left to cover. True when a cover was being reported. */
    reset(): boolean {
      const was = reported !== null;
      reported = clearSince = null;
      return was;
    },
  };
}
