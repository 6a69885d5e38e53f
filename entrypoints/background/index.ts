import { browser } from 'wxt/browser';
import { CRM_MATCHES } from '../../crm/registry';
import { db } from '../../data/db/db';
import { dataSourceItem, readDataSource } from '../../data/sync/settings';
import { healthModelItem, renewalSettingsItem, serviceSettingsItem } from '../../features/engine-settings';
import { customMatches, syncStoredRules } from '../../platform/background/custom-crm-api';
import { serveDataPort } from '../../platform/background/data-port';
import { forgetPanelFrames, gatedPort, setCover, verifiedFrame } from '../../platform/background/frames';
import { contentCommands, pageCommands } from '../../platform/background/page-commands';
import { REMINDER_ALARM, REMINDER_TICK, reminderSettingsItem, reminderTarget, scheduleReminders, updateBadge, type ReminderBrowser } from '../../platform/background/reminders';
import { createRouter } from '../../platform/background/router';
import { createSchedule } from '../../platform/background/schedule';
import { ensureSchedule, isSyncAlarm, syncNow } from '../../platform/background/sync';
import { forgetTab, sendToTab } from '../../platform/background/tabs';
import { isFramedSender } from '../../platform/messaging/frames';
import { DATA_PORT } from '../../platform/messaging/protocol';
import { isExtensionPage } from '../../platform/messaging/senders';
import { customRulesItem, fieldLabelsItem } from '../../shared/settings';

// Wiring only: every listener is registered synchronously so a restarted
// service worker receives the event that woke it.
export default defineBackground(() => {
  const reminderApi = browser as unknown as ReminderBrowser;
  const schedule = createSchedule(reminderApi);
  const { afterSync, bookSoon, checkReminders } = schedule;
  const router = createRouter({
    runtimeId: browser.runtime.id,
    crmMatches: () => CRM_MATCHES,
    customMatches,
    verifiedFrame,
    content: contentCommands,
    page: pageCommands(schedule, reminderApi),
  });
  browser.runtime.onMessage.addListener(router);
  browser.runtime.onConnect.addListener((port) => {
    if (port.name === DATA_PORT && port.sender && isExtensionPage(port.sender, browser.runtime.id)) {
      const serve = (p: Parameters<typeof serveDataPort>[0]) => serveDataPort(p, db(), async () => (await readDataSource()).mode);
      // A panel frame reads the book only if our content script made it.
      if (isFramedSender(port.sender)) gatedPort(port, verifiedFrame(port.sender), serve);
      else serve(port);
    } else port.disconnect();
  });

  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-panel') return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId !== undefined) await sendToTab(tabId, { type: 'panel/toggle' });
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    void forgetPanelFrames(tabId);
    void setCover(tabId, null, Date.now());
  });
  // Custom CRM rules start working on their hosts as soon as access is granted.
  browser.permissions.onAdded.addListener(() => void syncStoredRules());
  browser.permissions.onRemoved.addListener(() => void syncStoredRules());
  customRulesItem.watch(() => void syncStoredRules());
  fieldLabelsItem.watch(() => void syncStoredRules());

  // Reminders: the daily check at its time, and a half-hourly tick that runs a check missed while asleep.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (isSyncAlarm(alarm.name)) void syncNow(afterSync);
    if (alarm.name === REMINDER_ALARM || alarm.name === REMINDER_TICK) void checkReminders().catch(() => undefined);
  });
  browser.notifications.onClicked.addListener((id) => {
    void reminderTarget(db(), id, browser.runtime.getURL('/portfolio.html')).then((url) => browser.tabs.create({ url }));
    void browser.notifications.clear(id);
  });
  reminderSettingsItem.watch(() => void scheduleReminders(reminderApi).then(() => updateBadge(db(), reminderApi)));
  // The book runs without the page: after every sync, import and settings change, and the daily check.
  for (const item of [healthModelItem, renewalSettingsItem, serviceSettingsItem]) item.watch(() => bookSoon());
  dataSourceItem.watch(() => void ensureSchedule());
  browser.runtime.onStartup.addListener(() => void ensureSchedule().then(() => syncNow(afterSync)));
  browser.runtime.onInstalled.addListener(() => void ensureSchedule());
  // Every start of the worker: a check missed while it was stopped runs now (once a day), the badge is set.
  void checkReminders().catch(() => undefined);
  void updateBadge(db(), reminderApi).catch(() => undefined);

  // The toolbar button opens the popup (quick handover, quick visit log); the
  // popup and the frame open the native side panel. Set on every start, so a
  // profile that stored the earlier behaviour follows too.
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false });
  // Keep storage.local (settings now, the team API token later) away from content scripts.
  void browser.storage.local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
});
