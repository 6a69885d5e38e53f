import { create } from 'zustand';
import type { AccountRef } from '../crm/types';

export type PanelHost = 'frame' | 'side';

/** UI state of the panel: which tab it follows and the record open there. Never database rows. */
export interface PanelState {
  host: PanelHost;
  tabId: number | null;
  ref: AccountRef | null;
  resolved: boolean;
  setTab(tabId: number | null): void;
  setRef(ref: AccountRef | null): void;
}

export const hostFromLocation = (search: string): PanelHost =>
  new URLSearchParams(search).get('host') === 'frame' ? 'frame' : 'side';

export const usePanelStore = create<PanelState>((set) => ({
  host: 'side',
  tabId: null,
  ref: null,
  resolved: false,
  setTab: (tabId) => set({ tabId }),
  setRef: (ref) => set({ ref, resolved: true }),
}));
