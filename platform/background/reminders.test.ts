import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  REMINDER_ALARM, REMINDER_TICK, readReminderSettings, reminderSettingsItem, reminderTarget, runReminderCheck, scheduleReminders, updateBadge,
  type ReminderBrowser,
} from './reminders';
import { LensDB } from '../../data/db/db';
import { plusDays } from '../../shared/dates/week';
import { translator } from '../../shared/i18n';
import type { ReminderSettings } from '../../features/reminders';
import { account, cta } from '../../features/reminders/test-fixtures';

/*
 * November 2026: the 1st is a Sunday, so the 10th is a Tuesday and the last
 * Friday (the default service day) is the 27th. The fixture accounts end their
 * contracts on 2027-12-31, so no renewal touchpoint is due either: on the days
 * used here only the seeded CTAs are due, unless a test says otherwise.
 */
const at = (d: number, h: number, min = 0) => new Date(2026, 10, d, h, min);
const en = translator('en');
const PORTFOLIO = 'chrome-extension://lens/portfolio.html';
const SF18 = '001Hn00001Xyz12IAB';

let n = 0;
const fresh = () => new LensDB(`reminders-${++n}`);

interface Created {
  id: string;
  options: Parameters<ReminderBrowser['notifications']['create']>[1];
}

/** A browser that records what the background asks of it. */
function fakeApi() {
  const notifications: Created[] = [];
  const badges: string[] = [];
  const colors: string[] = [];
  const alarms: { name: string; info: { when?: number; periodInMinutes?: number } }[] = [];
  const api: ReminderBrowser = {
    notifications: {
      create: async (id, options) => {
        notifications.push({ id, options });
        return id;
      },
    },
    action: {
      setBadgeText: async ({ text }) => void badges.push(text),
      setBadgeBackgroundColor: async ({ color }) => void colors.push(color),
    },
    alarms: { create: (name, info) => void alarms.push({ name, info }) },
    runtime: { getURL: (path) => `chrome-extension://lens${path}` },
  };
  return { api, notifications, badges, colors, alarms, lastBadge: () => badges.at(-1) };
}

const setSettings = (over: Partial<ReminderSettings>) =>
  reminderSettingsItem.setValue({ enabled: { touchpoints: true, ctas: true, serviceDays: true }, checkAt: '09:00', quietHours: null, ...over });

/** Acme (a Salesforce account whose record page can be rebuilt) and Bolt, with a CTA due today and one overdue. */
async function seedTwoDue(db: LensDB) {
  await db.accounts.bulkPut([
    account('acme', 'Acme', { recordId: SF18, orgKey: 'acme' }),
    account('bolt', 'Bolt'),
  ]);
  await db.ctas.bulkPut([
    cta('c-today', 'acme', { title: 'Call the sponsor', dueDate: '2026-11-10' }),
    cta('c-late', 'bolt', { title: 'Send the QBR deck', dueDate: '2026-11-05' }),
  ]);
}

beforeEach(() => fakeBrowser.reset());

describe('the daily reminder check', () => {
  it('notifies what is due in one list notification at the check time, worded in English, and sets the badge', async () => {
    const db = fresh();
    await seedTwoDue(db);
    const b = fakeApi();
    const result = await runReminderCheck(db, b.api, en, at(10, 9));

    expect(result.ran).toBe(true);
    expect(result.notified.map((i) => i.key).sort()).toEqual(['cta:c-late:2026-11-05', 'cta:c-today:2026-11-10']);
    expect(b.notifications).toHaveLength(1);
    const [note] = b.notifications;
    expect(note!.id).toBe(`lens-reminder:2026-11-10:${at(10, 9).getTime()}`);
    expect(result.notificationId).toBe(note!.id);
    expect(note!.options).toEqual({
      type: 'list',
      iconUrl: 'chrome-extension://lens/icon/128.png',
      title: '2 things due today',
      message: '2 next steps',
      items: [
        { title: 'Acme', message: 'Next step: Call the sponsor' },
        { title: 'Bolt', message: 'Next step: Send the QBR deck' },
      ],
    });
    expect(b.lastBadge()).toBe('2');
    expect(await db.meta.get('reminders.lastCheckDay')).toEqual({ key: 'reminders.lastCheckDay', value: '2026-11-10' });
  });

  it('uses a basic notification for a single item, with its own title and message', async () => {
    const db = fresh();
    await db.accounts.put(account('acme', 'Acme'));
    await db.ctas.put(cta('c1', 'acme', { title: 'Call the sponsor', dueDate: '2026-11-09' }));
    const b = fakeApi();
    const result = await runReminderCheck(db, b.api, en, at(10, 9, 30));

    expect(result.ran).toBe(true);
    expect(b.notifications.map((x) => x.options)).toEqual([
      { type: 'basic', iconUrl: 'chrome-extension://lens/icon/128.png', title: 'Next step due: Acme', message: 'Call the sponsor (due Nov 9, 2026)' },
    ]);
    expect(b.notifications[0]!.options).not.toHaveProperty('items');
    expect(b.lastBadge()).toBe('1');
  });

  it('runs with nothing due without notifying, and clears the badge', async () => {
    const db = fresh();
    await db.accounts.put(account('acme', 'Acme'));
    await db.ctas.put(cta('c1', 'acme', { dueDate: '2026-11-20' })); // not due yet
    const b = fakeApi();
    const result = await runReminderCheck(db, b.api, en, at(10, 9));
    expect(result).toEqual({ ran: true, notified: [] });
    expect(b.notifications).toEqual([]);
    expect(b.lastBadge()).toBe('');
    expect(await db.meta.get('reminders.lastCheckDay')).toMatchObject({ value: '2026-11-10' });
  });

  it('notifies each item once across runs and days; a new or moved CTA is notified alone', async () => {
    const db = fresh();
    await seedTwoDue(db);
    const b = fakeApi();
    expect((await runReminderCheck(db, b.api, en, at(10, 9))).notified).toHaveLength(2);

    // "Check now" later the same day: it runs, but there is nothing new.
    const again = await runReminderCheck(db, b.api, en, at(10, 14), true);
    expect(again).toEqual({ ran: true, notified: [] });
    expect(b.notifications).toHaveLength(1);
    expect(b.lastBadge()).toBe('2'); // the badge still counts what is due

    // The next day the same two are still due: not repeated; only the new CTA is notified.
    await db.ctas.put(cta('c-new', 'bolt', { title: 'Book the training', dueDate: '2026-11-11' }));
    const next = await runReminderCheck(db, b.api, en, at(11, 9));
    expect(next.ran).toBe(true);
    expect(next.notified.map((i) => i.key)).toEqual(['cta:c-new:2026-11-11']);
    expect(b.notifications).toHaveLength(2);
    expect(b.notifications[1]!.options).toMatchObject({ type: 'basic', title: 'Next step due: Bolt', message: 'Book the training (due Nov 11, 2026)' });
    expect(b.lastBadge()).toBe('3');

    // Nothing new on the day after; a CTA whose due date moved is a new reminder.
    expect((await runReminderCheck(db, b.api, en, at(12, 9))).notified).toEqual([]);
    await db.ctas.update('c-late', { dueDate: '2026-11-13' });
    const moved = await runReminderCheck(db, b.api, en, at(13, 9));
    expect(moved.notified.map((i) => i.key)).toEqual(['cta:c-late:2026-11-13']);
    expect(b.notifications).toHaveLength(3);
  });

  it('does not run before the check time, nor twice on one day', async () => {
    const db = fresh();
    await seedTwoDue(db);
    const b = fakeApi();
    expect(await runReminderCheck(db, b.api, en, at(10, 7))).toEqual({ ran: false, notified: [] });
    expect(await runReminderCheck(db, b.api, en, at(10, 8, 59))).toEqual({ ran: false, notified: [] });
    expect(b.notifications).toEqual([]);
    expect(b.badges).toEqual([]);
    expect(await db.meta.get('reminders.lastCheckDay')).toBeUndefined();

    expect((await runReminderCheck(db, b.api, en, at(10, 9))).ran).toBe(true);
    // A later tick the same day: today's check has run.
    await db.ctas.put(cta('c-new', 'acme', { dueDate: '2026-11-10' }));
    expect(await runReminderCheck(db, b.api, en, at(10, 15))).toEqual({ ran: false, notified: [] });
    expect(b.notifications).toHaveLength(1);
  });

  it('catches up a check missed while the computer slept', async () => {
    const db = fresh();
    await seedTwoDue(db);
    await db.meta.put({ key: 'reminders.lastCheckDay', value: '2026-11-08' });
    const b = fakeApi();
    const result = await runReminderCheck(db, b.api, en, at(10, 15));
    expect(result.ran).toBe(true);
    expect(result.notified).toHaveLength(2);
    expect(b.notifications).toHaveLength(1);
    expect(await db.meta.get('reminders.lastCheckDay')).toMatchObject({ value: '2026-11-10' });
  });

  it('waits for the end of the quiet hours, then runs', async () => {
    const db = fresh();
    await seedTwoDue(db);
    await setSettings({ checkAt: '07:00', quietHours: { from: '20:00', to: '08:00' } });
    const b = fakeApi();

    const deferred = await runReminderCheck(db, b.api, en, at(10, 7, 30));
    expect(deferred).toEqual({ ran: false, notified: [], deferredUntil: at(10, 8) });
    expect(b.alarms).toEqual([{ name: REMINDER_ALARM, info: { when: at(10, 8).getTime() } }]);
    expect(b.notifications).toEqual([]);
    expect(await db.meta.get('reminders.lastCheckDay')).toBeUndefined();

    // "Check now" in quiet hours waits as well.
    expect((await runReminderCheck(db, b.api, en, at(10, 7, 45), true)).deferredUntil).toEqual(at(10, 8));
    expect(b.notifications).toEqual([]);

    const after = await runReminderCheck(db, b.api, en, at(10, 8, 5));
    expect(after.ran).toBe(true);
    expect(after.notified).toHaveLength(2);
    expect(b.notifications).toHaveLength(1);
  });

  it('runs a check whose set time lies inside the quiet hours when they end, once a day', async () => {
    const db = fresh();
    await seedTwoDue(db);
    // Checking at 21:00 with quiet hours 20:00–08:00: the check waits, and is owed at 08:00 the next morning.
    await setSettings({ checkAt: '21:00', quietHours: { from: '20:00', to: '08:00' } });
    const b = fakeApi();
    expect((await runReminderCheck(db, b.api, en, at(9, 21))).deferredUntil).toEqual(at(10, 8));
    const morning = await runReminderCheck(db, b.api, en, at(10, 8, 0));
    expect(morning.ran).toBe(true);
    expect(b.notifications).toHaveLength(1);
    // That counted as the 10th's check: the half-hourly tick later that day runs nothing more.
    expect((await runReminderCheck(db, b.api, en, at(10, 8, 30))).ran).toBe(false);
  });

  it('keeps the click targets of the latest 20 notifications only', async () => {
    const db = fresh();
    await seedTwoDue(db);
    const b = fakeApi();
    // Each run finds one new next step due, so each raises a notification with its click target.
    for (let i = 0; i < 25; i++) {
      await db.ctas.put(cta(`c-new-${i}`, 'acme', { title: `Step ${i}`, dueDate: '2026-11-10' }));
      await runReminderCheck(db, b.api, en, new Date(2026, 10, 10, 9, i), true);
    }
    expect(b.notifications).toHaveLength(25);
    const targets = await db.meta.where('key').startsWith('reminders.target:').primaryKeys();
    expect(targets).toHaveLength(20);
    // The newest are kept: the last notification's target still opens its account.
    expect(targets.map(String)).toContain(`reminders.target:${b.notifications.at(-1)!.id}`);
  });

  it('leaves out kinds switched off in the settings', async () => {
    const db = fresh();
    await db.accounts.put(account('acme', 'Acme'));
    // Thursday the 26th: tomorrow is the last Friday, Acme's (default) service day.
    await db.ctas.put(cta('c1', 'acme', { title: 'Call the sponsor', dueDate: '2026-11-26' }));
    await setSettings({ enabled: { touchpoints: true, ctas: false, serviceDays: true } });
    const b = fakeApi();
    const result = await runReminderCheck(db, b.api, en, at(26, 9));

    expect(result.notified.map((i) => i.kind)).toEqual(['service_day']);
    expect(b.notifications).toHaveLength(1);
    expect(b.notifications[0]!.options).toMatchObject({ type: 'basic', title: 'Service day tomorrow: Acme' });
    expect(b.lastBadge()).toBe(''); // tomorrow's service day is not due today, and CTAs are off
    const notified = (await db.meta.get('reminders.notified'))?.value as Record<string, string>;
    expect(Object.keys(notified)).toEqual(['sd:acme:2026-11-27']);
  });

  it('keeps notified keys for 120 days and forgets older ones', async () => {
    const db = fresh();
    await seedTwoDue(db);
    const today = '2026-11-10';
    await db.meta.put({
      key: 'reminders.notified',
      value: { 'cta:gone:2026-01-01': plusDays(today, -121), 'cta:kept:2026-01-01': plusDays(today, -120) },
    });
    await runReminderCheck(db, fakeApi().api, en, at(10, 9));
    expect((await db.meta.get('reminders.notified'))?.value).toEqual({
      'cta:kept:2026-01-01': plusDays(today, -120),
      'cta:c-today:2026-11-10': today,
      'cta:c-late:2026-11-05': today,
    });
  });

  it('writes the same badge text as updateBadge past 99', async () => {
    const db = fresh();
    await db.accounts.put(account('acme', 'Acme'));
    await db.ctas.bulkPut(Array.from({ length: 100 }, (_, i) => cta(`c${i}`, 'acme', { dueDate: '2026-11-10' })));
    const b = fakeApi();
    const result = await runReminderCheck(db, b.api, en, at(10, 9));
    expect(b.lastBadge()).toBe('99+');
    expect(await updateBadge(db, b.api, at(10, 9))).toBe(100);
    expect(b.lastBadge()).toBe('99+');
    // One notification: four lines and an "and more" line.
    expect(b.notifications).toHaveLength(1);
    expect(b.notifications[0]!.options.items).toHaveLength(5);
    expect(b.notifications[0]!.options.items!.at(-1)).toEqual({ title: 'And 96 more', message: 'Click to see them all.' });
    expect(result.notified).toHaveLength(100);
  });
});

describe('where a click on a reminder goes', () => {
  it("opens the account's CRM record for a single-item notification", async () => {
    const db = fresh();
    await db.accounts.put(account('acme', 'Acme', { recordId: SF18, orgKey: 'acme' }));
    await db.ctas.put(cta('c1', 'acme', { dueDate: '2026-11-10' }));
    const { notificationId } = await runReminderCheck(db, fakeApi().api, en, at(10, 9));
    expect(notificationId).toBeDefined();
    expect(await reminderTarget(db, notificationId!, PORTFOLIO)).toBe(`https://acme.lightning.force.com/lightning/r/Account/${SF18}/view`);
  });

  it('opens the portfolio for several accounts, and the account when all are about it', async () => {
    const db = fresh();
    await seedTwoDue(db);
    const several = await runReminderCheck(db, fakeApi().api, en, at(10, 9));
    expect(await reminderTarget(db, several.notificationId!, PORTFOLIO)).toBe(PORTFOLIO);

    await db.ctas.bulkPut([cta('a1', 'acme', { dueDate: '2026-11-11' }), cta('a2', 'acme', { dueDate: '2026-11-11' })]);
    const oneAccount = await runReminderCheck(db, fakeApi().api, en, at(11, 9));
    expect(oneAccount.notified).toHaveLength(2);
    expect(await reminderTarget(db, oneAccount.notificationId!, PORTFOLIO)).toBe(`https://acme.lightning.force.com/lightning/r/Account/${SF18}/view`);
  });

  it('opens the portfolio when the record URL cannot be rebuilt, the account is gone, or the notification is unknown', async () => {
    const db = fresh();
    await db.accounts.put(account('bolt', 'Bolt')); // Salesforce without an org key: no URL
    await db.ctas.put(cta('c1', 'bolt', { dueDate: '2026-11-10' }));
    const { notificationId } = await runReminderCheck(db, fakeApi().api, en, at(10, 9));
    expect(await reminderTarget(db, notificationId!, PORTFOLIO)).toBe(PORTFOLIO);

    await db.accounts.put(account('acme', 'Acme', { recordId: SF18, orgKey: 'acme' }));
    await db.meta.put({ key: 'reminders.target:old', value: 'acme' });
    await db.accounts.delete('acme');
    expect(await reminderTarget(db, 'old', PORTFOLIO)).toBe(PORTFOLIO);
    expect(await reminderTarget(db, 'never-shown', PORTFOLIO)).toBe(PORTFOLIO);
  });
});

describe('the badge and the schedule', () => {
  it('updateBadge counts what is due today and clears the badge when nothing is', async () => {
    const db = fresh();
    await seedTwoDue(db);
    await db.ctas.put(cta('c-later', 'acme', { dueDate: '2026-11-20' }));
    const b = fakeApi();
    expect(await updateBadge(db, b.api, at(10, 8))).toBe(2);
    expect(b.badges).toEqual(['2']);
    expect(b.colors).toEqual(['#c23934']);
    expect(b.notifications).toEqual([]); // the badge never notifies

    await db.ctas.bulkUpdate([
      { key: 'c-today', changes: { status: 'closed' } },
      { key: 'c-late', changes: { status: 'snoozed', snoozedUntil: '2026-11-15' } },
    ]);
    expect(await updateBadge(db, b.api, at(10, 8))).toBe(0);
    expect(b.lastBadge()).toBe('');
  });

  it('scheduleReminders sets the next daily check and the half-hourly tick', async () => {
    const b = fakeApi();
    await scheduleReminders(b.api, at(10, 8));
    expect(b.alarms).toEqual([
      { name: REMINDER_ALARM, info: { when: at(10, 9).getTime() } },
      { name: REMINDER_TICK, info: { periodInMinutes: 30 } },
    ]);
    await setSettings({ checkAt: '07:00' });
    await scheduleReminders(b.api, at(10, 7)); // at the check time itself: tomorrow's
    expect(b.alarms[2]).toEqual({ name: REMINDER_ALARM, info: { when: at(11, 7).getTime() } });
  });

  it('reads the settings part by part, with defaults for what is missing or invalid', async () => {
    expect(await readReminderSettings()).toEqual({ enabled: { touchpoints: true, ctas: true, serviceDays: true }, checkAt: '09:00', quietHours: null });
    await reminderSettingsItem.setValue({ enabled: { touchpoints: false }, checkAt: '25:00', quietHours: { from: '22:00', to: '06:00' } } as unknown as ReminderSettings);
    expect(await readReminderSettings()).toEqual({
      enabled: { touchpoints: false, ctas: true, serviceDays: true },
      checkAt: '09:00',
      quietHours: { from: '22:00', to: '06:00' },
    });
  });
});
