import type { LauncherView } from '../messaging/protocol';
import type { PanelUi } from '../settings';
import { STYLES } from './styles';

export interface LensUi {
  show(view: LauncherView): void;
  setPanel(panel: PanelUi): void;
  toggle(): void;
  remove(): void;
}

const MIN = 300;
const MAX = 720;

/**
 * The launcher and the panel frame, in a closed shadow root so the CRM page's
 * styles and scripts cannot reach into them. The panel itself is the
 * extension's own page in an iframe: its data never enters this page's DOM.
 */
export function createUi(doc: Document, panelUrl: string, save: (patch: Partial<PanelUi>) => void): LensUi {
  const host = doc.createElement('account-lens');
  host.style.cssText = 'all: initial;';
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLES;
  const launcher = doc.createElement('button');
  launcher.className = 'launcher';
  launcher.type = 'button';
  const dot = doc.createElement('span');
  dot.className = 'dot';
  const short = doc.createElement('span');
  short.className = 'short';
  launcher.append(dot, short);
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
  let state: PanelUi = { open: false, width: 380, mode: 'push' };
  const pushStyle = doc.createElement('style');

  const layout = () => {
    const { open, width, mode } = state;
    panel.hidden = !open;
    panel.style.width = `${width}px`;
    launcher.style.right = open ? `${width}px` : '0';
    launcher.setAttribute('aria-expanded', String(open));
    handle.setAttribute('aria-valuenow', String(width));
    if (open && !frame) {
      frame = doc.createElement('iframe');
      frame.src = panelUrl;
      frame.title = 'Account Lens';
      // The panel copies reports and messages for the user: writing only, the page reads nothing.
      frame.allow = 'clipboard-write';
      panel.append(frame);
    }
    // Push mode makes room so the panel hides none of the CRM's content.
    pushStyle.textContent = open && mode === 'push' ? `html{margin-right:${width}px!important}` : '';
  };

  const setPanel = (next: PanelUi) => {
    state = { ...next };
    layout();
  };

  launcher.addEventListener('click', () => {
    setPanel({ ...state, open: !state.open });
    save({ open: state.open });
  });

  // Resizing: drag the handle, or use the arrow keys on it.
  handle.addEventListener('pointerdown', (e) => {
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startW = state.width;
    const move = (ev: PointerEvent) => setPanel({ ...state, width: Math.min(MAX, Math.max(MIN, startW + startX - ev.clientX)) });
    const up = () => {
      handle.removeEventListener('pointermove', move);
      save({ width: state.width });
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up, { once: true });
  });
  handle.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowLeft' ? 20 : e.key === 'ArrowRight' ? -20 : 0;
    if (!step) return;
    e.preventDefault();
    setPanel({ ...state, width: Math.min(MAX, Math.max(MIN, state.width + step)) });
    save({ width: state.width });
  });

  return {
    show(view) {
      launcher.setAttribute('aria-label', view.label);
      launcher.title = view.label;
      launcher.dataset.band = view.band ?? (view.known ? 'none' : 'unknown');
      short.textContent = view.short;
      handle.setAttribute('aria-label', view.resizeLabel);
      if (!host.isConnected) {
        doc.documentElement.append(host);
        doc.head?.append(pushStyle);
      }
      setPanel(view.panel);
    },
    setPanel,
    toggle: () => launcher.click(),
    remove() {
      host.remove();
      pushStyle.remove();
    },
  };
}
