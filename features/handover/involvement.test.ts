import { csInvolvement, DEFAULT_INVOLVEMENT, DEFAULT_VALUE_LIMITS, validThresholds } from './involvement';

describe('csInvolvement', () => {
  it('defaults: 15,000 a year, 45-day cycle, 3-week implementation', () => {
    expect(DEFAULT_INVOLVEMENT).toEqual({
      maxValue: 15_000, maxCycleDays: 45, maxImplementationWeeks: 3,
      valueLimits: { USD: 15_000, EUR: 15_000, GBP: 12_000, CNY: 100_000, JPY: 2_000_000 },
    });
  });

  it('hands a small, fast deal over after it closes, with one reason per input', () => {
    expect(csInvolvement({ value: 9_000, salesCycleDays: 20, implementationWeeks: 2 })).toEqual({
      when: 'after_close',
      reasons: [
        { code: 'value_small', value: 9_000, limit: 15_000, currency: 'USD', assumed: true },
        { code: 'cycle_short', days: 20, limit: 45 },
        { code: 'implementation_short', weeks: 2, limit: 3 },
      ],
    });
    // Zero is a known value, not a missing one.
    expect(csInvolvement({ value: 0, salesCycleDays: 0, implementationWeeks: 0 }).when).toBe('after_close');
  });

  it('brings CS in at 70% when an input is exactly at its limit', () => {
    expect(csInvolvement({ value: 15_000, salesCycleDays: 20, implementationWeeks: 2 })).toEqual({
      when: 'at_70_percent',
      reasons: [
        { code: 'value_large', value: 15_000, limit: 15_000, currency: 'USD', assumed: true },
        { code: 'cycle_short', days: 20, limit: 45 },
        { code: 'implementation_short', weeks: 2, limit: 3 },
      ],
    });
    expect(csInvolvement({ value: 9_000, salesCycleDays: 45, implementationWeeks: 2 }).when).toBe('at_70_percent');
    expect(csInvolvement({ value: 9_000, salesCycleDays: 20, implementationWeeks: 3 }).when).toBe('at_70_percent');
    expect(csInvolvement({ value: 14_999.99, salesCycleDays: 44, implementationWeeks: 2.9 }).when).toBe('after_close');
  });

  it('lets one large input decide even when the others are unknown, listing it first', () => {
    expect(csInvolvement({ salesCycleDays: 90 })).toEqual({
      when: 'at_70_percent',
      reasons: [{ code: 'cycle_long', days: 90, limit: 45 }, { code: 'value_unknown' }, { code: 'implementation_unknown' }],
    });
    expect(csInvolvement({ value: 9_000, salesCycleDays: 20, implementationWeeks: 6 }).reasons).toEqual([
      { code: 'implementation_long', weeks: 6, limit: 3 },
      { code: 'value_small', value: 9_000, limit: 15_000, currency: 'USD', assumed: true },
      { code: 'cycle_short', days: 20, limit: 45 },
    ]);
  });

  it('stays undecided while nothing is over and something is unknown, unknowns first', () => {
    expect(csInvolvement({})).toEqual({
      when: 'undecided',
      reasons: [{ code: 'value_unknown' }, { code: 'cycle_unknown' }, { code: 'implementation_unknown' }],
    });
    expect(csInvolvement({ value: 9_000, implementationWeeks: 1 })).toEqual({
      when: 'undecided',
      reasons: [{ code: 'cycle_unknown' }, { code: 'value_small', value: 9_000, limit: 15_000, currency: 'USD', assumed: true }, { code: 'implementation_short', weeks: 1, limit: 3 }],
    });
  });

  it('treats non-finite and negative inputs as unknown', () => {
    const r = csInvolvement({ value: Number.POSITIVE_INFINITY, salesCycleDays: -5, implementationWeeks: Number.NaN });
    expect(r).toEqual({ when: 'undecided', reasons: [{ code: 'value_unknown' }, { code: 'cycle_unknown' }, { code: 'implementation_unknown' }] });
  });

  it('applies custom thresholds, and the defaults in place of invalid ones', () => {
    const deal = { value: 30_000, salesCycleDays: 60, implementationWeeks: 4 };
    expect(csInvolvement(deal).reasons.map((r) => r.code)).toEqual(['value_large', 'cycle_long', 'implementation_long']);
    expect(csInvolvement(deal, { maxValue: 50_000, maxCycleDays: 90, maxImplementationWeeks: 8 })).toEqual({
      when: 'after_close',
      reasons: [
        { code: 'value_small', value: 30_000, limit: 50_000, currency: 'USD', assumed: true },
        { code: 'cycle_short', days: 60, limit: 90 },
        { code: 'implementation_short', weeks: 4, limit: 8 },
      ],
    });
    // A NaN limit would make every comparison false; the default 15,000 applies instead.
    expect(csInvolvement(deal, { maxValue: Number.NaN, maxCycleDays: 90, maxImplementationWeeks: 8 }).reasons[0]).toEqual({
      code: 'value_large',
      value: 30_000,
      limit: 15_000,
      currency: 'USD',
      assumed: true,
    });
  });
});

describe('validThresholds', () => {
  it('gives the defaults for anything that is not an object', () => {
    for (const t of [undefined, null, 'x', 42, [], [1, 2, 3]]) expect(validThresholds(t)).toEqual(DEFAULT_INVOLVEMENT);
    expect(validThresholds(undefined).valueLimits).not.toBe(DEFAULT_INVOLVEMENT.valueLimits);
  });
  it('keeps valid fields and replaces each invalid one by its default, in a fresh object', () => {
    expect(validThresholds({ maxValue: 20_000, maxCycleDays: -1, maxImplementationWeeks: Number.NaN })).toEqual({
      maxValue: 20_000,
      valueLimits: { ...DEFAULT_VALUE_LIMITS, USD: 20_000 },
      maxCycleDays: 45,
      maxImplementationWeeks: 3,
    });
    expect(validThresholds({ maxValue: '20000', maxCycleDays: 0, maxImplementationWeeks: Number.POSITIVE_INFINITY })).toEqual(DEFAULT_INVOLVEMENT);
    expect(validThresholds({ maxValue: 1, maxCycleDays: 60, maxImplementationWeeks: 0.5 })).toEqual({
      maxValue: 1, valueLimits: { ...DEFAULT_VALUE_LIMITS, USD: 1 }, maxCycleDays: 60, maxImplementationWeeks: 0.5,
    });
    const d = validThresholds(undefined);
    d.maxValue = 1;
    expect(DEFAULT_INVOLVEMENT.maxValue).toBe(15_000);
  });
});

describe('the value threshold per currency', () => {
  const quick = { salesCycleDays: 20, implementationWeeks: 2 };
  it('compares an amount with the threshold in its own currency, by the defaults', () => {
    expect(csInvolvement({ value: 14_000, currency: 'EUR', ...quick })).toMatchObject({
      when: 'after_close', reasons: [{ code: 'value_small', value: 14_000, limit: 15_000, currency: 'EUR' }, {}, {}],
    });
    expect(csInvolvement({ value: 12_000, currency: 'GBP', ...quick }).reasons[0]).toEqual({ code: 'value_large', value: 12_000, limit: 12_000, currency: 'GBP' });
    expect(csInvolvement({ value: 99_999, currency: 'CNY', ...quick }).when).toBe('after_close');
    expect(csInvolvement({ value: 100_000, currency: 'CNY', ...quick }).when).toBe('at_70_percent');
    // 1,500,000 yen is a small deal; as dollars it would be a very large one.
    expect(csInvolvement({ value: 1_500_000, currency: 'JPY', ...quick }).when).toBe('after_close');
  });

  it('an amount in a currency with no threshold is not compared: the value does not decide, and the reason says so', () => {
    expect(csInvolvement({ value: 500, currency: 'CHF', ...quick })).toEqual({
      when: 'undecided',
      reasons: [{ code: 'value_no_limit', value: 500, currency: 'CHF' }, { code: 'cycle_short', days: 20, limit: 45 }, { code: 'implementation_short', weeks: 2, limit: 3 }],
    });
    // A long cycle still decides on its own.
    expect(csInvolvement({ value: 500, currency: 'CHF', salesCycleDays: 90 }).when).toBe('at_70_percent');
  });

  it('takes the team’s table: a currency it lists, and none it left out', () => {
    const t = { maxValue: 20_000, valueLimits: { USD: 20_000, CHF: 10_000 }, maxCycleDays: 45, maxImplementationWeeks: 3 };
    expect(csInvolvement({ value: 12_000, currency: 'CHF', ...quick }, t).reasons[0]).toEqual({ code: 'value_large', value: 12_000, limit: 10_000, currency: 'CHF' });
    expect(csInvolvement({ value: 9_000, currency: 'EUR', ...quick }, t).reasons[0]).toEqual({ code: 'value_no_limit', value: 9_000, currency: 'EUR' });
  });
});

describe('validThresholds and the value table', () => {
  it('keeps the valid rows of a stored table, drops bad codes and amounts, and keeps USD (from the single number if the table lacks it)', () => {
    expect(validThresholds({ maxValue: 18_000, valueLimits: { EUR: 16_000, eur: 1, XYZ: 5, GBP: -1, JPY: Number.NaN, CNY: '100000' } }).valueLimits).toEqual({ EUR: 16_000, USD: 18_000 });
    expect(validThresholds({ maxValue: 18_000, valueLimits: { USD: 25_000 } })).toMatchObject({ maxValue: 25_000, valueLimits: { USD: 25_000 } });
    expect(validThresholds({ valueLimits: {} }).valueLimits).toEqual({ USD: 15_000 });
  });
});
