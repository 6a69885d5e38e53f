import type { IsoDate } from '../../shared/dates/local-date';
import { plusDays } from '../../shared/dates/week';
import type { Account } from '../../data/model/account';
import type { Cta, ServicePlan } from '../../data/model/records';
import type { RenewalSettings } from '../renewal/settings';
import { renewalTimeline, type TouchpointLog } from '../renewal/timeline';
import { addMonths, monthOf, ruleOf, serviceDayIn } from '../../shared/dates/calendar';
import type { ReminderSettings } from './settings';

export type ReminderKind = 'touchpoint' | 'cta' | 'service_day';

/** The order kinds are listed in: renewal first, then next steps, then tomorrow's visits. */
export const REMINDER_KINDS: readonly ReminderKind[] = ['touchpoint', 'cta', 'service_day'];

/**
 * One thing to remind the user of. `key` is stable for as long as the thing
 * is the same, so a reminder is shown once however many checks see it:
 * - tp:<accountId>:<contractEnd>:<offset>: a renewal touchpoint of one contract;
 * - cta:<ctaId>:<dueDate>: an open next step (CTA); a moved due date is a new key;
 *   a snoozed one that woke up adds :snoozed:<snoozedUntil>, so a snooze reminds again when it ends;
 * - sd:<accountId>:<date>: a service day.
 * `title` is the data the wording needs: for a touchpoint its offset in days
 * before the contract end ('30'); for a CTA its title as stored; for a
 * service day the month it serves (YYYY-MM; a service day moved back before a
 * weekend can fall in the month before). `date`: the touchpoint's or CTA's
 * due date, or the service day.
 */
export interface ReminderItem {
  key: string;
  kind: ReminderKind;
  accountId: string;
  accountName: string;
  title: string;
  date: IsoDate;
  /** Touchpoints only: the renewal message is automated (small segments), so the user checks it went out. */
  automated?: boolean;
}

export interface BookForReminders {
  accounts: readonly Account[];
  ctas: readonly Cta[];
  plans: readonly ServicePlan[];
  /** Contacts that keep touchpoints (see touchpointLogs), by account id; a missing account has none. */
  touchpointLogsByAccount: ReadonlyMap<string, TouchpointLog[]>;
  renewalSettings: RenewalSettings;
}

const isLive = (r: object): boolean => (r as { deleted?: unknown }).deleted !== true;

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function touchpointItems(account: Account, logs: readonly TouchpointLog[], settings: RenewalSettings, today: IsoDate): ReminderItem[] {
  const { touchpoints } = renewalTimeline(account, logs, settings, today);
  return touchpoints
    .filter((tp) => tp.status === 'due')
    .map((tp) => ({
      key: `tp:${account.id}:${account.contractEnd}:${tp.offset}`,
      kind: 'touchpoint',
      accountId: account.id,
      accountName: account.name,
      title: String(tp.offset),
      date: tp.due,
      ...(tp.mode === 'automated' ? { automated: true } : {}),
    }));
}

/** An open CTA is due from its due date; a snoozed one only once its snooze has also ended (no end date: awake). */
function ctaItem(cta: Cta, account: Account, today: IsoDate): ReminderItem | null {
  if (!isLive(cta) || cta.status === 'closed' || cta.dueDate > today) return null;
  let key = `cta:${cta.id}:${cta.dueDate}`;
  if (cta.status === 'snoozed') {
    if (cta.snoozedUntil !== undefined && cta.snoozedUntil > today) return null;
    if (cta.snoozedUntil !== undefined) key += `:snoozed:${cta.snoozedUntil}`;
  }
  return { key, kind: 'cta', accountId: account.id, accountName: account.name, title: cta.title, date: cta.dueDate };
}

/**
 * Tomorrow's service day of an account, if tomorrow is one. The month it
 * serves is tomorrow's or the next (a 1st falling on a Sunday moves back to
 * the Friday before). Days before the customer signed are not service days.
 */
function serviceDayItem(account: Account, plan: ServicePlan | undefined, today: IsoDate): ReminderItem | null {
  const tomorrow = plusDays(today, 1);
  const since = account.signedAt ?? account.contractStart;
  if (since !== undefined && tomorrow < since) return null;
  const rule = ruleOf(plan);
  const month = [monthOf(tomorrow), addMonths(monthOf(tomorrow), 1)].find((m) => serviceDayIn(rule, m) === tomorrow);
  if (month === undefined) return null;
  return { key: `sd:${account.id}:${tomorrow}`, kind: 'service_day', accountId: account.id, accountName: account.name, title: month, date: tomorrow };
}

/**
 * Everything to remind the user of on `today` (the local date):
 * - renewal touchpoints whose status is 'due': from the due date through the
 *   grace days, not yet kept. Not only on the due date itself, so a day the
 *   computer was off is caught up; the key names the touchpoint, so it is
 *   notified once. Once overdue, the renewal CTA the engine raises takes over;
 * - CTAs (next steps) due today or overdue: open, or snoozed with the snooze
 *   ended (snoozedUntil ≤ today);
 * - tomorrow's service days: the account's plan rule, or the default rule
 *   (last Friday) when it has no plan, as the service CTAs use.
 * Deleted accounts, CTAs and plans are ignored, and so are CTAs and plans
 * of accounts not in the book. Kinds switched off in settings are left out.
 * Sorted by kind (touchpoints, CTAs, service days), then account name, then
 * date, then key.
 */
export function dueItems(book: BookForReminders, today: IsoDate, settings: ReminderSettings): ReminderItem[] {
  const accounts = new Map<string, Account>();
  for (const a of book.accounts) if (isLive(a)) accounts.set(a.id, a);
  const items: ReminderItem[] = [];

  if (settings.enabled.touchpoints) {
    for (const a of accounts.values()) items.push(...touchpointItems(a, book.touchpointLogsByAccount.get(a.id) ?? [], book.renewalSettings, today));
  }
  if (settings.enabled.ctas) {
    for (const c of book.ctas) {
      const account = accounts.get(c.accountId);
      const item = account ? ctaItem(c, account, today) : null;
      if (item) items.push(item);
    }
  }
  if (settings.enabled.serviceDays) {
    const planOf = new Map<string, ServicePlan>();
    for (const p of book.plans) if (isLive(p) && !planOf.has(p.accountId)) planOf.set(p.accountId, p);
    for (const a of accounts.values()) {
      const item = serviceDayItem(a, planOf.get(a.id), today);
      if (item) items.push(item);
    }
  }

  const seen = new Set<string>();
  const unique = items.filter((i) => !seen.has(i.key) && seen.add(i.key));
  const kindOrder = (k: ReminderKind) => REMINDER_KINDS.indexOf(k);
  return unique.sort(
    (x, y) =>
      kindOrder(x.kind) - kindOrder(y.kind) ||
      byName.compare(x.accountName, y.accountName) ||
      (x.date < y.date ? -1 : x.date > y.date ? 1 : 0) ||
      (x.key < y.key ? -1 : x.key > y.key ? 1 : 0),
  );
}

/**
 * The toolbar badge: what needs doing today, i.e. touchpoints and CTAs due
 * on or before `today`. Tomorrow's service days are notified a day ahead but
 * not counted: nothing about them has to be done today.
 */
export function badgeCount(items: readonly ReminderItem[], today: IsoDate): number {
  return items.filter((i) => i.kind !== 'service_day' && i.date <= today).length;
}

/** The items not notified yet (by key), each once: an item already notified is never notified again. */
export function newItems(items: readonly ReminderItem[], notified: ReadonlySet<string>): ReminderItem[] {
  const seen = new Set<string>();
  return items.filter((i) => !notified.has(i.key) && !seen.has(i.key) && seen.add(i.key));
}

