import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates/local-date';
import { demoBook, demoBookOn } from './book';
import { brokenScenarios, DEMO_SCENARIOS } from './scenarios';

// The demo book is dated from the day it is loaded. Its stories must not depend
// on which day that is: every day of two years (2028 is a leap year) is checked.
describe('the demo book tells the same story on every day', () => {
  it('holds every scenario from 2027-01-01 through 2028-12-31', () => {
    const failures: string[] = [];
    for (let today = '2027-01-01'; today <= '2028-12-31'; today = addDays(today, 1)) {
      for (const b of brokenScenarios(demoBookOn(today), today)) failures.push(`${today} ${b.account}: ${b.problems.join('; ')}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  }, 120_000);

  it('names an account of the book in every scenario, each once', () => {
    const names = demoBookOn('2027-02-28').accounts.map((a) => a.name);
    for (const s of DEMO_SCENARIOS) expect(names).toContain(s.account);
    expect(new Set(DEMO_SCENARIOS.map((s) => s.account)).size).toBe(DEMO_SCENARIOS.length);
  });

  it('dates the book from the local calendar day of the instant it is loaded', () => {
    // 07:00 on 1 January in Shanghai is still 31 December in UTC: the book follows the day the person sees.
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const at = new Date('2026-12-31T23:00:00Z');
      expect(demoBook(at).accounts[0]!.contractEnd).toBe(addDays('2027-01-01', 45));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('would notice a broken story', () => {
    const today = '2027-01-29';
    const book = demoBookOn(today);
    // A visit inside Acme's 60-day touchpoint window keeps the touchpoint: the check must say so.
    const acme = book.accounts.find((a) => a.name === 'Acme Analytics')!;
    book.visits.push({ ...book.visits.find((v) => v.accountId === acme.id)!, id: 'extra', date: addDays(acme.contractEnd!, -50) });
    expect(brokenScenarios(book, today).map((b) => b.account)).toEqual(['Acme Analytics']);
  });
});

describe('the demo book’s recorded outcomes', () => {
  it('hold renewals in USD and CNY, a churn in each, within the last twelve months, on every day', () => {
    for (let today = '2027-01-01'; today <= '2028-12-31'; today = addDays(today, 7)) {
      const { outcomes } = demoBookOn(today);
      const last12 = outcomes.filter((o) => o.date <= today && o.date > addDays(today, -365));
      expect(last12).toHaveLength(outcomes.length);
      for (const currency of ['USD', 'CNY']) {
        expect(outcomes.some((o) => o.kind === 'renewed' && o.currency === currency)).toBe(true);
        expect(outcomes.filter((o) => o.kind === 'churned' && o.currency === currency)).toHaveLength(1);
      }
    }
  });
});
