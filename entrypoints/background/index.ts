import { browser } from 'wxt/browser';
import { createRouter } from '../../platform/background/router';
import { afterDetection } from '../../platform/background/detection';
import { forgetTab, previewAccount, refreshLaunchers, sendToTab, setPanelUi, userTranslator } from '../../platform/background/tabs';
import { evaluateAccountCtas } from '../../platform/background/evaluate';
import { bookChangedElsewhere, evaluateWholeBook } from '../../platform/background/book';
import { healthModelItem, renewalSettingsItem, serviceSettingsItem } from '../../features/engine-settings';
import { CRM_MATCHES } from '../../crm/registry';
import { serveDataPort } from '../../platform/background/data-port';
import { testRule } from '../../platform/background/custom-crm';
import { customCrmApi, customMatches, storedCrmConfig, syncStoredRules } from '../../platform/background/custom-crm-api';
import { customRulesItem, fieldLabelsItem } from '../../shared/settings';
import { addAccountFromPage } from '../../data/db/accounts';
import { db } from '../../data/db/db';
import { DATA_PORT } from '../../platform/messaging/protocol';
import { ensureSchedule, isSyncAlarm, revalidateOnView, syncNow, writeAndSend } from '../../platform/background/sync';
import { discardEntry } from '../../data/sync/outbox';
import { recordTermOutcome, tickPlanStep } from '../../platform/background/terms';
import { newRecord, patchedRecord, promisesOfSubmission, putRecord, removedRecord, settledRecord } from '../../platform/background/record-commands';
import type { WrittenKind } from '../../data/model/records';
import { dataSourceItem, readDataSource } from '../../data/sync/settings';
import { isExtensionPage } from '../../platform/messaging/senders';
import { isFramedSender } from '../../platform/messaging/frames';
import { claimPanelFrame, forgetPanelFrames, gatedPort, issuePanelNonce, panelNonceClaimed, setCover, verifiedFrame } from '../../platform/background/frames';
import {
  REMINDER_ALARM, REMINDER_TICK, reminderSettingsItem, reminderTarget, runReminderCheck, scheduleReminders, updateBadge, type ReminderBrowser,
} from '../../platform/background/reminders';

// Wiring only: every listener is registered synchronously so a restarted
// service worker receives the event that woke it.
export default defineBackground(() => {
  /** A record the person wrote: stored and queued, its account's CTAs evaluated again, the badge after. */
  const written = async (kind: WrittenKind, record: unknown) => {
    const answer = await writeAndSend(kind, record, async (accountId) => evaluateAccountCtas(db(), accountId, new Date(), await userTranslator()));
    badgeSoon();
    return answer;
  };
  const router = createRouter({
    runtimeId: browser.runtime.id,
    crmMatches: () => CRM_MATCHES,
    customMatches,
    verifiedFrame,
    content: {
      'crm/detected': (msg, sender) => afterDetection(sender.tab!.id!, sender.url!, msg.ref).view,
      'crm/left': (_msg, sender) => forgetTab(sender.tab!.id!),
      'ui/set': (msg) => setPanelUi(msg.patch),
      'crm/config': () => storedCrmConfig(),
      'panel/nonce': (_msg, sender) => issuePanelNonce(sender.tab!.id!),
      'panel/loaded': async (msg, sender) => ({ claimed: await panelNonceClaimed(sender.tab!.id!, msg.nonce) }),
      'panel/cover': (msg, sender) => setCover(sender.tab!.id!, msg.reason, Date.now()),
    },
    page: {
      // Only a framed panel asks; it learns its tab only if our content script made its frame.
      'panel/whoami': async (_msg, sender) =>
        isFramedSender(sender) && (await claimPanelFrame(sender)) === 'verified' ? { tabId: sender.tab!.id!, verified: true } : { tabId: null, verified: false },
      'panel/close': async (_msg, sender) => {
        const panel = await setPanelUi({ open: false });
        if (sender.tab?.id !== undefined) await sendToTab(sender.tab.id, { type: 'panel/set', panel });
      },
      'ui/set': async (msg, sender) => {
        const panel = await setPanelUi(msg.patch);
        if (sender.tab?.id !== undefined) await sendToTab(sender.tab.id, { type: 'panel/set', panel });
        return panel;
      },
      // Called synchronously inside the click's gesture, as sidePanel.open requires.
      'sidepanel/open': (msg) => browser.sidePanel.open({ tabId: msg.tabId }),
      'data/changed': () => {
        bookChangedElsewhere(db());
        badgeSoon();
        bookSoon();
        return refreshLaunchers();
      },
      'rules/test': (msg) => testRule(msg.rule, customCrmApi),
      'config/changed': () => syncStoredRules(),
      'sync/now': () => syncNow(afterSync, true),
      'outbox/discard': async (msg) => {
        await discardEntry(db(), msg.key);
        return { ok: true };
      },
      'engine/preview': () => previewAccount(),
      'source/changed': async () => {
        await ensureSchedule();
        await syncNow(afterSync, true);
      },
      'record/write': (msg) => written(msg.kind, msg.record),
      'record/create': (msg) => written(msg.kind, newRecord(msg.kind, msg.fields, new Date())),
      'record/update': async (msg) => written(msg.kind, await patchedRecord(db(), msg.kind, msg.id, msg.patch, msg.version, new Date())),
      'record/put': async (msg) => {
        const now = new Date();
        const before = msg.kind === 'handovers' ? await db().handovers.get(msg.id) : undefined;
        const answer = await written(msg.kind, await putRecord(db(), msg.kind, msg, now));
        if (msg.kind === 'handovers' && (await promisesOfSubmission(db(), before, msg.id, now)) > 0) void syncNow().catch(() => undefined);
        return answer;
      },
      'record/remove': async (msg) => written(msg.kind, await removedRecord(db(), msg.kind, msg.id, msg.version, new Date())),
      'conflict/settle': async (msg) => written(msg.kind, await settledRecord(db(), msg.kind, msg.id, msg.field, msg.choice, msg.version, new Date())),
      'term/outcome': (msg) => afterTermWrite(recordTermOutcome(db(), msg.input, new Date()), msg.input.accountId),
      'term/plan': (msg) => afterTermWrite(tickPlanStep(db(), msg.input, new Date()), msg.input.accountId),
      'reminders/check': async () => runReminderCheck(db(), reminderApi, await userTranslator(), new Date(), true).then((r) => ({ ok: true, notified: r.notified.length })),
      'account/add': async (msg) => {
        const account = await addAccountFromPage(db(), msg.ref, msg.input, new Date());
        await refreshLaunchers();
        return { ok: true, id: account.id };
      },
    },
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
  const reminderApi = browser as unknown as ReminderBrowser;
  const checkReminders = async () => {
    // The daily check first evaluates the whole book, so what it reminds of includes today's new CTAs.
    await evaluateWholeBook(db(), userTranslator).catch(() => undefined);
    const result = await runReminderCheck(db(), reminderApi, await userTranslator(), new Date());
    // A check waiting for quiet hours to end keeps the alarm it set for that moment.
    if (!result.deferredUntil) await scheduleReminders(reminderApi);
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (isSyncAlarm(alarm.name)) void syncNow(afterSync);
    if (alarm.name === REMINDER_ALARM || alarm.name === REMINDER_TICK) void checkReminders().catch(() => undefined);
  });
  browser.notifications.onClicked.addListener((id) => {
    void reminderTarget(db(), id, browser.runtime.getURL('/portfolio.html')).then((url) => browser.tabs.create({ url }));
    void browser.notifications.clear(id);
  });
  reminderSettingsItem.watch(() => void scheduleReminders(reminderApi).then(() => updateBadge(db(), reminderApi)));
  // The badge follows the data: debounced, since an import writes many records at once.
  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  const badgeSoon = () => {
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(() => void updateBadge(db(), reminderApi).catch(() => undefined), 2000);
  };
  // The book runs without the page: after every sync, import and settings change (data/changed), and the
  // daily check. CTAs it raises or closes go to the team server and the badge.
  let bookTimer: ReturnType<typeof setTimeout> | undefined;
  function bookSoon() {
    clearTimeout(bookTimer);
    bookTimer = setTimeout(() => {
      void evaluateWholeBook(db(), userTranslator)
        .then((r) => {
          if (r.created + r.closed === 0) return;
          badgeSoon();
          return syncNow(refreshLaunchers);
        })
        .catch(() => undefined);
    }, 300);
  }
  for (const item of [healthModelItem, renewalSettingsItem, serviceSettingsItem]) item.watch(() => bookSoon());
  // A term written: its account's CTAs follow at once (the alert of an ended contract closes), then the team server.
  async function afterTermWrite<T>(write: Promise<T>, accountId: unknown): Promise<T> {
    const answer = await write;
    if (typeof accountId === 'string') await evaluateAccountCtas(db(), accountId, new Date(), await userTranslator()).catch(() => undefined);
    badgeSoon();
    void syncNow(refreshLaunchers).catch(() => undefined);
    return answer;
  }
  async function afterSync() {
    await refreshLaunchers();
    bookSoon();
  }
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
