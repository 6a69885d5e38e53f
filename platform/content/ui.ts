import type { LauncherView } from '../messaging/protocol';
import type { PanelUi } from '../../shared/settings';
import { assessCover, COVER_INTERVAL_MS, coverVerdicts, readCover, type CoverReason } from './cover';
import { STYLES } from './styles';

export interface LensUi {
  show(view: LauncherView): void;
  setPanel(panel: PanelUi): void;
  toggle(): void;
  remove(): void;
}

/** How the UI gets its panel frame: a fresh URL (with its one-time nonce) and a check after it loaded. */
export interface FrameSource {
  /** The panel page's URL for a new frame, or null when the extension refuses one. */
  url(): Promise<{ url: string; nonce: string } | null>;
  /** Whether the panel page that loaded with this nonce claimed it, i.e. is still ours. */
  claimed(nonce: string): Promise<boolean>;
}

const MIN = 300;
const MAX = 720;
/** A page that keeps swapping the frame gets no new one after this many in a minute. */
const MAX_REPLACEMENTS = 3;

/**
 * The launcher and the panel frame. The page's scripts share this DOM, so:
 * the host is a plain div (a custom-element name such as `account-lens` could
 * be defined by the page first, and its constructor's attachInternals() would
 * hand it our shadow root); the closed shadow root then only isolates styles
 * and hides the frame element; and nothing here carries account data (see
 * launcherView). The panel is the extension's own page in an iframe, which the
 * page can neither read nor, unnoticed, replace: the frame is watched and a
 * swapped one is thrown away for a fresh one.
 */
export function createUi(
  doc: Document,
  source: FrameSource,
  save: (patch: Partial<PanelUi>) => void | Promise<unknown>,
  onCover: (reason: CoverReason | null) => void = () => undefined,
): LensUi {
  const host = doc.createElement('div');
  host.style.cssText = 'all: initial !important;';
  const HOST_STYLE = host.getAttribute('style');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLES;
  const launcher = doc.createElement('button');
  launcher.className = 'launcher';
  launcher.type = 'button';
  const dot = doc.createElement('span');
  dot.className = 'dot';
  launcher.append(dot);
  const panel = doc.createElement('div');
  panel.className = 'panel';
  const handle = doc.createElement('div');
  handle.className = 'handle';
  handle.setAttribute('role', 'separator');
  handle.setAttribute('aria-orientation', 'vertical');
  handle.tabIndex = 0;
  panel.append(handle);
  root.append(style, launcher, panel);

  let frame: HTMLIFrameElement | undefined;
  let opening = false;
  let replaced: number[] = [];
  let state: PanelUi = { open: false, width: 380, mode: 'push' };
  const pushStyle = doc.createElement('style');

  const dropFrame = () => {
    frame?.remove();
    frame = undefined;
  };
  // The page can navigate our frame (window.frames[i].location = …) though it cannot reach the element.
  // Every load after the first is such a swap, and so is a first load whose page never claimed the nonce.
  const watchFrame = (el: HTMLIFrameElement, nonce: string) => {
    let loads = 0;
    const swapped = () => {
      if (frame !== el) return;
      dropFrame();
      const now = Date.now();
      replaced = [...replaced.filter((t) => now - t < 60_000), now];
      if (replaced.length <= MAX_REPLACEMENTS) layout();
    };
    el.addEventListener('load', () => {
      loads += 1;
      if (loads > 1) return swapped();
      void source.claimed(nonce).then((ok) => ok || swapped(), swapped);
    });
  };
  const openFrame = () => {
    if (opening) return;
    opening = true;
    void source
      .url()
      .catch(() => null)
      .then((got) => {
        opening = false;
        if (!got || frame || !state.open || !host.isConnected) return;
        const el = doc.createElement('iframe');
        el.src = got.url;
        el.title = 'Account Lens';
        // The panel copies reports and messages for the user: writing only, the page reads nothing.
        el.allow = 'clipboard-write';
        frame = el;
        watchFrame(el, got.nonce);
        panel.append(el);
      });
  };

  // The host lives in the top layer (a manual popover), above anything the page stacks; the page can
  // take it out, restyle it or draw its own top-layer element over it, and each is noticed (see cover.ts).
  const raise = () => {
    if (host.getAttribute('style') !== HOST_STYLE) host.setAttribute('style', HOST_STYLE ?? '');
    if (host.getAttribute('popover') !== 'manual') host.setAttribute('popover', 'manual');
    try {
      if (host.isConnected && !host.matches(':popover-open')) host.showPopover();
    } catch {
      // No popover support (or not connected): z-index stacking and hit testing remain.
    }
  };
  const verdicts = coverVerdicts();
  let watching: { stop(): void } | undefined;
  const check = () => {
    if (!frame || !state.open || !host.isConnected) return;
    const seen = assessCover(readCover(doc, host, panel));
    const { changed, reason } = verdicts.see(seen, Date.now());
    if (changed) onCover(reason);
    if (seen) raise();
  };
  const watch = () => {
    if (watching) return;
    let pending: ReturnType<typeof setTimeout> | undefined;
    const soon = () => (pending ??= setTimeout(() => ((pending = undefined), check()), 50));
    const timer = setInterval(check, COVER_INTERVAL_MS);
    const changes = new MutationObserver(soon);
    changes.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class', 'open', 'popover', 'hidden'] });
    const mine = new MutationObserver(() => {
      raise();
      soon();
    });
    mine.observe(host, { attributes: true });
    doc.addEventListener('toggle', soon, true);
    doc.defaultView?.addEventListener('resize', soon);
    watching = {
      stop() {
        clearInterval(timer);
        clearTimeout(pending);
        changes.disconnect();
        mine.disconnect();
        doc.removeEventListener('toggle', soon, true);
        doc.defaultView?.removeEventListener('resize', soon);
      },
    };
  };
  const unwatch = () => {
    watching?.stop();
    watching = undefined;
    // A closed or removed panel shows nothing to cover; a fresh verdict starts with the next open.
    if (verdicts.reset()) onCover(null);
  };

  const layout = () => {
    const { open, width, mode } = state;
    panel.hidden = !open;
    panel.style.width = `${width}px`;
    launcher.style.right = open ? `${width}px` : '0';
    launcher.setAttribute('aria-expanded', String(open));
    handle.setAttribute('aria-valuenow', String(width));
    if (open && !frame && host.isConnected) openFrame();
    if (open && host.isConnected) watch();
    else unwatch();
    // Push mode makes room so the panel hides none of the CRM's content.
    pushStyle.textContent = open && mode === 'push' ? `html{margin-right:${width}px!important}` : '';
  };

  const setPanel = (next: PanelUi) => {
    state = { ...next };
    layout();
  };

  // A change made here (open, close, resize) is stored by the background; until that is done, a
  // launcher refresh may carry the panel state read before it, and must not undo what was clicked.
  let saving = 0;
  const persist = (patch: Partial<PanelUi>) => {
    saving++;
    void Promise.resolve()
      .then(() => save(patch))
      .catch(() => undefined)
      .finally(() => saving--);
  };

  launcher.addEventListener('click', () => {
    setPanel({ ...state, open: !state.open });
    persist({ open: state.open });
  });

  // Resizing: drag the handle, or use the arrow keys on it.
  handle.addEventListener('pointerdown', (e) => {
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startW = state.width;
    const move = (ev: PointerEvent) => setPanel({ ...state, width: Math.min(MAX, Math.max(MIN, startW + startX - ev.clientX)) });
    const up = () => {
      handle.removeEventListener('pointermove', move);
      persist({ width: state.width });
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up, { once: true });
  });
  handle.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowLeft' ? 20 : e.key === 'ArrowRight' ? -20 : 0;
    if (!step) return;
    e.preventDefault();
    setPanel({ ...state, width: Math.min(MAX, Math.max(MIN, state.width + step)) });
    persist({ width: state.width });
  });

  return {
    show(view) {
      launcher.setAttribute('aria-label', view.label);
      launcher.title = view.label;
      handle.setAttribute('aria-label', view.resizeLabel);
      if (!host.isConnected) {
        doc.documentElement.append(host);
        doc.head?.append(pushStyle);
        raise();
      }
      if (saving === 0) setPanel(view.panel);
    },
    setPanel,
    toggle: () => launcher.click(),
    remove() {
      unwatch();
      host.remove();
      pushStyle.remove();
      // A frame left behind would keep its claim; the next record gets a fresh one.
      dropFrame();
    },
  };
}
