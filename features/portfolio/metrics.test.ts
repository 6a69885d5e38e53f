import { daysFrom, plusDays } from '../health';
import { bookMetrics, mainCurrency, renewalForecast, renewalsByMonth, retentionBy } from './metrics';
import type { RenewalEvent } from '../renewal/terms';
import { renewalWindow, type PortfolioRow } from './rows';

const TODAY = '2026-03-16';
const PERIOD = { from: '2026-01-01', to: '2026-03-31' };

let n = 0;
/** A row ending `days` from today (or on `contractEnd` when given). */
const row = (patch: Partial<PortfolioRow> & { days?: number } = {}): PortfolioRow => {
  const { days = 200, ...rest } = patch;
  const contractEnd = rest.contractEnd ?? plusDays(TODAY, days);
  const daysToRenewal = daysFrom(TODAY, contractEnd);
  n++;
  return {
    id: `a${n}`,
    name: `Account ${n}`,
    crm: 'salesforce',
    recordId: `REC${n}`,
    score: null,
    band: null,
    trend: [],
    contractEnd,
    daysToRenewal,
    window: renewalWindow(daysToRenewal),
    visitedThisMonth: false,
    openCtas: 0,
    promiseRisks: 0,
    ...rest,
  };
};


describe('bookMetrics', () => {
  it('sums ARR per currency, never adding USD to CNY, and files an account without currency under ""', () => {
    const m = bookMetrics(
      [row({ arr: 100, currency: 'USD' }), row({ arr: 250, currency: 'USD' }), row({ arr: 1000, currency: 'CNY' }), row({ arr: 40 }), row({ currency: 'EUR' })],
      [],
      PERIOD,
    );
    expect(m.accounts).toBe(5);
    expect(m.arr).toEqual({ USD: 350, CNY: 1000, '': 40 }); // the EUR account has no ARR: no EUR key
  });

  it('puts the ARR and count of red and yellow accounts at risk, green and unknown not', () => {
    const m = bookMetrics(
      [
        row({ band: 'red', arr: 100, currency: 'USD' }),
        row({ band: 'red', arr: 500, currency: 'CNY' }),
        row({ band: 'red' }), // counted, no money to add
        row({ band: 'yellow', arr: 30, currency: 'USD' }),
        row({ band: 'green', arr: 999, currency: 'USD' }),
        row({ band: null, arr: 77, currency: 'USD' }),
      ],
      [],
      PERIOD,
    );
    expect(m.atRisk).toEqual({ red: { USD: 100, CNY: 500 }, yellow: { USD: 30 }, redCount: 3, yellowCount: 1 });
  });

  it('counts renewals due in 30 and 90 days from today inclusive, ended contracts not', () => {
    // ARR 1, 2, 4, ... so each sum names exactly which rows were counted.
    const days = [-1, 0, 30, 31, 90, 91];
    const m = bookMetrics(days.map((d, i) => row({ days: d, arr: 2 ** i, currency: 'USD' })), [], PERIOD);
    expect(m.due30).toEqual({ count: 2, arr: { USD: 2 + 4 } });
    expect(m.due90).toEqual({ count: 4, arr: { USD: 2 + 4 + 8 + 16 } });
  });

  it('keeps due money per currency too', () => {
    const m = bookMetrics([row({ days: 10, arr: 5, currency: 'USD' }), row({ days: 10, arr: 7, currency: 'CNY' }), row({ days: 60, arr: 9 })], [], PERIOD);
    expect(m.due30).toEqual({ count: 2, arr: { USD: 5, CNY: 7 } });
    expect(m.due90).toEqual({ count: 3, arr: { USD: 5, CNY: 7, '': 9 } });
  });

  it('shares visited accounts among those with a live contract', () => {
    const m = bookMetrics(
      [
        row({ days: -5, visitedThisMonth: true }), // ended: left out of both counts
        row({ days: 0, visitedThisMonth: true }), // ends today: still live
        row({ days: 10, visitedThisMonth: false }),
        row({ days: 200, visitedThisMonth: true }),
      ],
      [],
      PERIOD,
    );
    expect(m.cadence.visited).toBe(2);
    expect(m.cadence.of).toBe(3);
    expect(m.cadence.share).toBeCloseTo(2 / 3, 12);
  });

  it('has no cadence share when every contract has ended, nor for an empty book', () => {
    expect(bookMetrics([row({ days: -1, visitedThisMonth: true })], [], PERIOD).cadence).toEqual({ visited: 0, of: 0, share: null });
    const empty = bookMetrics([], [], PERIOD);
    expect(empty).toMatchObject({ accounts: 0, arr: {}, due30: { count: 0, arr: {} }, due90: { count: 0, arr: {} }, cadence: { visited: 0, of: 0, share: null } });
    expect(empty.retention).toMatchObject({ total: { customerRenewalRate: null, customers: 0 }, byCurrency: {}, converted: null });
  });

  const event = (status: RenewalEvent['status'], date: string, currency: string, base?: number, after?: number, who: Partial<RenewalEvent> = {}): RenewalEvent => ({
    accountId: `e${++n}`, date, status, currency, ...(base !== undefined ? { base } : {}), ...(after !== undefined ? { after } : {}), ...who,
  });
  it('puts the period’s retention per currency, not recorded apart and in the denominator', () => {
    const events = [
      event('renewed', '2026-01-01', 'USD', 100, 130), event('churned', '2026-02-20', 'CNY', 700, 0), event('not_recorded', '2026-03-01', 'USD', 100, 0),
      event('renewed', '2026-04-01', 'USD', 900, 900), // after the period
    ];
    const r = bookMetrics([row()], events, PERIOD).retention;
    expect(r.total).toMatchObject({ renewed: 1, churned: 1, notRecorded: 1, customers: 3 });
    expect(r.total.customerRenewalRate).toBeCloseTo(1 / 3, 12);
    expect(r.byCurrency.USD).toMatchObject({ grr: 0.5, nrr: 0.65, notRecorded: 1 });
    expect(r.byCurrency.CNY).toMatchObject({ grr: 0, nrr: 0 });
  });

  it('moves the retention figures with the period', () => {
    const events = [event('renewed', '2026-01-01', 'USD', 100, 100), event('churned', '2026-02-20', 'USD', 100, 0)];
    const r = bookMetrics([], events, { from: '2026-01-02', to: '2026-12-31' }).retention;
    expect(r.total).toMatchObject({ renewed: 0, churned: 1, customerRenewalRate: 0 });
    expect(r.byCurrency.USD).toMatchObject({ grr: 0, nrr: 0 });
  });

  it('breaks retention down per owner, CSM or segment, biggest group first', () => {
    const events = [
      event('renewed', '2026-01-10', 'USD', 100, 100, { owner: 'Maya', segment: 'smb' }),
      event('churned', '2026-01-11', 'USD', 100, 0, { owner: 'Maya', segment: 'enterprise' }),
      event('not_recorded', '2026-01-12', 'USD', 100, 0, { owner: 'Tom', segment: 'smb' }),
      event('renewed', '2026-01-13', 'USD', 100, 100),
    ];
    const byOwner = retentionBy(events, 'owner', PERIOD);
    expect(byOwner.map((g) => [g.group, g.figures.total.customers, g.figures.total.customerRenewalRate])).toEqual([['Maya', 2, 0.5], ['', 1, 1], ['Tom', 1, 0]]);
    expect(retentionBy(events, 'segment', PERIOD).map((g) => g.group)).toEqual(['smb', '', 'enterprise']);
    expect(retentionBy(events, 'csm', { from: '2027-01-01', to: '2027-12-31' })).toEqual([]);
  });
});

describe('renewalForecast', () => {
  it('sums likelihood × ARR per currency over the contracts ending in 30, 90 and 180 days', () => {
    const rows = [
      row({ days: 0, arr: 1000, currency: 'USD', likelihood: 80 }),
      row({ days: 30, arr: 5000, currency: 'CNY', likelihood: 50 }),
      row({ days: 31, arr: 1000, currency: 'USD', likelihood: 20 }),
      row({ days: 180, arr: 100, currency: 'USD', likelihood: 100 }),
      row({ days: 181, arr: 9999, currency: 'USD', likelihood: 100 }), // later
      row({ days: -1, arr: 9999, currency: 'USD', likelihood: 100 }), // ended
      row({ days: 10, likelihood: 90 }), // no ARR: counted, adds nothing
    ];
    const [d30, d90, d180] = renewalForecast(rows);
    expect(d30).toEqual({ days: 30, count: 3, counted: 2, due: { USD: 1000, CNY: 5000 }, expected: { USD: 800, CNY: 2500 } });
    expect(d90).toMatchObject({ count: 4, expected: { USD: 1000, CNY: 2500 } });
    expect(d180).toMatchObject({ count: 5, counted: 4, due: { USD: 2100, CNY: 5000 }, expected: { USD: 1100, CNY: 2500 } });
  });
});

describe('renewalsByMonth', () => {
  it('lists 12 months starting with this month, across the year end, every band at zero', () => {
    const months = renewalsByMonth([], TODAY);
    expect(months.map((m) => m.month)).toEqual([
      '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02',
    ]);
    for (const m of months) {
      expect(m.bands).toEqual({ green: { count: 0, arr: {} }, yellow: { count: 0, arr: {} }, red: { count: 0, arr: {} }, unknown: { count: 0, arr: {} } });
    }
    expect(renewalsByMonth([], '2026-11-30', 3).map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('stacks contracts by band, "unknown" without health, with ARR per currency', () => {
    const rows = [
      row({ contractEnd: TODAY, band: 'green', arr: 100, currency: 'USD' }), // ends today: still to renew
      row({ contractEnd: '2026-03-31', band: 'red', arr: 200, currency: 'CNY' }),
      row({ contractEnd: '2026-03-20', band: 'red', arr: 50, currency: 'USD' }),
      row({ contractEnd: '2026-04-01', band: null, arr: 50, currency: 'USD' }),
      row({ contractEnd: '2026-04-30', band: null, arr: 7 }),
      row({ contractEnd: '2027-02-28', band: 'yellow', arr: 10, currency: 'USD' }), // the last month shown
    ];
    const months = renewalsByMonth(rows, TODAY);
    expect(months[0]!.bands).toEqual({
      green: { count: 1, arr: { USD: 100 } },
      yellow: { count: 0, arr: {} },
      red: { count: 2, arr: { CNY: 200, USD: 50 } },
      unknown: { count: 0, arr: {} },
    });
    expect(months[1]!.bands.unknown).toEqual({ count: 2, arr: { USD: 50, '': 7 } });
    expect(months[11]!.bands.yellow).toEqual({ count: 1, arr: { USD: 10 } });
    const total = months.reduce((s, m) => s + m.bands.green.count + m.bands.yellow.count + m.bands.red.count + m.bands.unknown.count, 0);
    expect(total).toBe(6);
  });

  it('leaves out contracts already ended, even this month, and those beyond 12 months', () => {
    const rows = [
      row({ contractEnd: '2026-03-15', band: 'red', arr: 1, currency: 'USD' }), // yesterday
      row({ contractEnd: '2026-03-01', band: 'green', arr: 1, currency: 'USD' }),
      row({ contractEnd: '2025-12-31', band: 'yellow', arr: 1, currency: 'USD' }),
      row({ contractEnd: '2027-03-01', band: 'green', arr: 1, currency: 'USD' }), // month 13
    ];
    const months = renewalsByMonth(rows, TODAY);
    expect(months.every((m) => Object.values(m.bands).every((b) => b.count === 0))).toBe(true);
  });
});

describe('mainCurrency', () => {
  it('is the currency of most accounts with ARR, by count not by sum', () => {
    expect(mainCurrency([{ arr: 1, currency: 'USD' }, { arr: 2, currency: 'USD' }, { arr: 1_000_000, currency: 'CNY' }])).toBe('USD');
  });
  it('breaks a tie alphabetically and ignores accounts without ARR', () => {
    expect(mainCurrency([{ arr: 5, currency: 'USD' }, { arr: 5, currency: 'CNY' }])).toBe('CNY');
    expect(mainCurrency([{ currency: 'CNY' }, { currency: 'CNY' }, { currency: 'CNY' }, { arr: 5, currency: 'USD' }])).toBe('USD');
  });
  it('is "" for an empty book or one without currencies', () => {
    expect(mainCurrency([])).toBe('');
    expect(mainCurrency([{ arr: 10 }, { arr: 20 }, { arr: 30, currency: 'EUR' }])).toBe('');
  });
});
