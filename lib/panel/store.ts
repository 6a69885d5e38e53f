import { create } from 'zustand';
import type { AccountRef } from '../crm/types';

export type PanelHost = 'frame' | 'side';
export const PANEL_TABS = ['overview', 'service', 'expectations', 'handover'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/** UI state of the panel: which tab it follows and the record open there. Never database rows. */
export interface PanelState {
  host: PanelHost;
  tabId: number | null;
  ref: AccountRef | null;
  /** The account the background sent with the tab state (unvalidated; null: not stored; undefined: not sent). */
  seed: unknown;
  resolved: boolean;
  /** The panel's own tab (overview, service, …): kept while the user moves between records. */
  view: PanelTab;
  /** The panel shows the open record's account, or the whole book. */
  mode: 'account' | 'portfolio';
  setTab(tabId: number | null): void;
  setMode(mode: 'account' | 'portfolio'): void;
  setView(view: PanelTab): void;
  setRef(ref: AccountRef | null, seed?: unknown): void;
}

export const hostFromLocation = (search: string): PanelHost =>
  new URLSearchParams(search).get('host') === 'frame' ? 'frame' : 'side';

export const usePanelStore = create<PanelState>((set) => ({
  host: 'side',
  tabId: null,
  ref: null,
  seed: undefined,
  resolved: false,
  view: 'overview',
  mode: 'account',
  setTab: (tabId) => set({ tabId }),
  setMode: (mode) => set({ mode }),
  setView: (view) => set({ view }),
  setRef: (ref, seed) => set({ ref, seed, resolved: true }),
}));
