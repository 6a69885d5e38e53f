import { describe, expect, it } from 'vitest';
import type { Account } from '../../data/model/account';
import type { Cta, PromiseRecord } from '../../data/model/records';
import { bookPeople, buildWorklist } from './worklist';

const T = '2026-11-01T00:00:00.000Z';
const TODAY = '2026-12-10';
const acct = (id: string, over: Partial<Account> = {}): Account => ({
  id, name: id.toUpperCase(), crm: 'salesforce', recordId: `001${id}`, contractEnd: '2027-06-30', createdAt: T, updatedAt: T, ...over,
});
const cta = (id: string, accountId: string, dueDate: string, over: Partial<Cta> = {}): Cta => ({
  id, accountId, createdAt: T, updatedAt: T, source: 'service', cause: `service:x:${id}`, title: `do ${id}`, dueDate, status: 'open', ...over,
});
const promise = (id: string, accountId: string, over: Partial<PromiseRecord> = {}): PromiseRecord =>
  ({ id, accountId, createdAt: T, updatedAt: T, text: `promise ${id}`, deliverable: 'yes', status: 'open', ...over }) as PromiseRecord;

const accounts = [
  acct('a', { csm: 'Cleo', arr: 50_000 }),
  acct('b', { owner: 'Ann', csm: 'cleo ', arr: 200_000 }),
  acct('c', { owner: 'Ann', arr: 10_000 }),
];

describe('the Today worklist', () => {
  it('lists what is due today and this week across my accounts, overdue first, grouped by account', () => {
    const ctas = [
      cta('a1', 'a', '2026-12-12'),
      cta('a2', 'a', '2026-12-01', { source: 'renewal', cause: 'renewal:a:2027-06-30:90' }),
      cta('b1', 'b', '2026-12-10'),
      cta('b2', 'b', '2026-12-30'), // beyond the week
      cta('c1', 'c', '2026-12-05'), // Ann's only
    ];
    const list = buildWorklist({ accounts, ctas, promises: [] }, TODAY, { person: 'Cleo' });
    expect(list.groups.map((g) => [g.account.id, g.items.map((i) => [i.key, i.when, i.late])])).toEqual([
      ['a', [['cta:a2', 'overdue', 9], ['cta:a1', 'week', -2]]],
      ['b', [['cta:b1', 'today', 0]]],
    ]);
    expect(list.counts).toEqual({ overdue: 1, today: 1, week: 1 });
  });

  it('lists a renewal touchpoint as late from its own date, also when its CTA is due at the window end', () => {
    // Contract end 2027-02-28: the 90-day contact was due 2026-11-30; a CTA stored with the window's end.
    const ctas = [cta('r', 'a', '2026-12-30', { source: 'renewal', cause: 'renewal:a:2027-02-28:90' })];
    const [item] = buildWorklist({ accounts, ctas, promises: [] }, TODAY, { team: true }).groups[0]!.items;
    expect([item!.due, item!.when, item!.late]).toEqual(['2026-11-30', 'overdue', 10]);
    // A cause that names no date is dated by the CTA alone.
    const odd = [cta('q', 'a', '2026-12-30', { source: 'renewal', cause: 'renewal:a:soon:90' })];
    expect(buildWorklist({ accounts, ctas: odd, promises: [] }, TODAY, { team: true }).groups).toEqual([]);
  });

  it('matches me as owner or CSM, whatever the case and spacing; a manager sees the whole team', () => {
    const ctas = [cta('a1', 'a', TODAY), cta('b1', 'b', TODAY), cta('c1', 'c', TODAY)];
    const ids = (scope: Parameters<typeof buildWorklist>[2]) => buildWorklist({ accounts, ctas, promises: [] }, TODAY, scope).groups.map((g) => g.account.id);
    expect(ids({ person: 'ann' })).toEqual(['b', 'c']);
    expect(ids({ person: ' CLEO' })).toEqual(['b', 'a']); // due alike: the larger customer first
    expect(ids({ team: true })).toEqual(['b', 'a', 'c']);
    expect(ids({ person: 'Nobody' })).toEqual([]);
  });

  it('leaves out closed, deleted and still-snoozed CTAs, and brings back one whose snooze ended', () => {
    const ctas = [
      cta('x1', 'a', TODAY, { status: 'closed' }),
      cta('x2', 'a', TODAY, { deleted: true }),
      cta('x3', 'a', '2026-12-01', { status: 'snoozed', snoozedUntil: '2026-12-11' }),
      cta('x4', 'a', '2026-12-01', { status: 'snoozed', snoozedUntil: '2026-12-10' }),
    ];
    expect(buildWorklist({ accounts, ctas, promises: [] }, TODAY, { team: true }).groups[0]!.items.map((i) => i.key)).toEqual(['cta:x4']);
  });

  it('puts churn recovery first among items due alike, then renewal, health, promises, onboarding, service', () => {
    const due = '2026-12-08';
    const ctas = [
      cta('s', 'a', due, { source: 'service' }),
      cta('o', 'a', due, { source: 'onboarding', cause: 'onboarding:m1' }),
      cta('h', 'a', due, { source: 'health', cause: 'health:red-streak:a:2026-W49' }),
      cta('r', 'a', due, { source: 'renewal', cause: 'renewal:a:2027-06-30:30' }),
      cta('z', 'a', due, { source: 'renewal', cause: 'churn-recovery:o1' }),
    ];
    const promises = [promise('p', 'a', { dueDate: due })];
    expect(buildWorklist({ accounts, ctas, promises }, TODAY, { team: true }).groups[0]!.items.map((i) => i.key)).toEqual([
      'cta:z', 'cta:r', 'cta:h', 'promise:p', 'cta:o', 'cta:s',
    ]);
  });

  it('lists promises coming due this week, overdue, or known not deliverable; not kept or far-off ones', () => {
    const promises = [
      promise('soon', 'a', { dueDate: '2026-12-14' }),
      promise('late', 'a', { dueDate: '2026-12-02' }),
      promise('no', 'a', { deliverable: 'no' }),
      promise('kept', 'a', { dueDate: '2026-12-02', status: 'kept' } as Partial<PromiseRecord>),
      promise('far', 'a', { dueDate: '2027-02-01' }),
    ];
    const items = buildWorklist({ accounts, ctas: [], promises }, TODAY, { team: true }).groups[0]!.items;
    expect(items.map((i) => [i.key, i.risk, i.when])).toEqual([
      ['promise:late', 'overdue', 'overdue'],
      ['promise:no', 'not_deliverable', 'today'],
      ['promise:soon', 'due_soon', 'week'],
    ]);
  });

  it('lists a promise made in the sale that nobody judged two weeks after signing, due on that day', () => {
    const signed = [acct('s', { owner: 'Ann', signedAt: '2026-11-20' }), acct('n', { owner: 'Ann', signedAt: '2026-12-01' })];
    const promises = [
      promise('old', 's', { deliverable: 'unassessed' } as Partial<PromiseRecord>),
      promise('judged', 's', { deliverable: 'partly' } as Partial<PromiseRecord>),
      // Signed nine days ago: there is still time to judge it.
      promise('new', 'n', { deliverable: 'unassessed' } as Partial<PromiseRecord>),
    ];
    const groups = buildWorklist({ accounts: signed, ctas: [], promises }, TODAY, { person: 'Ann' }).groups;
    expect(groups.map((g) => g.account.id)).toEqual(['s']);
    expect(groups[0]!.items.map((i) => [i.key, i.risk, i.due, i.when])).toEqual([['promise:old', 'not_assessed', '2026-12-04', 'overdue']]);
  });

  it('names every owner and CSM once, for a manager to pick from', () => {
    expect(bookPeople(accounts)).toEqual(['Ann', 'Cleo']);
  });
});
