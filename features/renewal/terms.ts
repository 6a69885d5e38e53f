import { addDays, type IsoDate } from '../../shared/dates/local-date';
import type { Account } from '../../data/model/account';
import type { Segment } from '../../data/model/common';
import type { Contract, RenewalOutcome } from '../../data/model/records';

/** A contract term of an account: from its `contracts` history, or the account's own current contract. */
export interface Term {
  end: IsoDate;
  start?: IsoDate;
  /** Annual value of the term; absent when nobody wrote it down. */
  value?: number;
  /** True when the value comes from a `contracts` record (a signed figure), not the account's ARR today. */
  signed: boolean;
}

/** One term up for renewal: decided by an outcome, or ended with none recorded. */
export interface RenewalEvent {
  accountId: string;
  /** The day it counts in a period: the outcome's date; the term's end when no outcome was recorded. */
  date: IsoDate;
  status: 'renewed' | 'churned' | 'not_recorded';
  /** The end of the term it decides, when one matches (a renewal recorded for a term not in the data has none). */
  termEnd?: IsoDate;
  /** ISO code; '' when neither the outcome nor the account names one. */
  currency: string;
  /** ARR up for renewal; absent when unknown (the event then counts as a customer, not as revenue). */
  base?: number;
  /** ARR after renewal, expansion and contraction included; 0 for churn and for not recorded. */
  after?: number;
  outcomeId?: string;
  owner?: string;
  csm?: string;
  segment?: Segment;
}

/**
 * Outcomes do not name the term they decide, so each is matched to the
 * account's term whose end is nearest its date, among the terms ending from
 * MATCH_AFTER_END days before the outcome to MATCH_BEFORE_END days after it:
 * renewals are mostly recorded inside the 90-day plan, and late ones within a
 * quarter of the end. Each term takes at most one outcome.
 */
export const MATCH_BEFORE_END = 180;
export const MATCH_AFTER_END = 90;

type TermAccount = Pick<Account, 'id' | 'contractEnd' | 'contractStart' | 'arr' | 'currency' | 'owner' | 'csm' | 'segment'> & { deleted?: boolean };

/** An account's terms, oldest first, one per end date: the `contracts` record wins over the account's own figures. */
export function termsOf(account: TermAccount, contracts: readonly Contract[]): Term[] {
  const byEnd = new Map<IsoDate, Term>();
  for (const c of contracts) {
    if (c.deleted || c.accountId !== account.id) continue;
    byEnd.set(c.end, { end: c.end, ...(c.start ? { start: c.start } : {}), ...(c.value !== undefined ? { value: c.value } : {}), signed: c.value !== undefined });
  }
  const own = byEnd.get(account.contractEnd);
  if (!own || own.value === undefined) {
    byEnd.set(account.contractEnd, {
      end: account.contractEnd,
      ...((own?.start ?? account.contractStart) ? { start: (own?.start ?? account.contractStart)! } : {}),
      ...(account.arr !== undefined ? { value: account.arr } : {}),
      signed: false,
    });
  }
  return [...byEnd.values()].sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : 0));
}

const decided = (o: RenewalOutcome) => !o.deleted && (o.kind === 'renewed' || o.kind === 'churned');

/** Pairs each decided outcome with the nearest unclaimed term in the window (see MATCH_*), earliest outcome first. */
export function matchOutcomes(terms: readonly Term[], outcomes: readonly RenewalOutcome[]): Map<string, number> {
  const claimed = new Set<number>();
  const match = new Map<string, number>();
  const sorted = outcomes.filter(decided).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  for (const o of sorted) {
    const from = addDays(o.date, -MATCH_AFTER_END);
    const to = addDays(o.date, MATCH_BEFORE_END);
    let best = -1;
    let bestGap = Infinity;
    terms.forEach((t, i) => {
      if (claimed.has(i) || t.end < from || t.end > to) return;
      const gap = Math.abs(Date.parse(t.end) - Date.parse(o.date));
      if (gap < bestGap) [best, bestGap] = [i, gap];
    });
    if (best >= 0) {
      claimed.add(best);
      match.set(o.id, best);
    }
  }
  return match;
}

/** The revenue of a term, by precedence: a signed term value, else the outcome's figure, else the account's ARR. */
const pick = (term: Term | undefined, recorded: number | undefined): number | undefined =>
  term?.signed ? term.value : (recorded ?? term?.value);

/**
 * Every term up for renewal in the book, as events: each decided outcome
 * (renewed or churned) once, and each term that ended before `today` with no
 * outcome matched to it, as `not_recorded` — not renewed until someone says
 * so, and kept in every denominator. A renewal's ARR after is the next term's
 * value when the history has it (so expansion and contraction from one term
 * to the next count), else the outcome's new ARR.
 */
export function renewalEvents(input: {
  accounts: readonly TermAccount[];
  contracts: readonly Contract[];
  outcomes: readonly RenewalOutcome[];
  today: IsoDate;
}): RenewalEvent[] {
  const contracts = group(input.contracts);
  const outcomes = group(input.outcomes);
  const events: RenewalEvent[] = [];
  for (const a of input.accounts) {
    if (a.deleted) continue;
    const terms = termsOf(a, contracts.get(a.id) ?? []);
    const own = outcomes.get(a.id) ?? [];
    const match = matchOutcomes(terms, own);
    const who = { accountId: a.id, ...(a.owner ? { owner: a.owner } : {}), ...(a.csm ? { csm: a.csm } : {}), ...(a.segment ? { segment: a.segment } : {}) };
    for (const o of own) {
      if (!decided(o)) continue;
      const i = match.get(o.id);
      const term = i === undefined ? undefined : terms[i];
      const next = i === undefined ? undefined : terms[i + 1];
      const base = pick(term, o.previousArr);
      const after = o.kind === 'churned' ? 0 : pick(next, o.newArr);
      events.push({
        ...who, date: o.date, status: o.kind as 'renewed' | 'churned', ...(term ? { termEnd: term.end } : {}),
        currency: o.currency ?? a.currency ?? '', ...(base !== undefined ? { base } : {}), ...(after !== undefined ? { after } : {}), outcomeId: o.id,
      });
    }
    const taken = new Set(match.values());
    terms.forEach((t, i) => {
      if (taken.has(i) || t.end >= input.today) return;
      events.push({ ...who, date: t.end, status: 'not_recorded', termEnd: t.end, currency: a.currency ?? '', ...(t.value !== undefined ? { base: t.value, after: 0 } : {}) });
    });
  }
  return events;
}

function group<T extends { accountId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.accountId);
    if (list) list.push(r);
    else map.set(r.accountId, [r]);
  }
  return map;
}
