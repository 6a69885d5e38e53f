import type { IsoDate } from '../../shared/dates/local-date';
import { dayIndex, plusDays } from '../../shared/dates/week';
import { ASSESS_WITHIN_DAYS, promiseRisk, type PromiseRisk } from '../expectations/risks';
import type { Account } from '../../data/model/account';
import type { Cta, PromiseRecord } from '../../data/model/records';

/**
 * "What must I do today across my book": one ranked list over every account,
 * built from the CTAs the book evaluation raised (renewal touchpoints, red
 * streaks, onboarding milestones, service visits and reports, follow-ups,
 * churn recovery, manual steps) and the promises coming due or at risk.
 * Pure: dated by `today`, scoped by who is asking.
 */
export type WorkSource = Cta['source'] | 'promise';

export interface WorkItem {
  /** `cta:<id>` or `promise:<id>`: what a done or snooze acts on. */
  key: string;
  source: WorkSource;
  /** The CTA's cause (its kind: `renewal:…`, `health:red-streak:…`), or the promise's risk. */
  cause: string;
  title: string;
  due: IsoDate;
  /** Days past due (0 on the day, negative ahead). */
  late: number;
  when: 'overdue' | 'today' | 'week';
  needsOtherTeam: boolean;
  owner?: string;
  /** Set for promises. */
  risk?: PromiseRisk | 'due_soon';
  /** The CTA itself, for done and snooze from the list. */
  cta?: Cta;
}

export interface WorkGroup {
  account: Pick<Account, 'id' | 'name' | 'crm' | 'recordId' | 'orgKey' | 'owner' | 'csm' | 'arr' | 'currency' | 'segment'>;
  items: WorkItem[];
}

/** Whose work: one person (as owner or CSM), or the whole team. */
export type WorkScope = { person: string } | { team: true };

export interface Worklist {
  groups: WorkGroup[];
  counts: { overdue: number; today: number; week: number };
}

/** A week ahead: what is due by then shows, ranked after today's. */
export const WORK_HORIZON_DAYS = 7;

/** Of two items due alike, the one nearer to losing the customer comes first. */
const SOURCE_RANK: Record<WorkSource, number> = { renewal: 0, health: 1, people: 1.5, promise: 2, onboarding: 3, expectations: 4, service: 5, manual: 6 };
const WHEN_RANK = { overdue: 0, today: 1, week: 2 } as const;
/** Churn recovery is the renewal's most urgent work of all. */
const sourceRank = (i: Pick<WorkItem, 'source' | 'cause'>) => (i.cause.startsWith('churn-recovery:') ? -1 : SOURCE_RANK[i.source]);

const sameName = (a: string | undefined, b: string) => !!a && a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
export const inScope = (a: Pick<Account, 'owner' | 'csm'>, scope: WorkScope): boolean =>
  'team' in scope || sameName(a.owner, scope.person) || sameName(a.csm, scope.person);

const dayDiff = (from: IsoDate, to: IsoDate) => dayIndex(to) - dayIndex(from);

function when(due: IsoDate, today: IsoDate): WorkItem['when'] {
  return due < today ? 'overdue' : due === today ? 'today' : 'week';
}

/**
 * A renewal touchpoint CTA (renewal:<account>:<contract end>:<days before>)
 * is late from the touchpoint's own date. CTAs stored before they were dated
 * so carry the window's last day: the touchpoint's date wins when earlier.
 */
function touchpointDue(c: Cta): IsoDate | undefined {
  if (!c.cause.startsWith('renewal:')) return undefined;
  const parts = c.cause.split(':');
  const [end, offset] = [parts.at(-2) ?? '', Number(parts.at(-1))];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(end) || !Number.isInteger(offset) || offset <= 0) return undefined;
  const due = plusDays(end as IsoDate, -offset);
  return due < c.dueDate ? due : undefined;
}

/** A CTA is work today when it is open, or snoozed until today or earlier, and due within the horizon. */
function ctaItem(c: Cta, today: IsoDate, until: IsoDate): WorkItem | null {
  if (c.deleted || c.status === 'closed') return null;
  if (c.status === 'snoozed' && (c.snoozedUntil ?? '') > today) return null;
  const due = touchpointDue(c) ?? c.dueDate;
  if (due > until) return null;
  return {
    key: `cta:${c.id}`,
    source: c.source,
    cause: c.cause,
    title: c.title,
    due,
    late: dayDiff(due, today),
    when: when(due, today),
    needsOtherTeam: c.needsOtherTeam === true,
    ...(c.owner ? { owner: c.owner } : {}),
    cta: c,
  };
}

/**
 * A promise is work when it is at risk (not deliverable, overdue, made in the
 * sale and still not judged two weeks after signing) or comes due within the horizon.
 */
function promiseItem(p: PromiseRecord, today: IsoDate, until: IsoDate, signedAt: IsoDate | undefined): WorkItem | null {
  const risk = promiseRisk(p, today, signedAt);
  const dueSoon = !p.deleted && p.status === 'open' && !!p.dueDate && p.dueDate >= today && p.dueDate <= until;
  if (!risk && !dueSoon) return null;
  // A promise known not to be deliverable and with no date is to be reset with the customer now;
  // one not judged was due to be judged two weeks after signing.
  const due = risk === 'not_assessed' && signedAt ? plusDays(signedAt, ASSESS_WITHIN_DAYS) : (p.dueDate ?? today);
  return {
    key: `promise:${p.id}`,
    source: 'promise',
    cause: risk ?? 'due_soon',
    title: p.text,
    due,
    late: dayDiff(due, today),
    when: risk === 'not_deliverable' && due > today ? 'today' : when(due, today),
    needsOtherTeam: false,
    risk: risk ?? 'due_soon',
  };
}

const urgency = (a: WorkItem, b: WorkItem) => WHEN_RANK[a.when] - WHEN_RANK[b.when] || b.late - a.late || sourceRank(a) - sourceRank(b);
const byUrgency = (a: WorkItem, b: WorkItem) => urgency(a, b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The ranked list: within an account its items by urgency (overdue first,
 * longest overdue first, then by how near the item is to a lost renewal);
 * accounts by their most urgent item, then by ARR (the larger customer first),
 * then by name.
 */
export function buildWorklist(
  input: { accounts: readonly Account[]; ctas: readonly Cta[]; promises: readonly PromiseRecord[] },
  today: IsoDate,
  scope: WorkScope,
  horizonDays = WORK_HORIZON_DAYS,
): Worklist {
  const until = plusDays(today, horizonDays);
  const accounts = new Map(input.accounts.filter((a) => inScope(a, scope)).map((a) => [a.id, a]));
  const items = new Map<string, WorkItem[]>();
  const add = (accountId: string, item: WorkItem | null) => {
    if (!item || !accounts.has(accountId)) return;
    const list = items.get(accountId);
    if (list) list.push(item);
    else items.set(accountId, [item]);
  };
  for (const c of input.ctas) add(c.accountId, ctaItem(c, today, until));
  for (const p of input.promises) add(p.accountId, promiseItem(p, today, until, accounts.get(p.accountId)?.signedAt));

  const counts = { overdue: 0, today: 0, week: 0 };
  const groups: WorkGroup[] = [];
  for (const [id, list] of items) {
    list.sort(byUrgency);
    for (const i of list) counts[i.when]++;
    const a = accounts.get(id)!;
    groups.push({
      account: {
        id: a.id, name: a.name, crm: a.crm, recordId: a.recordId,
        ...(a.orgKey ? { orgKey: a.orgKey } : {}), ...(a.owner ? { owner: a.owner } : {}), ...(a.csm ? { csm: a.csm } : {}),
        ...(a.arr !== undefined ? { arr: a.arr } : {}), ...(a.currency ? { currency: a.currency } : {}), ...(a.segment ? { segment: a.segment } : {}),
      },
      items: list,
    });
  }
  groups.sort((x, y) => urgency(x.items[0]!, y.items[0]!) || (y.account.arr ?? 0) - (x.account.arr ?? 0) || x.account.name.localeCompare(y.account.name));
  return { groups, counts };
}

/** The people a manager can pick from: every owner and CSM named in the book, once each, in order. */
export function bookPeople(accounts: readonly Pick<Account, 'owner' | 'csm'>[]): string[] {
  const seen = new Map<string, string>();
  for (const a of accounts)
    for (const name of [a.owner, a.csm]) {
      const key = name?.trim().toLocaleLowerCase();
      if (key && !seen.has(key)) seen.set(key, name!.trim());
    }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
