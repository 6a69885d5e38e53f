import { addMonthsToDate } from '../../shared/dates/calendar';
import { addDays, daysBetween, type IsoDate } from '../../shared/dates/local-date';
import type { Account } from './account';
import type { Contract, RenewalOutcome } from './records';

/**
 * An account's contract terms. The `contracts` records are the history: one
 * per term (start, end, value, currency), written when a renewal is recorded
 * or imported. The account row carries what the CRM says of the current
 * contract; when a recorded term ends later than that (a renewal the CRM has
 * not caught up with yet), the term is the current one and the account's
 * contract end, start, ARR and currency follow it. When the account ends
 * later than every recorded term (the CRM moved it on), the account's own
 * fields make an unrecorded current term.
 */
export interface Term {
  id: string;
  accountId: string;
  start?: IsoDate;
  end: IsoDate;
  value?: number;
  currency?: string;
  /** Plan steps ticked off in this term, by step id. */
  planDone: Readonly<Record<string, IsoDate>>;
  /** The day this term was marked paid. */
  paidAt?: IsoDate;
  /** False for the current term made from the account's own fields (no record yet). */
  stored: boolean;
  /** The stored record, when there is one (what an edit starts from). */
  record?: Contract;
}

/** FNV-1a, twice with different seeds: 16 hex digits, enough to tell an account's terms apart. */
function hash(s: string): string {
  const one = (seed: number) => {
    let h = seed;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  };
  return one(0x811c9dc5) + one(0x2f6b1d3a);
}

/**
 * A term's record id, from the account and the term's end: two devices that
 * record the same term (the renewal of one contract, an imported history)
 * name it the same, so sync merges them instead of keeping two.
 */
export const termId = (accountId: string, end: IsoDate): string => `term-${hash(`${accountId}|${end}`)}-${end}`;

const fromRecord = (c: Contract): Term => ({
  id: c.id, accountId: c.accountId, end: c.end, planDone: c.planDone ?? {}, stored: true, record: c,
  ...(c.start ? { start: c.start } : {}), ...(c.value !== undefined ? { value: c.value } : {}), ...(c.currency ? { currency: c.currency } : {}),
  ...(c.paidAt ? { paidAt: c.paidAt } : {}),
});

type AccountTermFields = Pick<Account, 'id' | 'contractEnd' | 'contractStart' | 'arr' | 'currency'>;

/** The account's terms, oldest first; the last is the current one. */
export function accountTerms(account: AccountTermFields, contracts: readonly Contract[]): Term[] {
  const stored = contracts
    .filter((c) => c.accountId === account.id && !c.deleted)
    .sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.id < b.id ? -1 : 1))
    .map(fromRecord);
  const last = stored.at(-1);
  if (last && last.end >= account.contractEnd) {
    // The term the account row describes: the CRM's word fills what the record leaves open.
    if (last.end === account.contractEnd) {
      stored[stored.length - 1] = {
        ...last,
        ...(last.start === undefined && account.contractStart ? { start: account.contractStart } : {}),
        ...(last.value === undefined && account.arr !== undefined ? { value: account.arr } : {}),
        ...(last.currency === undefined && account.currency ? { currency: account.currency } : {}),
      };
    }
    return stored;
  }
  const implicit: Term = {
    id: termId(account.id, account.contractEnd), accountId: account.id, end: account.contractEnd, planDone: {}, stored: false,
    ...(account.contractStart ? { start: account.contractStart } : {}),
    ...(account.arr !== undefined ? { value: account.arr } : {}),
    ...(account.currency ? { currency: account.currency } : {}),
  };
  return [...stored.filter((t) => t.id !== implicit.id), implicit];
}

export const currentTerm = (account: AccountTermFields, contracts: readonly Contract[]): Term => accountTerms(account, contracts).at(-1)!;

/**
 * The account as its current term describes it: a recorded term that ends
 * later than the account's contract end moves the end, start, ARR and
 * currency; otherwise the account is returned as it is (the same object).
 */
export function withCurrentTerm<A extends AccountTermFields>(account: A, contracts: readonly Contract[]): A {
  const term = currentTerm(account, contracts);
  if (!term.stored || term.end <= account.contractEnd) return account;
  const next: A = { ...account, contractEnd: term.end };
  if (term.start) next.contractStart = term.start;
  else delete next.contractStart;
  if (term.value !== undefined) next.arr = term.value;
  if (term.currency) next.currency = term.currency;
  return next;
}

/** How long after a term's end an untagged outcome still belongs to it (a renewal signed late). */
export const LATE_OUTCOME_DAYS = 90;

/**
 * The term an outcome is about: the one it names; for outcomes recorded
 * before terms existed, the first term it falls before (or within
 * LATE_OUTCOME_DAYS after the end of), else the current term.
 */
export function termOfOutcome(outcome: Pick<RenewalOutcome, 'termId' | 'date'>, terms: readonly Term[]): Term | undefined {
  if (outcome.termId) {
    const named = terms.find((t) => t.id === outcome.termId);
    if (named) return named;
  }
  return terms.find((t) => daysBetween(t.end, outcome.date) <= LATE_OUTCOME_DAYS) ?? terms.at(-1);
}

/** Later date first; on the same day the one written later (then by id, so every device agrees). */
const laterFirst = (a: RenewalOutcome, b: RenewalOutcome) =>
  a.date !== b.date ? (a.date > b.date ? -1 : 1) : a.createdAt !== b.createdAt ? (a.createdAt > b.createdAt ? -1 : 1) : a.id > b.id ? -1 : 1;

/** Each term's live outcomes, latest first. */
export function outcomesByTerm(terms: readonly Term[], outcomes: readonly RenewalOutcome[]): Map<string, RenewalOutcome[]> {
  const out = new Map<string, RenewalOutcome[]>(terms.map((t) => [t.id, []]));
  for (const o of outcomes) {
    if (o.deleted) continue;
    const term = termOfOutcome(o, terms);
    if (term) out.get(term.id)!.push(o);
  }
  for (const list of out.values()) list.sort(laterFirst);
  return out;
}

/** The outcome that counts for a term: its latest (a "will not renew" followed by "renewed" is renewed). */
export const latestOutcomeOf = (term: Term, byTerm: Map<string, RenewalOutcome[]>): RenewalOutcome | undefined => byTerm.get(term.id)?.[0];

/**
 * The term a renewal starts, prefilled from the old one: it starts the day
 * after the old end and lasts as long (whole months when the old term was
 * whole months, so a calendar year renews as a calendar year; 12 months when
 * the old start is unknown), at the old value and currency.
 */
export function nextTermDraft(term: Pick<Term, 'start' | 'end' | 'value' | 'currency'>): { start: IsoDate; end: IsoDate; value?: number; currency?: string } {
  const start = addDays(term.end, 1);
  const months = term.start ? wholeMonths(term.start, start) : 12;
  const end = months !== undefined ? addDays(addMonthsToDate(start, months), -1) : addDays(start, daysBetween(term.start!, term.end));
  return { start, end, ...(term.value !== undefined ? { value: term.value } : {}), ...(term.currency ? { currency: term.currency } : {}) };
}

/** The number of whole months from `from` to `to` when `to` is exactly that many months later. */
function wholeMonths(from: IsoDate, to: IsoDate): number | undefined {
  const n = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return n > 0 && addMonthsToDate(from, n) === to ? n : undefined;
}

/**
 * The latest outcome of the term the account row describes, from the
 * outcomes alone (the CTA rules have no term records): those naming that
 * term, and untagged ones dated within it.
 */
export function currentTermOutcome(account: Pick<Account, 'id' | 'contractEnd' | 'contractStart'>, outcomes: readonly RenewalOutcome[]): RenewalOutcome | undefined {
  if (!outcomes.length) return undefined;
  const id = termId(account.id, account.contractEnd);
  const mine = outcomes.filter((o) => !o.deleted && o.accountId === account.id && (o.termId ? o.termId === id : !account.contractStart || o.date >= account.contractStart));
  return [...mine].sort(laterFirst)[0];
}
