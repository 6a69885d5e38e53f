import type { IsoDate } from '../../shared/dates/local-date';
import type { MessageKey, Params, PluralBase, Translator } from '../../shared/i18n';
import { monthName } from '../../shared/dates/month-name';
import { formatDate } from '../../shared/ui/format';
import { REMINDER_KINDS, type ReminderItem, type ReminderKind } from './select';

/** Chrome list notifications show about five lines; more are cut off. */
export const MAX_LIST_ITEMS = 5;

/**
 * What one desktop notification says. `items` are the lines of a list
 * notification (empty for a single reminder: a basic notification).
 * Clicking opens `openAccountId`'s CRM record, or the portfolio when null.
 */
export interface ReminderNotification {
  title: string;
  message: string;
  items: { title: string; message: string }[];
  openAccountId: string | null;
}

// The reminder strings live in en-reminders.ts / zh-CN-reminders.ts, spread into the catalogues by en.ts and zh-CN.ts.
const say = (tr: Translator, key: string, params?: Params): string => tr.t(key as MessageKey, params);
const sayN = (tr: Translator, base: string, n: number, params?: Params): string => tr.plural(base as PluralBase, n, params);

/** A calendar date in the user's language ("Mar 10, 2026", "2026年3月10日"), the same in every time zone. */
function dateText(date: IsoDate, tr: Translator): string {
  return formatDate(date, tr.locale);
}

/** The title and message of a notification about one reminder. */
function single(item: ReminderItem, tr: Translator): { title: string; message: string } {
  const account = item.accountName;
  const date = dateText(item.date, tr);
  switch (item.kind) {
    case 'touchpoint': {
      const key = item.automated ? 'reminder.touchpointAutomated' : 'reminder.touchpoint';
      return { title: say(tr, `${key}.title`, { account }), message: say(tr, `${key}.message`, { offset: item.title, date }) };
    }
    case 'cta':
      return { title: say(tr, 'reminder.cta.title', { account }), message: say(tr, 'reminder.cta.message', { title: item.title, date }) };
    case 'service_day':
      return {
        title: say(tr, 'reminder.serviceDay.title', { account }),
        message: say(tr, 'reminder.serviceDay.message', { date, month: monthName(item.title, tr.locale) }),
      };
  }
}

/** One line of a list notification: the account, then what is due. */
function line(item: ReminderItem, tr: Translator): { title: string; message: string } {
  const message =
    item.kind === 'touchpoint'
      ? say(tr, item.automated ? 'reminder.line.touchpointAutomated' : 'reminder.line.touchpoint', { offset: item.title })
      : item.kind === 'cta'
        ? say(tr, 'reminder.line.cta', { title: item.title })
        : say(tr, 'reminder.line.serviceDay');
  return { title: item.accountName, message };
}

/**
 * The notification for a batch of new reminders (in the order given, as
 * dueItems sorts them), or null when there are none.
 * One reminder: its own title and message, and its account opens on click.
 * Several: a summary title (things due today; service days tomorrow; or
 * both), a message counting each kind, and up to five lines (four and an
 * "and n more" line when there are more). A click opens the portfolio, or
 * the account when every reminder is about the same one.
 */
export function notificationFor(items: readonly ReminderItem[], tr: Translator): ReminderNotification | null {
  const first = items[0];
  if (!first) return null;
  if (items.length === 1) return { ...single(first, tr), items: [], openAccountId: first.accountId };

  const counts = new Map<ReminderKind, number>();
  for (const i of items) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  const tomorrow = counts.get('service_day') ?? 0;
  const summary = tomorrow === 0 ? 'reminder.summary.today' : tomorrow === items.length ? 'reminder.summary.tomorrow' : 'reminder.summary.mixed';
  const message = REMINDER_KINDS.filter((k) => counts.has(k))
    .map((k) => sayN(tr, `reminder.count.${k}`, counts.get(k) ?? 0))
    .join(tr.t('list.sep'));

  const shown = items.length <= MAX_LIST_ITEMS ? items : items.slice(0, MAX_LIST_ITEMS - 1);
  const lines = shown.map((i) => line(i, tr));
  if (shown.length < items.length) {
    lines.push({ title: sayN(tr, 'reminder.more', items.length - shown.length), message: say(tr, 'reminder.more.message') });
  }
  const oneAccount = items.every((i) => i.accountId === first.accountId);
  return { title: sayN(tr, summary, items.length), message, items: lines, openAccountId: oneAccount ? first.accountId : null };
}
