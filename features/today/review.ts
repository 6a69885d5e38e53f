import { localDate, type IsoDate } from '../../shared/dates/local-date';
import { daysFrom, isoWeek, mondayOf, plusDays, type IsoWeek } from '../../shared/dates/week';
import type { Account } from '../../data/model/account';
import type { Cta } from '../../data/model/records';

/**
 * The weekly onboarding risk review: every week the team goes over the
 * onboarding CTAs still open (snoozed ones too: snoozing postpones the work,
 * not the risk), grouped by whose they are, with the ARR at risk. Overdue CTAs
 * and those needing another team are flagged and come first. What was raised
 * since last week's review (this ISO week) is counted as new. Pure: dated by
 * `now`, read in the user's local calendar.
 */
export type ReviewAccount = Pick<Account, 'id' | 'name' | 'crm' | 'recordId' | 'orgKey' | 'csm' | 'arr' | 'currency'>;

export interface ReviewItem {
  ctaId: string;
  cause: string;
  title: string;
  account: ReviewAccount;
  due: IsoDate;
  /** Days past due (0 on the day, negative ahead). */
  late: number;
  overdue: boolean;
  needsOtherTeam: boolean;
  /** Overdue or needing another team: the meeting's first business. */
  flagged: boolean;
  snoozed: boolean;
  /** Raised since last week's review. */
  isNew: boolean;
}

/** An amount in one currency (null: accounts whose ARR has no currency). ARR is never added across currencies. */
export interface Money {
  currency: string | null;
  amount: number;
}

export interface ReviewCounts {
  count: number;
  flagged: number;
  fresh: number;
  /** Accounts with ARR at risk, each counted once. */
  accounts: number;
  /** ARR of those accounts per currency, largest first. */
  atRisk: Money[];
}

export interface ReviewGroup extends ReviewCounts {
  /** The CTA's owner, else the account's CSM; null: nobody (unassigned). */
  owner: string | null;
  items: ReviewItem[];
}

export interface WeeklyReview {
  week: IsoWeek;
  /** The week's Monday and Sunday. */
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  groups: ReviewGroup[];
  /** `closed`: onboarding CTAs closed since last week's review. */
  totals: ReviewCounts & { closed: number };
}

const isOnboarding = (c: Cta) => c.source === 'onboarding' && !c.deleted;
const ownerOf = (c: Cta, a: ReviewAccount): string | null => c.owner?.trim() || a.csm?.trim() || null;
const keyOf = (owner: string | null) => owner?.toLocaleLowerCase() ?? '';

function counts(items: readonly ReviewItem[]): ReviewCounts {
  const accounts = new Map(items.map((i) => [i.account.id, i.account]));
  const sums = new Map<string | null, number>();
  for (const a of accounts.values()) if (a.arr !== undefined) sums.set(a.currency ?? null, (sums.get(a.currency ?? null) ?? 0) + a.arr);
  const atRisk = [...sums].map(([currency, amount]) => ({ currency, amount })).sort(byAmount);
  return { count: items.length, flagged: items.filter((i) => i.flagged).length, fresh: items.filter((i) => i.isNew).length, accounts: accounts.size, atRisk };
}

/** Largest first; equal amounts by currency code, amounts without a currency last. */
function byAmount(a: Money, b: Money): number {
  return b.amount - a.amount || (a.currency === null ? 1 : 0) - (b.currency === null ? 1 : 0) || (a.currency ?? '').localeCompare(b.currency ?? '');
}

const byUrgency = (x: ReviewItem, y: ReviewItem) =>
  Number(y.flagged) - Number(x.flagged) || Number(y.needsOtherTeam) - Number(x.needsOtherTeam) || y.late - x.late ||
  x.account.name.localeCompare(y.account.name) || (x.ctaId < y.ctaId ? -1 : x.ctaId > y.ctaId ? 1 : 0);

/**
 * Groups ranked by ARR at risk: first in the review's main currency (the one
 * with the most ARR at risk), then in each other currency in turn, then by
 * flagged CTAs, by CTAs, and by name (unassigned last among equals).
 */
function rank(groups: ReviewGroup[], currencies: readonly (string | null)[]): ReviewGroup[] {
  const amount = (g: ReviewGroup, c: string | null) => g.atRisk.find((m) => m.currency === c)?.amount ?? 0;
  return groups.sort((x, y) => {
    for (const c of currencies) {
      const d = amount(y, c) - amount(x, c);
      if (d !== 0) return d;
    }
    const byName = x.owner === null || y.owner === null ? Number(x.owner === null) - Number(y.owner === null) : x.owner.localeCompare(y.owner);
    return y.flagged - x.flagged || y.count - x.count || byName;
  });
}

export function weeklyReview(input: { accounts: readonly Account[]; ctas: readonly Cta[] }, now: Date): WeeklyReview {
  const today = localDate(now);
  const from = mondayOf(today);
  const accounts = new Map(input.accounts.map((a) => [a.id, a]));
  const groups = new Map<string, ReviewGroup>();
  const all: ReviewItem[] = [];
  let closed = 0;
  for (const c of input.ctas) {
    const a = accounts.get(c.accountId);
    if (!a || !isOnboarding(c)) continue;
    if (c.status === 'closed') {
      if (localDate(new Date(c.updatedAt)) >= from) closed++;
      continue;
    }
    const raised = localDate(new Date(c.createdAt));
    const account: ReviewAccount = {
      id: a.id, name: a.name, crm: a.crm, recordId: a.recordId,
      ...(a.orgKey ? { orgKey: a.orgKey } : {}), ...(a.csm ? { csm: a.csm } : {}), ...(a.arr !== undefined ? { arr: a.arr } : {}), ...(a.currency ? { currency: a.currency } : {}),
    };
    const late = daysFrom(c.dueDate, today);
    const needsOtherTeam = c.needsOtherTeam === true;
    const item: ReviewItem = {
      ctaId: c.id, cause: c.cause, title: c.title, account, due: c.dueDate, late, overdue: late > 0, needsOtherTeam,
      flagged: late > 0 || needsOtherTeam, snoozed: c.status === 'snoozed', isNew: raised >= from && raised <= today,
    };
    const owner = ownerOf(c, account);
    const key = keyOf(owner);
    const group = groups.get(key);
    // Two spellings of one name are one person; the group shows the first in alphabetical order.
    if (group) {
      group.items.push(item);
      if (owner !== null && group.owner !== null && owner < group.owner) group.owner = owner;
    } else groups.set(key, { owner, items: [item], count: 0, flagged: 0, fresh: 0, accounts: 0, atRisk: [] });
    all.push(item);
  }
  const list = [...groups.values()].map((g) => ({ ...g, ...counts(g.items), items: g.items.sort(byUrgency) }));
  const totals = { ...counts(all), closed };
  return { week: isoWeek(today), from, to: plusDays(from, 6), today, groups: rank(list, totals.atRisk.map((m) => m.currency)), totals };
}
