import { browser } from 'wxt/browser';
import type { AccountRef } from '../../crm/types';
import { findAccount } from '../../data/db/accounts';
import { latestReading } from '../../features/health/current';
import { accountRecords } from '../../data/db/account-records';
import { db } from '../../data/db/db';
import { healthSeries } from '../../features/health-service';
import { readEngineSettings } from '../../features/engine-settings';
import { localDate } from '../../shared/dates/local-date';
import { resolveLocale, translator } from '../../shared/i18n';
import { launcherView } from './launcher-view';
import { TabStateSchema, tabKey, type LauncherView, type ToContentMessage } from '../messaging/protocol';
import { clampWidth, panelUiItem, settingsItem, type PanelUi } from '../../shared/settings';

/**
 * Which account is open in which tab lives in storage.session, keyed by tab id:
 * both panel hosts (frame and native side panel) read it from there.
 */
export async function recordDetection(tabId: number, url: string, ref: AccountRef): Promise<LauncherView> {
  // The stored account travels with the tab state: the panel paints it without asking again.
  const account = ref.kind === 'deal' ? null : ((await findAccount(db(), ref)) ?? null);
  const [view] = await Promise.all([viewFor(ref), browser.storage.session.set({ [tabKey(tabId)]: { ref, url, at: Date.now(), account } })]);
  return view;
}

export const forgetTab = (tabId: number): Promise<void> => browser.storage.session.remove(tabKey(tabId));

/** The user's translator, as the background words things (launcher labels, CTA titles). */
export async function userTranslator() {
  return translator(resolveLocale((await settingsItem.getValue()).locale, navigator.language));
}

/** The launcher's words for a record: the same whatever the book holds (see launcherView). */
export async function viewFor(ref: AccountRef): Promise<LauncherView> {
  const [settings, panel] = await Promise.all([settingsItem.getValue(), panelUiItem.getValue()]);
  return launcherView(ref, translator(resolveLocale(settings.locale, navigator.language)), panel);
}

export async function setPanelUi(patch: Partial<PanelUi>): Promise<PanelUi> {
  const next = { ...(await panelUiItem.getValue()), ...patch };
  next.width = clampWidth(next.width);
  await panelUiItem.setValue(next);
  return next;
}

export function sendToTab(tabId: number, msg: ToContentMessage): Promise<void> {
  // A tab whose content script is gone (navigated away, extension reloaded) simply misses the update.
  return browser.tabs.sendMessage(tabId, msg).then(
    () => undefined,
    () => undefined,
  );
}

/** After the data changed, every tab's launcher shows the new state. */
export async function refreshLaunchers(): Promise<void> {
  const all = await browser.storage.session.get(null);
  await Promise.all(
    Object.entries(all).map(async ([key, value]) => {
      const tabId = Number(key.slice(4));
      const state = TabStateSchema.safeParse(value);
      if (!key.startsWith('tab:') || !state.success) return;
      await sendToTab(tabId, { type: 'launcher/update', view: await viewFor(state.data.ref) });
    }),
  );
}

/**
 * The account most recently shown in a CRM tab and its latest reading: what
 * the options page previews a health model on.
 */
export async function previewAccount(): Promise<{ name: string; inputs: Record<string, number> } | null> {
  const all = await browser.storage.session.get(null);
  const states = Object.entries(all)
    .filter(([key]) => key.startsWith('tab:'))
    .flatMap(([, v]) => {
      const parsed = TabStateSchema.safeParse(v);
      return parsed.success ? [parsed.data] : [];
    })
    .sort((a, b) => b.at - a.at);
  for (const state of states) {
    if (state.ref.kind === 'deal') continue; // a deal's own id is no account's
    const account = await findAccount(db(), state.ref);
    if (!account) continue;
    // What the panel scores: the latest import merged with the account's service signals.
    const today = localDate(new Date());
    const [{ snapshots, visits, reports, notes, promises, plans }, { service }] = await Promise.all([
      accountRecords(db(), account.id, ['visits', 'reports', 'notes', 'promises', 'plans']), readEngineSettings(),
    ]);
    const latest = latestReading(healthSeries(account, snapshots, { visits, reports, notes, promises, plans }, service, today), today);
    if (latest) return { name: account.name, inputs: latest.inputs as Record<string, number> };
  }
  return null;
}
