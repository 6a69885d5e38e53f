import { browser } from 'wxt/browser';
import type { DeliveryRequest } from '../../features/channels/schemas';
import type { RuleSettingsInput } from '../../features/channels/automation';
import { answerWithKind, teamChannels } from './channels';
import { addAccountFromPage } from '../../data/db/accounts';
import { db } from '../../data/db/db';
import { discardEntry } from '../../data/sync/delivery';
import { ApiError } from '../../data/sync/errors';
import type { ContentMessage, PageMessage } from '../messaging/protocol';
import { isFramedSender } from '../messaging/frames';
import { testRule } from './custom-crm';
import { customCrmApi, storedCrmConfig, syncStoredRules } from './custom-crm-api';
import { markAccountSigned, readDeal } from './deals';
import { draftAfterSigning } from './signed-draft';
import { settingsItem } from '../../shared/settings';
import { afterDetection } from './detection';
import { claimPanelFrame, issuePanelNonce, panelNonceClaimed, setCover } from './frames';
import { newRecord, patchedRecord, promisesOfSubmission, putRecord, removedRecord, settledRecord } from './record-commands';
import { runReminderCheck, type ReminderBrowser } from './reminders';
import { ssoSignIn, ssoSignOut } from './sso';
import type { HandlerMap } from './router';
import type { Schedule } from './schedule';
import { ensureSchedule, syncNow } from './sync';
import { forgetTab, previewAccount, refreshLaunchers, sendToTab, setPanelUi, userTranslator } from './tabs';
import { markTermPaid, recordTermOutcome, tickPlanStep } from './terms';
import { applyTransfer, discardKept, exportKept, exportTransfer, loadDemo, previewTransfer } from './transfer/commands';

/** What the CRM page's content script may ask (the router has checked its sender and its shape). */
export const contentCommands: HandlerMap<ContentMessage> = {
  'crm/detected': (msg, sender) => afterDetection(sender.tab!.id!, sender.url!, msg.ref).view,
  'crm/left': (_msg, sender) => forgetTab(sender.tab!.id!),
  'ui/set': (msg) => setPanelUi(msg.patch),
  'crm/config': () => storedCrmConfig(),
  'panel/nonce': (_msg, sender) => issuePanelNonce(sender.tab!.id!),
  'panel/loaded': async (msg, sender) => ({ claimed: await panelNonceClaimed(sender.tab!.id!, msg.nonce) }),
  'panel/cover': (msg, sender) => setCover(sender.tab!.id!, msg.reason, Date.now()),
};

/** What the extension's own pages (panel, popup, options, portfolio) may ask. */
export function pageCommands(schedule: Schedule, reminderApi: ReminderBrowser): HandlerMap<PageMessage> {
  const { written, afterTermWrite, afterSync } = schedule;
  const channels = teamChannels(db());
  return {
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
    'data/changed': () => schedule.changedElsewhere(),
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
    'channels/list': async () => ({ ok: true, value: await channels.channels() }),
    'channels/deliveries': async (msg) => ({ ok: true, value: await channels.deliveries(msg.accountId) }),
    'channels/deliver': async (msg) => ({ ok: true, value: await channels.deliver(msg.request as DeliveryRequest, msg.key) }),
    'automation/scheduled': async (msg) => ({ ok: true, value: await channels.scheduled(msg.accountId) }),
    'automation/cancel': async (msg) => ({ ok: true, value: await channels.cancelScheduled(msg.id) }),
    'automation/rules': () => answerWithKind(() => channels.automation()),
    'automation/set': (msg) => answerWithKind(() => channels.setRule(msg.rule, msg.settings as unknown as RuleSettingsInput)),
    'term/outcome': (msg) => afterTermWrite(recordTermOutcome(db(), msg.input, new Date()), msg.input.accountId),
    'term/plan': (msg) => afterTermWrite(tickPlanStep(db(), msg.input, new Date()), msg.input.accountId),
    'term/paid': (msg) => afterTermWrite(markTermPaid(db(), msg.input, new Date()), msg.input.accountId),
    // A panel framed into a tab reads that tab's deal only.
    'deal/read': (msg, sender) => (sender.tab?.id !== undefined && sender.tab.id !== msg.tabId ? { ok: false, error: 'not_deal' } : readDeal(msg.tabId)),
    // A deal marked signed starts the account's handover draft when it has none; its Undo takes an untouched one back.
    // An account the team server keeps is marked there first: its refusal (or absence) comes back with its kind.
    'account/signed': async (msg) => {
      const now = new Date();
      let signed;
      try {
        signed = await afterTermWrite(markAccountSigned(db(), msg.input, now), msg.input.accountId);
      } catch (err) {
        if (err instanceof ApiError) return { ok: false, error: err.message, kind: err.kind };
        throw err;
      }
      const me = (await settingsItem.getValue()).myName;
      return { ...signed, ...(await draftAfterSigning(db(), msg.input, me, now, (record) => written('handovers', record))) };
    },
    'reminders/check': async () => runReminderCheck(db(), reminderApi, await userTranslator(), new Date(), true).then((r) => ({ ok: true, notified: r.notified.length })),
    'account/add': async (msg) => {
      const account = await addAccountFromPage(db(), msg.ref, msg.input, new Date());
      await refreshLaunchers();
      return { ok: true, id: account.id };
    },
    'transfer/preview': (msg) => previewTransfer(db(), msg.fileName, msg.text, new Date()),
    'transfer/apply': (msg) => applyTransfer(db(), msg, new Date(), () => schedule.changedElsewhere()),
    'transfer/export': (msg) => exportTransfer(db(), msg.kind, new Date()),
    'demo/load': () => loadDemo(db(), new Date(), () => schedule.changedElsewhere()),
    'kept/export': () => exportKept(db(), new Date()),
    'kept/discard': (msg) => discardKept(db(), msg.seq),
    // Signed in: what 'source/changed' does, the first sync not awaited so the page shows who signed in at once.
    'sso/signin': (msg) => ssoSignIn(msg, async () => {
      await ensureSchedule();
      void syncNow(afterSync, true).catch(() => undefined);
    }),
    'sso/signout': () => ssoSignOut(db(), () => ensureSchedule()),
  };
}
