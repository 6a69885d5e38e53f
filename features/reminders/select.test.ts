import type { Account } from '../../data/model/account';
import { badgeCount, dueItems, newItems, type ReminderItem } from './select';
import { account, book, cta, plan, settings } from './test-fixtures';

/*
 * Calendar used below (hand-checked): 2026-03-01 is a Sunday, so 2026-03-10
 * is a Tuesday and the last Friday of March 2026 is the 27th. Default renewal
 * settings: mid-market and enterprise touchpoints at 90, 60, 30, 15 and 7
 * days before the end, CSM-led; SMB at 30, 15 and 7, automated; 3 grace days.
 */
const TODAY = '2026-03-10';
const ALL = settings();
const keys = (items: readonly ReminderItem[]) => items.map((i) => i.key);

describe('dueItems: renewal touchpoints', () => {
  it('lists a touchpoint due today (30 days before an end on 2026-04-09), and no overdue earlier one', () => {
    // 90 (due 2026-01-09) and 60 (2026-02-07) are long overdue: their CTAs remind, not this.
    const items = dueItems(book({ accounts: [account('a1', 'Acme', { contractEnd: '2026-04-09' })] }), TODAY, ALL);
    expect(items).toEqual([
      { key: 'tp:a1:2026-04-09:30', kind: 'touchpoint', accountId: 'a1', accountName: 'Acme', title: '30', date: '2026-03-10' },
    ]);
  });

  it('leaves out a touchpoint due tomorrow', () => {
    const items = dueItems(book({ accounts: [account('a1', 'Acme', { contractEnd: '2026-04-10' })] }), TODAY, ALL);
    expect(items).toEqual([]);
  });

  it('keeps a touchpoint in its grace days under the same key, so it is notified once', () => {
    // Due 2026-03-08: still 'due' on the 10th (2 days late) and the 11th (3 days, the last grace day).
    const b = book({ accounts: [account('a1', 'Acme', { contractEnd: '2026-04-07' })] });
    const day1 = dueItems(b, '2026-03-10', ALL);
    const day2 = dueItems(b, '2026-03-11', ALL);
    expect(keys(day1)).toEqual(['tp:a1:2026-04-07:30']);
    expect(keys(day2)).toEqual(['tp:a1:2026-04-07:30']);
    expect(newItems(day2, new Set(keys(day1)))).toEqual([]);
    // The 12th is 4 days late: overdue, left to the renewal CTA.
    expect(dueItems(b, '2026-03-12', ALL)).toEqual([]);
  });

  it('leaves out a touchpoint already kept by a contact in its window', () => {
    const b = book({ accounts: [account('a1', 'Acme', { contractEnd: '2026-04-09' })], logs: { a1: [{ date: '2026-03-10' }] } });
    expect(dueItems(b, TODAY, ALL)).toEqual([]);
  });

  it('marks automated touchpoints (SMB) so the wording can ask to check the message went out', () => {
    const items = dueItems(book({ accounts: [account('s1', 'Small Co', { contractEnd: '2026-04-09', segment: 'smb' })] }), TODAY, ALL);
    expect(items).toEqual([
      { key: 'tp:s1:2026-04-09:30', kind: 'touchpoint', accountId: 's1', accountName: 'Small Co', title: '30', date: '2026-03-10', automated: true },
    ]);
  });
});

describe('dueItems: calls to action', () => {
  const acme = account('a1', 'Acme');

  it('lists open CTAs due today and overdue, and a snoozed one whose snooze ends today', () => {
    const ctas = [
      cta('c1', 'a1', { dueDate: '2026-03-10' }),
      cta('c2', 'a1', { dueDate: '2026-02-20' }),
      cta('c3', 'a1', { dueDate: '2026-03-01', status: 'snoozed', snoozedUntil: '2026-03-10' }),
    ];
    const items = dueItems(book({ accounts: [acme], ctas }), TODAY, ALL);
    expect(items.map((i) => [i.key, i.title, i.date])).toEqual([
      ['cta:c2:2026-02-20', 'Step c2', '2026-02-20'],
      ['cta:c3:2026-03-01:snoozed:2026-03-10', 'Step c3', '2026-03-01'],
      ['cta:c1:2026-03-10', 'Step c1', '2026-03-10'],
    ]);
  });

  it('leaves out closed, deleted, snoozed-until-later and not-yet-due CTAs', () => {
    const ctas = [
      cta('closed', 'a1', { status: 'closed' }),
      cta('deleted', 'a1', { deleted: true }),
      cta('later', 'a1', { dueDate: '2026-03-01', status: 'snoozed', snoozedUntil: '2026-03-11' }),
      cta('tomorrow', 'a1', { dueDate: '2026-03-11' }),
      cta('woke-early', 'a1', { dueDate: '2026-03-12', status: 'snoozed', snoozedUntil: '2026-03-09' }),
    ];
    expect(dueItems(book({ accounts: [acme], ctas }), TODAY, ALL)).toEqual([]);
  });

  it('ignores CTAs of unknown and of deleted accounts', () => {
    const gone = { ...account('a2', 'Gone'), deleted: true } as Account;
    const ctas = [cta('c1', 'nobody'), cta('c2', 'a2')];
    expect(dueItems(book({ accounts: [acme, gone], ctas }), TODAY, ALL)).toEqual([]);
  });

  it('reminds again when a snooze ends, though the CTA was notified before it was snoozed', () => {
    const before = dueItems(book({ accounts: [acme], ctas: [cta('c1', 'a1', { dueDate: '2026-03-03' })] }), '2026-03-03', ALL);
    const after = dueItems(
      book({ accounts: [acme], ctas: [cta('c1', 'a1', { dueDate: '2026-03-03', status: 'snoozed', snoozedUntil: '2026-03-10' })] }),
      TODAY,
      ALL,
    );
    expect(keys(newItems(after, new Set(keys(before))))).toEqual(['cta:c1:2026-03-03:snoozed:2026-03-10']);
  });
});

describe('dueItems: service days', () => {
  it('lists tomorrow’s service day under the default rule (last Friday: 2026-03-27)', () => {
    const items = dueItems(book({ accounts: [account('a1', 'Acme')] }), '2026-03-26', ALL);
    expect(items).toEqual([
      { key: 'sd:a1:2026-03-27', kind: 'service_day', accountId: 'a1', accountName: 'Acme', title: '2026-03', date: '2026-03-27' },
    ]);
    expect(dueItems(book({ accounts: [account('a1', 'Acme')] }), '2026-03-27', ALL)).toEqual([]); // the day itself: notified the day before
  });

  it('follows the account’s plan; a deleted plan falls back to the default rule', () => {
    const b = book({
      accounts: [account('a1', 'Acme'), account('a2', 'Beta')],
      plans: [plan('p1', 'a1', { kind: 'day_of_month', day: 11 }), plan('p2', 'a2', { kind: 'day_of_month', day: 11 }, { deleted: true })],
    });
    expect(keys(dueItems(b, TODAY, ALL))).toEqual(['sd:a1:2026-03-11']); // Wednesday the 11th
  });

  it('finds next month’s service day moved back into this month (1 March 2026 is a Sunday: Friday 27 February)', () => {
    const b = book({ accounts: [account('a1', 'Acme')], plans: [plan('p1', 'a1', { kind: 'day_of_month', day: 1 })] });
    expect(dueItems(b, '2026-02-26', ALL).map((i) => [i.key, i.title])).toEqual([['sd:a1:2026-02-27', '2026-03']]);
  });

  it('has no service day before the customer signed', () => {
    expect(dueItems(book({ accounts: [account('a1', 'Acme', { signedAt: '2026-04-01' })] }), '2026-03-26', ALL)).toEqual([]);
  });
});

describe('dueItems: settings and order', () => {
  // On 2026-03-26: Acme's 30-day touchpoint (end 2026-04-25) and a CTA, and both accounts' service day tomorrow.
  const b = book({
    accounts: [account('b1', 'beta'), account('a1', 'Acme', { contractEnd: '2026-04-25' })],
    ctas: [cta('c1', 'b1', { dueDate: '2026-03-20' }), cta('c2', 'a1', { dueDate: '2026-03-26' })],
  });
  const DAY = '2026-03-26';

  it('sorts by kind (touchpoints, CTAs, service days), then account name, ignoring case', () => {
    expect(keys(dueItems(b, DAY, ALL))).toEqual([
      'tp:a1:2026-04-25:30',
      'cta:c2:2026-03-26',
      'cta:c1:2026-03-20',
      'sd:a1:2026-03-27',
      'sd:b1:2026-03-27',
    ]);
  });

  it('leaves out each kind switched off', () => {
    const kinds = (s: Parameters<typeof settings>[0]) => [...new Set(dueItems(b, DAY, settings(s)).map((i) => i.kind))];
    expect(kinds({ enabled: { touchpoints: false } })).toEqual(['cta', 'service_day']);
    expect(kinds({ enabled: { ctas: false } })).toEqual(['touchpoint', 'service_day']);
    expect(kinds({ enabled: { serviceDays: false } })).toEqual(['touchpoint', 'cta']);
    expect(kinds({ enabled: { touchpoints: false, ctas: false, serviceDays: false } })).toEqual([]);
  });

  it('counts on the badge what needs doing today: touchpoints and CTAs, not tomorrow’s service days', () => {
    expect(badgeCount(dueItems(b, DAY, ALL), DAY)).toBe(3);
    expect(badgeCount(dueItems(b, DAY, settings({ enabled: { ctas: false } })), DAY)).toBe(1);
    expect(badgeCount([], DAY)).toBe(0);
  });

  it('does not count an item dated after today on the badge', () => {
    const later: ReminderItem = { key: 'cta:x:2026-03-27', kind: 'cta', accountId: 'a1', accountName: 'Acme', title: 'x', date: '2026-03-27' };
    expect(badgeCount([later], DAY)).toBe(0);
  });
});

describe('newItems: de-duplication across daily checks', () => {
  const acme = account('a1', 'Acme');

  it('never notifies the same item twice over two daily runs', () => {
    const b = book({ accounts: [acme], ctas: [cta('c1', 'a1', { dueDate: '2026-03-09' })] });
    const notified = new Set<string>();
    const run = (today: string) => {
      const fresh = newItems(dueItems(b, today, ALL), notified);
      for (const i of fresh) notified.add(i.key);
      return keys(fresh);
    };
    expect(run('2026-03-09')).toEqual(['cta:c1:2026-03-09']);
    expect(run('2026-03-10')).toEqual([]); // still overdue, already notified
  });

  it('notifies again a CTA whose due date moved: a new key', () => {
    const notified = new Set(['cta:c1:2026-03-10']);
    const moved = dueItems(book({ accounts: [acme], ctas: [cta('c1', 'a1', { dueDate: '2026-03-12' })] }), '2026-03-12', ALL);
    expect(keys(newItems(moved, notified))).toEqual(['cta:c1:2026-03-12']);
  });

  it('keeps the order and drops repeats of a key within one batch', () => {
    const item = (key: string): ReminderItem => ({ key, kind: 'cta', accountId: 'a1', accountName: 'Acme', title: key, date: TODAY });
    expect(keys(newItems([item('x'), item('y'), item('x'), item('z')], new Set(['y'])))).toEqual(['x', 'z']);
  });
});
