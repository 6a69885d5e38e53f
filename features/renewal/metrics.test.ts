import fc from 'fast-check';
import { retentionFigures, type Retention } from './metrics';
import { matchOutcomes, renewalEvents, termsOf } from './terms';
import { renewalOutcome } from '../../tests/support/outcomes';
import type { Contract, RenewalOutcome } from '../../data/model/records';
import { addDays } from '../../shared/dates/local-date';

const T = '2026-01-01T00:00:00.000Z';
const TODAY = '2027-02-01';
type Acc = Parameters<typeof termsOf>[0];
const account = (id: string, over: Partial<Acc> = {}): Acc => ({ id, contractEnd: '2027-12-31', currency: 'USD', ...over });
const contract = (accountId: string, end: string, value?: number, extra: Partial<Contract> = {}): Contract => ({
  id: `${accountId}:${end}`, accountId, createdAt: T, updatedAt: T, end, ...(value !== undefined ? { value } : {}), ...extra,
});
/** Each outcome on its own account, whose current contract runs well past the period (nothing "not recorded"). */
const eventsOf = (outcomes: RenewalOutcome[], accounts: Acc[] = []) =>
  renewalEvents({ accounts: [...accounts, ...outcomes.filter((o) => !accounts.some((a) => a.id === o.accountId)).map((o) => account(o.accountId))], contracts: [], outcomes, today: TODAY });
const Y = ['2026-01-01', '2026-12-31'] as const;
const o = renewalOutcome;

describe('retentionFigures', () => {
  const year = [
    o('renewed', '2026-01-01', 100, 100), // flat, on the first day
    o('renewed', '2026-06-30', 200, 150), // downgrade
    o('churned', '2026-07-15', 50, 30), // churn: newArr counts 0 whatever was typed
    o('renewed', '2026-12-31', 100, 160), // expansion, on the last day
    o('will_not_renew', '2026-09-01', 80), // a warning, not an outcome
    o('renewed', '2027-01-01', 999, 999), // after the period
    o('renewed', '2025-12-31', 999, 999), // before it
    o('renewed', '2026-05-01', 999, 999, { deleted: true }),
    o('renewed', '2026-03-01'), // a customer, without revenue figures
  ];
  it('computes customer renewal rate, GRR and NRR by their definitions', () => {
    const f = retentionFigures(eventsOf(year), ...Y);
    expect(f.total).toEqual({ renewed: 4, churned: 1, notRecorded: 0, customers: 5, customerRenewalRate: 0.8, withoutArr: 1 });
    const usd = f.byCurrency.USD!;
    expect(usd).toMatchObject({ base: 450, retained: 350, after: 410 });
    expect(usd.grr).toBeCloseTo(350 / 450, 12); // 77.8%
    expect(usd.nrr).toBeCloseTo(410 / 450, 12); // 91.1%
  });
  it('lets expansion lift NRR above 100% but never GRR', () => {
    const f = retentionFigures(eventsOf([o('renewed', '2026-03-01', 100, 108), o('renewed', '2026-04-01', 400, 400)]), ...Y);
    expect(f.byCurrency.USD!.nrr).toBeCloseTo(508 / 500, 12);
    expect(f.byCurrency.USD!.grr).toBe(1);
  });
  it('is null without terms or revenue', () => {
    expect(retentionFigures([], ...Y)).toEqual({
      total: { renewed: 0, churned: 0, notRecorded: 0, customers: 0, customerRenewalRate: null, withoutArr: 0 }, byCurrency: {}, converted: null, missing: [],
    });
    expect(retentionFigures(eventsOf([o('renewed', '2026-03-01')]), ...Y).byCurrency.USD).toMatchObject({ customerRenewalRate: 1, grr: null, nrr: null, withoutArr: 1 });
  });

  it('never adds currencies: USD 10k renewed and CNY 700k churned are 100% and 0%, not a GRR of 1.4%', () => {
    const outcomes = [o('renewed', '2026-03-01', 10_000, 10_000), o('churned', '2026-04-01', 700_000, undefined, { currency: 'CNY' })];
    const f = retentionFigures(eventsOf(outcomes), ...Y);
    expect(Object.keys(f.byCurrency).sort()).toEqual(['CNY', 'USD']);
    expect(f.byCurrency.USD).toMatchObject({ grr: 1, nrr: 1, customers: 1 });
    expect(f.byCurrency.CNY).toMatchObject({ grr: 0, nrr: 0, customers: 1 });
    expect(f.converted).toBeNull();
    // An outcome without its own currency takes its account's.
    const own = renewalEvents({ accounts: [account('x', { currency: 'CNY' })], contracts: [], outcomes: [o('churned', '2026-04-01', 5, undefined, { accountId: 'x' })], today: TODAY });
    expect(own[0]!.currency).toBe('CNY');
  });
  it('converts only with the rates given, and only when every currency has one', () => {
    const events = eventsOf([o('renewed', '2026-03-01', 10_000, 12_000), o('churned', '2026-04-01', 700_000, undefined, { currency: 'CNY' })]);
    const f = retentionFigures(events, ...Y, { base: 'USD', rates: { CNY: 0.14 } });
    expect(f.converted!.currency).toBe('USD');
    expect(f.converted!.base).toBeCloseTo(10_000 + 98_000, 6);
    expect(f.converted!.grr).toBeCloseTo(10_000 / 108_000, 12);
    expect(f.converted!.nrr).toBeCloseTo(12_000 / 108_000, 12);
    const missing = retentionFigures(events, ...Y, { base: 'EUR', rates: { USD: 0.9 } });
    expect(missing).toMatchObject({ converted: null, missing: ['CNY'] });
  });
});

describe('renewalEvents: terms with no outcome recorded', () => {
  it('counts a term that ended with no outcome once, in the denominator, by its end date', () => {
    const a = account('n1', { contractEnd: '2026-05-31', arr: 1_000 });
    // The same term in the contract history too: still one term.
    const events = renewalEvents({ accounts: [a], contracts: [contract('n1', '2026-05-31', 1_000)], outcomes: [], today: TODAY });
    expect(events).toEqual([{ accountId: 'n1', date: '2026-05-31', status: 'not_recorded', termEnd: '2026-05-31', currency: 'USD', base: 1_000, after: 0 }]);
    const f = retentionFigures([...events, ...eventsOf([o('renewed', '2026-02-01', 1_000, 1_000)])], ...Y);
    expect(f.total).toMatchObject({ renewed: 1, notRecorded: 1, customers: 2, customerRenewalRate: 0.5 });
    expect(f.byCurrency.USD).toMatchObject({ grr: 0.5, nrr: 0.5 });
  });
  it('does not count a term that has not ended yet, nor one whose outcome was recorded near its end', () => {
    const future = account('f', { contractEnd: TODAY });
    const decided = account('d', { contractEnd: '2026-05-31', arr: 1_000 });
    const events = renewalEvents({ accounts: [future, decided], contracts: [], outcomes: [o('churned', '2026-06-20', 1_000, undefined, { accountId: 'd' })], today: TODAY });
    expect(events.map((e) => [e.accountId, e.status, e.termEnd])).toEqual([['d', 'churned', '2026-05-31']]);
  });
  it('counts earlier terms of the contract history that ended with no outcome', () => {
    const a = account('h', { contractEnd: '2027-06-30', arr: 300 });
    const contracts = [contract('h', '2025-06-30', 100), contract('h', '2026-06-30', 200)];
    const events = renewalEvents({ accounts: [a], contracts, outcomes: [o('renewed', '2025-06-15', undefined, undefined, { accountId: 'h' })], today: TODAY });
    expect(events.map((e) => [e.status, e.termEnd, e.base, e.after])).toEqual([['renewed', '2025-06-30', 100, 200], ['not_recorded', '2026-06-30', 200, 0]]);
  });
  it('takes NRR from consecutive terms: previous term value → next term value, expansion included', () => {
    const a = account('c', { contractEnd: '2026-12-31', arr: 130 });
    const contracts = [contract('c', '2025-12-31', 100), contract('c', '2026-12-31', 120)];
    // The outcome typed other figures: the signed terms win; without a next term its own newArr is used.
    const events = renewalEvents({ accounts: [a], contracts, outcomes: [o('renewed', '2025-12-20', 90, 95, { accountId: 'c' })], today: '2026-06-01' });
    expect(events).toMatchObject([{ status: 'renewed', termEnd: '2025-12-31', base: 100, after: 120 }]);
    expect(retentionFigures(events, '2025-01-01', '2025-12-31').byCurrency.USD).toMatchObject({ grr: 1, nrr: 1.2 });
  });
  it('matches an outcome to the nearest term ending from 90 days before to 180 days after it, each term once', () => {
    const terms = termsOf(account('m', { contractEnd: '2026-12-31' }), [contract('m', '2025-12-31', 1), contract('m', '2026-06-30', 1)]);
    const at = (date: string, id = date) => ({ ...o('renewed', date), id });
    expect([...matchOutcomes(terms, [at('2026-06-01')])]).toEqual([['2026-06-01', 1]]);
    expect([...matchOutcomes(terms, [at(addDays('2025-12-31', 90))])]).toEqual([[addDays('2025-12-31', 90), 0]]);
    expect([...matchOutcomes(terms, [at(addDays('2025-12-31', -181))])]).toEqual([]);
    // Two outcomes for one term: the second takes the next term in reach, or none.
    expect([...matchOutcomes(terms, [at('2025-12-30', 'x'), at('2026-01-02', 'y')])]).toEqual([['x', 0], ['y', 1]]);
    expect([...matchOutcomes(terms, [at('2025-12-30', 'x'), at('2025-12-31', 'y')])]).toEqual([['x', 0]]); // 2026-06-30 is 181 days on
  });
});

describe('retention invariants (property)', () => {
  const day = fc.integer({ min: 0, max: 900 }).map((n) => addDays('2025-01-01', n));
  const money = fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined });
  const currency = fc.option(fc.constantFrom('USD', 'CNY', 'EUR'), { nil: undefined });
  const book = fc.array(
    fc.record({
      end: day, arr: money, currency,
      history: fc.array(fc.record({ end: day, value: money }), { maxLength: 3 }),
      outcomes: fc.array(fc.record({ kind: fc.constantFrom('renewed', 'churned', 'will_not_renew') as fc.Arbitrary<RenewalOutcome['kind']>, date: day, previousArr: money, newArr: money, currency, deleted: fc.boolean() }), { maxLength: 3 }),
    }),
    { maxLength: 12 },
  );
  const check = (r: Retention) => {
    if (r.grr !== null) expect(r.grr).toBeGreaterThanOrEqual(0);
    if (r.grr !== null) expect(r.grr).toBeLessThanOrEqual(1 + 1e-12);
    if (r.nrr !== null) expect(r.nrr).toBeGreaterThanOrEqual(r.grr! - 1e-12);
    if (r.customerRenewalRate !== null) expect(r.customerRenewalRate >= 0 && r.customerRenewalRate <= 1).toBe(true);
    expect(r.renewed + r.churned + r.notRecorded).toBe(r.customers);
  };
  it('keeps 0 ≤ GRR ≤ 100%, NRR ≥ GRR, the rate in [0, 1], currencies adding up, each term counted once', () => {
    fc.assert(
      fc.property(book, day, day, (rows, x, y) => {
        const [from, to] = x <= y ? [x, y] : [y, x];
        const accounts = rows.map((r, i) => ({ id: `a${i}`, contractEnd: r.end, ...(r.arr !== undefined ? { arr: r.arr } : {}), ...(r.currency ? { currency: r.currency } : {}) }));
        const contracts = rows.flatMap((r, i) => r.history.map((h, j) => ({ ...contract(`a${i}`, h.end, h.value), id: `c${i}-${j}` })));
        const outcomes = rows.flatMap((r, i) =>
          r.outcomes.map((x, j) => ({ id: `o${i}-${j}`, accountId: `a${i}`, createdAt: T, updatedAt: T, kind: x.kind, date: x.date, deleted: x.deleted,
            ...(x.previousArr !== undefined ? { previousArr: x.previousArr } : {}), ...(x.newArr !== undefined ? { newArr: x.newArr } : {}), ...(x.currency ? { currency: x.currency } : {}) })),
        );
        const events = renewalEvents({ accounts, contracts, outcomes, today: '2026-06-01' });
        const f = retentionFigures(events, from, to, { base: 'USD', rates: { CNY: 0.14, EUR: 1.1, '': 1 } });
        Object.values(f.byCurrency).forEach(check);
        if (f.converted) check(f.converted);
        const sum = (k: 'renewed' | 'churned' | 'notRecorded' | 'customers') => Object.values(f.byCurrency).reduce((s, r) => s + r[k], 0);
        expect(sum('customers')).toBe(f.total.customers);
        expect([sum('renewed'), sum('churned'), sum('notRecorded')]).toEqual([f.total.renewed, f.total.churned, f.total.notRecorded]);
        // Each decided outcome once; each ended term at most once; a term never both decided and not recorded.
        const live = outcomes.filter((x) => !x.deleted && x.kind !== 'will_not_renew');
        expect(events.filter((e) => e.status !== 'not_recorded').length).toBe(live.length);
        const termKeys = events.filter((e) => e.termEnd).map((e) => `${e.accountId}|${e.termEnd}`);
        expect(new Set(termKeys).size).toBe(termKeys.length);
        expect(events.every((e) => e.status !== 'not_recorded' || e.date < '2026-06-01')).toBe(true);
      }),
    );
  });
});
