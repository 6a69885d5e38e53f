import { recordUrl } from '../../crm/urls';
import { localDate, type IsoDate } from '../../shared/dates/local-date';
import type { LensDB } from '../../data/db/db';
import { readEngineSettings } from '../../features/engine-settings';
import type { Translator } from '../../shared/i18n';
import type { Account } from '../../data/model/account';
import type { ExpectationNote, ServiceVisit } from '../../data/model/records';
import {
  badgeCount, checkIsDue, dueItems, inQuietHours, newItems, nextCheckAt, notificationFor, quietUntil, validReminderSettings,
  type ReminderItem, type ReminderSettings,
} from '../../features/reminders';
import { touchpointLogs, type TouchpointLog } from '../../features/renewal';
import { plusDays } from '../../shared/dates/week';

import { reminderSettingsItem } from '../../features/reminders/settings-item';

export { reminderSettingsItem };

export const REMINDER_ALARM = 'reminders';
/** A check every half hour as well: a missed daily check (sleep, a stopped worker, quiet hours) runs at the next tick. */
export const REMINDER_TICK = 'reminders-tick';
const NOTIFIED = 'reminders.notified';
const LAST_CHECK = 'reminders.lastCheckDay';
/** Set when a due check waited for quiet hours to end: it runs then, whatever the set time. */
const DEFERRED = 'reminders.deferred';
const TARGET = 'reminders.target:';
/** Click targets kept: the latest notifications' (older ones are long gone from the screen). */
const KEEP_TARGETS = 20;
/** Notified keys are kept this long: long enough that nothing still due is notified twice. */
const KEEP_DAYS = 120;

/** What the background needs of the browser here (a fake one in tests). */
export interface ReminderBrowser {
  notifications: {
    create(
      id: string,
      options: { type: 'basic' | 'list'; iconUrl: string; title: string; message: string; items?: { title: string; message: string }[] },
    ): Promise<unknown>;
  };
  action: { setBadgeText(d: { text: string }): Promise<void>; setBadgeBackgroundColor(d: { color: string }): Promise<void> };
  alarms: { create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void> | void };
  runtime: { getURL(path: string): string };
}

async function book(database: LensDB) {
  const [accounts, ctas, plans, visits, notes, { renewal }] = await Promise.all([
    database.accounts.toArray(), database.ctas.toArray(), database.plans.toArray(), database.visits.toArray(), database.notes.toArray(), readEngineSettings(),
  ]);
  const group = <T extends { accountId: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(r.accountId, [...(m.get(r.accountId) ?? []), r]);
    return m;
  };
  const v = group(visits as ServiceVisit[]);
  const n = group(notes as ExpectationNote[]);
  const touchpointLogsByAccount = new Map<string, TouchpointLog[]>(accounts.map((a: Account) => [a.id, touchpointLogs(v.get(a.id) ?? [], n.get(a.id) ?? [])]));
  return { accounts, ctas, plans, touchpointLogsByAccount, renewalSettings: renewal };
}

export async function readReminderSettings(): Promise<ReminderSettings> {
  return validReminderSettings(await reminderSettingsItem.getValue());
}

/** The badge text for n items due: '' for none, '99+' past 99. */
const badgeText = (n: number): string => (n > 0 ? (n > 99 ? '99+' : String(n)) : '');

/** The toolbar badge: how many items are due today (touchpoints and next steps). */
export async function updateBadge(database: LensDB, api: ReminderBrowser, now = new Date()): Promise<number> {
  const today = localDate(now);
  const items = dueItems(await book(database), today, await readReminderSettings());
  const n = badgeCount(items, today);
  await api.action.setBadgeText({ text: badgeText(n) });
  await api.action.setBadgeBackgroundColor({ color: '#c23934' });
  return n;
}

/** Schedules the next daily check at the set time, and the half-hourly tick that catches up a missed one. */
export async function scheduleReminders(api: ReminderBrowser, now = new Date()): Promise<void> {
  const settings = await readReminderSettings();
  await api.alarms.create(REMINDER_ALARM, { when: nextCheckAt(now, settings).getTime() });
  await api.alarms.create(REMINDER_TICK, { periodInMinutes: 30 });
}

export interface CheckResult {
  ran: boolean;
  notified: ReminderItem[];
  deferredUntil?: Date;
  notificationId?: string;
}

/**
 * The daily check: runs once a day, at the set time or at the first chance
 * after it (the computer slept, the worker was stopped). In quiet hours it
 * waits for their end. Each item is notified once (by key); many are
 * summarised in one notification. Returns what it did.
 */
export async function runReminderCheck(database: LensDB, api: ReminderBrowser, tr: Translator, now = new Date(), force = false): Promise<CheckResult> {
  const settings = await readReminderSettings();
  const today = localDate(now);
  const last = (await database.meta.get(LAST_CHECK))?.value as IsoDate | undefined;
  // A check put off by quiet hours is owed: it runs when they end, even before the set time
  // (a check time inside quiet hours would otherwise never come round).
  const owed = Boolean((await database.meta.get(DEFERRED))?.value) && last !== today;
  if (!force && !owed && !checkIsDue(last, now, settings)) return { ran: false, notified: [] };
  if (inQuietHours(now, settings)) {
    const until = quietUntil(now, settings);
    await database.meta.put({ key: DEFERRED, value: true });
    if (until) await api.alarms.create(REMINDER_ALARM, { when: until.getTime() });
    return { ran: false, notified: [], ...(until ? { deferredUntil: until } : {}) };
  }
  await database.meta.delete(DEFERRED);
  const items = dueItems(await book(database), today, settings);
  const stored = ((await database.meta.get(NOTIFIED))?.value ?? {}) as Record<string, IsoDate>;
  const fresh = newItems(items, new Set(Object.keys(stored)));
  const result: CheckResult = { ran: true, notified: fresh };
  const note = notificationFor(fresh, tr);
  if (note) {
    const id = `lens-reminder:${today}:${now.getTime()}`;
    const iconUrl = api.runtime.getURL('/icon/128.png');
    await api.notifications.create(id, note.items.length > 0
      ? { type: 'list', iconUrl, title: note.title, message: note.message, items: note.items }
      : { type: 'basic', iconUrl, title: note.title, message: note.message });
    await database.meta.put({ key: `${TARGET}${id}`, value: note.openAccountId });
    result.notificationId = id;
    // Ids carry the time, so key order is age order: keep the newest click targets only.
    const targets = await database.meta.where('key').startsWith(TARGET).primaryKeys();
    if (targets.length > KEEP_TARGETS) await database.meta.bulkDelete(targets.sort().slice(0, targets.length - KEEP_TARGETS));
  }
  // Remember what was notified (and forget what is long past), then that today's check ran.
  const keep = plusDays(today, -KEEP_DAYS);
  const next: Record<string, IsoDate> = Object.fromEntries(Object.entries(stored).filter(([, d]) => d >= keep));
  for (const item of fresh) next[item.key] = today;
  await database.meta.put({ key: NOTIFIED, value: next });
  await database.meta.put({ key: LAST_CHECK, value: today });
  await api.action.setBadgeText({ text: badgeText(badgeCount(items, today)) });
  return result;
}

/** Where a click on a reminder goes: the account's record in its CRM, else the portfolio. */
export async function reminderTarget(database: LensDB, notificationId: string, portfolioUrl: string): Promise<string> {
  const target = (await database.meta.get(`${TARGET}${notificationId}`))?.value as string | null | undefined;
  if (target) {
    const account = await database.accounts.get(target);
    const url = account ? recordUrl(account) : null;
    if (url) return url;
  }
  return portfolioUrl;
}
