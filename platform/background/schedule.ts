import { db } from '../../data/db/db';
import type { WrittenKind } from '../../data/model/records';
import { bookChangedElsewhere, evaluateWholeBook } from './book';
import { evaluateAccountCtas } from './evaluate';
import { runReminderCheck, scheduleReminders, updateBadge, type ReminderBrowser } from './reminders';
import { syncNow, writeAndSend } from './sync';
import { refreshLaunchers, userTranslator } from './tabs';

/**
 * What follows a change, debounced where many changes come at once: the
 * badge (2 s after the last write), the whole book's CTAs (300 ms after the
 * last sync, import or settings change), the daily reminder check, and the
 * team server. One per service worker (entrypoints/background/index.ts).
 */
export interface Schedule {
  /** A record the person wrote: stored and queued, its account's CTAs evaluated again, the badge after. */
  written(kind: WrittenKind, record: unknown): Promise<{ ok: true; id: string }>;
  /** A contract term written: its account's CTAs at once (an ended term's alert closes), then the team server. */
  afterTermWrite<T>(write: Promise<T>, accountId: unknown): Promise<T>;
  /** Launchers and the book after a sync. */
  afterSync(): Promise<void>;
  /** Data changed in another page of the extension (an import, settings). */
  changedElsewhere(): Promise<void>;
  badgeSoon(): void;
  bookSoon(): void;
  /** The daily check: the whole book first, so what it reminds of includes today's new CTAs. */
  checkReminders(): Promise<void>;
}

export function createSchedule(reminderApi: ReminderBrowser): Schedule {
  let badgeTimer: ReturnType<typeof setTimeout> | undefined;
  let bookTimer: ReturnType<typeof setTimeout> | undefined;
  const badgeSoon = () => {
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(() => void updateBadge(db(), reminderApi).catch(() => undefined), 2000);
  };
  const bookSoon = () => {
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
  };
  return {
    badgeSoon,
    bookSoon,
    async written(kind, record) {
      const answer = await writeAndSend(kind, record, async (accountId) => evaluateAccountCtas(db(), accountId, new Date(), await userTranslator()));
      badgeSoon();
      return answer;
    },
    async afterTermWrite(write, accountId) {
      const answer = await write;
      if (typeof accountId === 'string') await evaluateAccountCtas(db(), accountId, new Date(), await userTranslator()).catch(() => undefined);
      badgeSoon();
      void syncNow(refreshLaunchers).catch(() => undefined);
      return answer;
    },
    async afterSync() {
      await refreshLaunchers();
      bookSoon();
    },
    async changedElsewhere() {
      bookChangedElsewhere(db());
      badgeSoon();
      bookSoon();
      await refreshLaunchers();
    },
    async checkReminders() {
      await evaluateWholeBook(db(), userTranslator).catch(() => undefined);
      const result = await runReminderCheck(db(), reminderApi, await userTranslator(), new Date());
      // A check waiting for quiet hours to end keeps the alarm it set for that moment.
      if (!result.deferredUntil) await scheduleReminders(reminderApi);
    },
  };
}
