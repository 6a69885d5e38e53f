import { storage } from 'wxt/utils/storage';
import type { CustomRule } from '../crm/custom';
import type { LabelSets } from '../crm/fields';
import type { LocaleSetting } from './i18n';

/** User preferences kept in storage.local (never secrets the page could reach: see README). */
export interface Settings {
  locale: LocaleSetting;
  /** My name as it appears as owner or CSM on accounts: the Today list shows my work. */
  myName?: string;
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { locale: 'auto' },
  version: 1,
});

/** How the panel sits over a CRM page; remembered across pages. */
export interface PanelUi {
  open: boolean;
  width: number;
  /** push: the page makes room (default, hides nothing); overlay: the panel covers the page's edge. */
  mode: 'push' | 'overlay';
}

export const PANEL_MIN_WIDTH = 300;
export const PANEL_MAX_WIDTH = 720;
export const clampWidth = (w: number): number =>
  Math.round(Math.min(PANEL_MAX_WIDTH, Math.max(PANEL_MIN_WIDTH, Number.isFinite(w) ? w : 380)));

export const panelUiItem = storage.defineItem<PanelUi>('local:panelUi', {
  fallback: { open: false, width: 380, mode: 'push' },
  version: 1,
});

/** The user's own CRM rules (options page). Only valid rules are stored. */
export const customRulesItem = storage.defineItem<CustomRule[]>('local:customRules', {
  fallback: [],
  version: 1,
});

/** Labels the user added for owner, contract end and annual value, on top of the defaults. */
export const fieldLabelsItem = storage.defineItem<LabelSets>('local:fieldLabels', {
  fallback: {},
  version: 1,
});
