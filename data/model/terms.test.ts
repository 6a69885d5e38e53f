import type { Contract } from './records';
import { accountTerms, currentTerm, latestOutcomeOf, nextTermDraft, outcomesByTerm, termId, withCurrentTerm } from './terms';
import { renewalOutcome } from '../../tests/support/outcomes';

const T = '2026-01-01T00:00:00.000Z';
const account = { id: 'a1', contractStart: '2026-01-01', contractEnd: '2026-12-31', arr: 100, currency: 'USD' };
const term = (start: string, end: string, value?: number, extra: Partial<Contract> = {}): Contract => ({
  id: termId('a1', end), accountId: 'a1', start, end, createdAt: T, updatedAt: T, ...(value !== undefined ? { value } : {}), ...extra,
});

describe('accountTerms', () => {
  it('makes the current term from the account when nothing is recorded', () => {
    expect(accountTerms(account, [])).toEqual([
      { id: termId('a1', '2026-12-31'), accountId: 'a1', start: '2026-01-01', end: '2026-12-31', value: 100, currency: 'USD', planDone: {}, stored: false },
    ]);
  });
  it('lists recorded terms oldest first; a later recorded term is the current one and the account follows it', () => {
    const old = term('2026-01-01', '2026-12-31', 100);
    const next = term('2027-01-01', '2027-12-31', 120, { currency: 'EUR' });
    const terms = accountTerms(account, [next, old]);
    expect(terms.map((t) => [t.end, t.stored])).toEqual([['2026-12-31', true], ['2027-12-31', true]]);
    expect(currentTerm(account, [next, old]).value).toBe(120);
    expect(withCurrentTerm(account, [old, next])).toEqual({ ...account, contractStart: '2027-01-01', contractEnd: '2027-12-31', arr: 120, currency: 'EUR' });
  });
  it('keeps the account as it is when the CRM moved the end past every recorded term', () => {
    const old = term('2025-01-01', '2025-12-31', 90);
    const terms = accountTerms(account, [old]);
    expect(terms.map((t) => [t.end, t.stored])).toEqual([['2025-12-31', true], ['2026-12-31', false]]);
    expect(withCurrentTerm(account, [old])).toBe(account);
  });
  it('ignores deleted terms and other accounts', () => {
    const gone = term('2027-01-01', '2027-12-31', 120, { deleted: true });
    const other = { ...term('2027-01-01', '2028-12-31', 5), accountId: 'b' };
    expect(withCurrentTerm(account, [gone, other])).toBe(account);
  });
  it('names a term by account and end, the same on every device', () => {
    expect(termId('a1', '2027-12-31')).toBe(termId('a1', '2027-12-31'));
    expect(termId('a1', '2027-12-31')).not.toBe(termId('a2', '2027-12-31'));
    expect(termId('x'.repeat(100), '2027-12-31').length).toBeLessThanOrEqual(100);
  });
});

describe('outcomes by term', () => {
  const old = term('2026-01-01', '2026-12-31', 100);
  const next = term('2027-01-01', '2027-12-31', 120);
  const terms = accountTerms(account, [old, next]);
  it('counts only the latest outcome: "will not renew" then "renewed" is renewed', () => {
    const wnr = renewalOutcome('will_not_renew', '2026-10-01', undefined, undefined, { accountId: 'a1', termId: old.id });
    const renewed = renewalOutcome('renewed', '2026-12-20', 100, 120, { accountId: 'a1', termId: old.id });
    const by = outcomesByTerm(terms, [renewed, wnr]);
    expect(latestOutcomeOf(terms[0]!, by)?.kind).toBe('renewed');
    expect(by.get(next.id)).toEqual([]);
  });
  it('places untagged outcomes by date: before the end or up to 90 days late is the old term', () => {
    const late = renewalOutcome('renewed', '2027-02-15', undefined, undefined, { accountId: 'a1' });
    const later = renewalOutcome('will_not_renew', '2027-06-01', undefined, undefined, { accountId: 'a1' });
    const by = outcomesByTerm(terms, [late, later]);
    expect(by.get(old.id)!.map((o) => o.id)).toEqual([late.id]);
    expect(by.get(next.id)!.map((o) => o.id)).toEqual([later.id]);
  });
  it('breaks a same-day tie by the later write, then by id', () => {
    const a = renewalOutcome('will_not_renew', '2026-11-01', undefined, undefined, { accountId: 'a1', termId: old.id, createdAt: '2026-11-01T09:00:00.000Z' });
    const b = renewalOutcome('renewed', '2026-11-01', undefined, undefined, { accountId: 'a1', termId: old.id, createdAt: '2026-11-01T10:00:00.000Z' });
    expect(latestOutcomeOf(terms[0]!, outcomesByTerm(terms, [b, a]))?.id).toBe(b.id);
  });
});

describe('nextTermDraft', () => {
  it('starts the day after the old end and lasts as long, at the old value', () => {
    expect(nextTermDraft({ start: '2026-01-01', end: '2026-12-31', value: 100, currency: 'USD' })).toEqual({ start: '2027-01-01', end: '2027-12-31', value: 100, currency: 'USD' });
    // A calendar year across a leap day stays a calendar year.
    expect(nextTermDraft({ start: '2027-03-01', end: '2028-02-29' })).toEqual({ start: '2028-03-01', end: '2029-02-28' });
    expect(nextTermDraft({ start: '2026-07-15', end: '2026-10-14' }).end).toBe('2027-01-14');
  });
  it('keeps a length in days when the old term was not whole months, and 12 months when its start is unknown', () => {
    expect(nextTermDraft({ start: '2026-01-01', end: '2026-01-30' })).toEqual({ start: '2026-01-31', end: '2026-03-01' });
    expect(nextTermDraft({ end: '2026-06-30' })).toEqual({ start: '2026-07-01', end: '2027-06-30' });
  });
});
