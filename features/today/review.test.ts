import { describe, expect, it } from 'vitest';
import type { Account } from '../../data/model/account';
import type { Cta } from '../../data/model/records';
import { translator } from '../../shared/i18n';
import { weeklyReview } from './review';
import { reviewText } from './review-text';

// Wednesday 2 December 2026, mid-morning local time: ISO week 2026-W49 (Monday 30 November to Sunday 6 December).
const NOW = new Date(2026, 11, 2, 10);
const LAST_WEEK = '2026-11-25T12:00:00.000Z';
const THIS_WEEK = '2026-12-01T12:00:00.000Z';

const account = (id: string, extra: Partial<Account> = {}): Account => ({
  id, name: id, crm: 'salesforce', recordId: `001${id}`, contractEnd: '2027-11-30', createdAt: LAST_WEEK, updatedAt: LAST_WEEK, ...extra,
});
let n = 0;
const cta = (accountId: string, extra: Partial<Cta> = {}): Cta => {
  const id = `cta:onboarding:m${++n}`;
  return {
    id, accountId, createdAt: LAST_WEEK, updatedAt: LAST_WEEK, source: 'onboarding', cause: id.slice(4), title: `Milestone ${n}`,
    dueDate: '2026-12-04', status: 'open', ...extra,
  };
};

const accounts = [
  account('acme', { csm: 'Cleo', arr: 50_000, currency: 'USD' }),
  account('globex', { csm: 'cleo ', arr: 30_000, currency: 'EUR' }),
  account('initech', { csm: 'Dan', arr: 120_000, currency: 'USD' }),
  account('umbrella', { arr: 10_000 }),
  account('hooli', { csm: 'Dan', arr: 40_000, currency: 'USD' }),
];

describe('the weekly onboarding review', () => {
  it('groups the open and snoozed onboarding CTAs by owner, with the ARR at risk per currency, ranked by it', () => {
    const ctas = [
      cta('acme'), cta('acme', { status: 'snoozed', snoozedUntil: '2026-12-09' }), cta('globex'),
      cta('initech'), cta('initech', { owner: 'Erin' }),
      cta('umbrella'),
      cta('hooli', { source: 'renewal', cause: 'renewal:hooli:2027-11-30:90' }),
      cta('hooli', { status: 'closed' }), cta('hooli', { deleted: true }), cta('nobody-knows'),
    ];
    const r = weeklyReview({ accounts, ctas }, NOW);
    expect(r.groups.map((g) => [g.owner, g.count, g.accounts, g.atRisk])).toEqual([
      // Dan and Erin each carry Initech's 120,000 USD: equal ARR, flags and counts, so by name.
      ['Dan', 1, 1, [{ currency: 'USD', amount: 120_000 }]],
      ['Erin', 1, 1, [{ currency: 'USD', amount: 120_000 }]],
      // Cleo and "cleo " are one person; Acme counts once for its two CTAs, and euros are never added to dollars.
      ['Cleo', 3, 2, [{ currency: 'USD', amount: 50_000 }, { currency: 'EUR', amount: 30_000 }]],
      [null, 1, 1, [{ currency: null, amount: 10_000 }]],
    ]);
    // Initech counts once in the review's totals though two people carry it.
    expect(r.totals).toMatchObject({ count: 6, accounts: 4, atRisk: [{ currency: 'USD', amount: 170_000 }, { currency: 'EUR', amount: 30_000 }, { currency: null, amount: 10_000 }] });
    expect(r.groups[2]!.items.filter((i) => i.snoozed)).toHaveLength(1);
  });

  it('flags overdue CTAs and those needing another team, and puts them first, the most overdue first', () => {
    const ctas = [
      cta('acme', { dueDate: '2026-12-05', title: 'ahead' }),
      cta('acme', { dueDate: '2026-11-30', title: 'two days late' }),
      cta('acme', { dueDate: '2026-12-10', needsOtherTeam: true, title: 'other team' }),
      cta('acme', { dueDate: '2026-11-20', title: 'twelve days late' }),
      cta('acme', { dueDate: '2026-12-02', title: 'due today' }),
    ];
    const [g] = weeklyReview({ accounts, ctas }, NOW).groups;
    expect(g!.items.map((i) => [i.title, i.flagged, i.late])).toEqual([
      ['other team', true, -8],
      ['twelve days late', true, 12],
      ['two days late', true, 2],
      ['due today', false, 0],
      ['ahead', false, -3],
    ]);
    expect(g!.flagged).toBe(3);
  });

  it('counts what was raised and what was closed since last week’s review', () => {
    const ctas = [
      cta('acme', { createdAt: THIS_WEEK }), cta('acme'), cta('initech', { createdAt: THIS_WEEK }),
      cta('initech', { status: 'closed', updatedAt: THIS_WEEK }), cta('initech', { status: 'closed', updatedAt: LAST_WEEK }),
    ];
    const r = weeklyReview({ accounts, ctas }, NOW);
    expect([r.week, r.from, r.to, r.today]).toEqual(['2026-W49', '2026-11-30', '2026-12-06', '2026-12-02']);
    expect([r.totals.fresh, r.totals.closed]).toEqual([2, 1]);
    expect(r.groups.map((g) => [g.owner, g.fresh])).toEqual([['Dan', 1], ['Cleo', 1]]);
  });

  it('names the ISO week of the date, across a year’s end', () => {
    const r = weeklyReview({ accounts, ctas: [] }, new Date(2027, 0, 1, 10));
    expect([r.week, r.from, r.to, r.groups]).toEqual(['2026-W53', '2026-12-28', '2027-01-03', []]);
  });

  it('reads as plain text for the meeting, in English and in Chinese', () => {
    const ctas = [cta('acme', { dueDate: '2026-11-30', createdAt: THIS_WEEK, title: 'Kick-off' }), cta('umbrella', { needsOtherTeam: true, title: 'Workshop' })];
    const r = weeklyReview({ accounts, ctas }, NOW);
    expect(reviewText(r, translator('en')).split('\n')).toEqual([
      'Weekly onboarding review · week 2026-W49 (Nov 30, 2026 – Dec 6, 2026)',
      '2 open · 2 flagged · 1 new since last week · 0 closed since last week',
      'ARR at risk: $50,000 · 10,000 (2 accounts)',
      '',
      'Cleo: 1 open · 1 flagged · 1 new · ARR at risk: $50,000 (1 account)',
      '  ! acme: Kick-off · 2 d overdue · new',
      '',
      'Unassigned: 1 open · 1 flagged · 0 new · ARR at risk: 10,000 (1 account)',
      '  ! umbrella: Workshop · due Dec 4, 2026 · needs another team',
    ]);
    const zh = reviewText(r, translator('zh-CN'));
    expect(zh).toContain('每周上线风险回顾 · 2026-W49 周');
    expect(zh).toContain('未分配：未完成 1 项 · 标记 1 项 · 新增 0 项');
    expect(zh).toContain('  ! acme：Kick-off · 逾期 2 天 · 新增');
    expect(reviewText(weeklyReview({ accounts, ctas: [] }, NOW), translator('en'))).toContain('No onboarding calls to action are open this week.');
  });
});
