import { parseRates, ratesToText } from './rates';
import { periodsOf } from './periods';

describe('periodsOf', () => {
  it('offers months, quarters and years, newest first, each whole', () => {
    expect(periodsOf('month', '2026-03-16').slice(0, 3).map((p) => [p.key, p.from, p.to])).toEqual([
      ['2026-03', '2026-03-01', '2026-03-31'], ['2026-02', '2026-02-01', '2026-02-28'], ['2026-01', '2026-01-01', '2026-01-31'],
    ]);
    expect(periodsOf('quarter', '2026-01-05').slice(0, 2).map((p) => [p.key, p.from, p.to])).toEqual([['2026-Q1', '2026-01-01', '2026-03-31'], ['2025-Q4', '2025-10-01', '2025-12-31']]);
    expect(periodsOf('quarter', '2026-12-31')[0]).toMatchObject({ key: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(periodsOf('year', '2026-03-16').map((p) => p.key)).toEqual(['2026', '2025', '2024', '2023']);
  });
  it('takes the last twelve months up to today, across a leap day', () => {
    expect(periodsOf('last12', '2028-02-29')).toEqual([{ kind: 'last12', key: 'last12', from: '2027-03-01', to: '2028-02-29' }]);
    expect(periodsOf('last12', '2026-12-01')[0]).toMatchObject({ from: '2025-12-02', to: '2026-12-01' });
  });
});

describe('parseRates', () => {
  it('reads one "CODE rate" per line against a base', () => {
    expect(parseRates(' usd ', 'CNY 0.14\n\neur=1.08')).toEqual({ ok: true, rates: { base: 'USD', rates: { CNY: 0.14, EUR: 1.08 } } });
    expect(ratesToText({ base: 'USD', rates: { CNY: 0.14 } })).toBe('CNY 0.14');
  });
  it('names the first bad line and keeps nothing', () => {
    expect(parseRates('US', '')).toEqual({ ok: false, line: 0, problem: 'base' });
    expect(parseRates('USD', 'CNY 0.14\nRMB')).toEqual({ ok: false, line: 2, problem: 'rate' });
    expect(parseRates('USD', 'CNY -1')).toEqual({ ok: false, line: 1, problem: 'rate' });
    expect(parseRates('USD', 'CNY 0,14')).toEqual({ ok: false, line: 1, problem: 'rate' });
    expect(parseRates('USD', '¥ 7')).toEqual({ ok: false, line: 1, problem: 'code' });
    expect(parseRates('USD', 'CNY 0.14\ncny 0.15')).toEqual({ ok: false, line: 2, problem: 'duplicate' });
    expect(parseRates('USD', 'USD 1')).toEqual({ ok: false, line: 1, problem: 'duplicate' });
  });
});
