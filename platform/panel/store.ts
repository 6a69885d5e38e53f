import { create } from 'zustand';
import type { CoverReason } from '../content/cover';
import type { AccountRef } from '../../crm/types';

export type PanelHost = 'frame' | 'side';
export const PANEL_TABS = ['overview', 'service', 'expectations', 'handover'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/**
 * Whether this panel may show data. The native side panel always may. A
 * framed panel may only once the background confirmed our content script made
 * its frame: any page on a CRM host can frame the panel page itself.
 */
export type PanelTrust = 'checking' | 'verified' | 'refused';

/** UI state of the panel: which tab it follows and the record open there. Never database rows. */
export interface PanelState {
  host: PanelHost;
  trust: PanelTrust;
  tabId: number | null;
  ref: AccountRef | null;
  /** The account the background sent with the tab state (unvalidated; null: not stored; undefined: not sent). */
  seed: unknown;
  resolved: boolean;
  /** The panel's own tab (overview, service, …): kept while the user moves between records. */
  view: PanelTab;
  /** The panel shows the open record's account, or the whole book. */
  mode: 'account' | 'portfolio';
  /** A framed panel the page draws over, hides or moves: its actions pause until it is plainly visible again. */
  cover: CoverReason | null;
  setTab(tabId: number | null): void;
  setMode(mode: 'account' | 'portfolio'): void;
  setView(view: PanelTab): void;
  setRef(ref: AccountRef | null, seed?: unknown): void;
}

/**
 * A panel inside any frame is a framed panel, whatever its URL says: a page
 * that frames `sidepanel.html` without `?host=frame` must not pass for the
 * native side panel (which shows data without a check). The URL parameter
 * alone never makes a top-level page a frame either.
 */
export const hostFromLocation = (_search: string, framed: boolean): PanelHost => (framed ? 'frame' : 'side');

export const usePanelStore = create<PanelState>((set) => ({
  host: 'side',
  trust: 'verified',
  tabId: null,
  ref: null,
  seed: undefined,
  resolved: false,
  view: 'overview',
  mode: 'account',
  cover: null,
  setTab: (tabId) => set({ tabId }),
  setMode: (mode) => set({ mode }),
  setView: (view) => set({ view }),
  setRef: (ref, seed) => set({ ref, seed, resolved: true }),
}));
