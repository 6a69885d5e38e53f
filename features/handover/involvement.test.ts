import { csInvolvement, DEFAULT_INVOLVEMENT, validThresholds } from './involvement';

describe('csInvolvement', () => {
  it('defaults: 15,000 a year, 45-day cycle, 3-week implementation', () => {
    expect(DEFAULT_INVOLVEMENT).toEqual({ maxValue: 15_000, maxCycleDays: 45, maxImplementationWeeks: 3 });
  });

  it('hands a small, fast deal over after it closes, with one reason per input', () => {
    expect(csInvolvement({ value: 9_000, salesCycleDays: 20, implementationWeeks: 2 })).toEqual({
      when: 'after_close',
      reasons: [
        { code: 'value_small', value: 9_000, limit: 15_000 },
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
        { code: 'value_large', value: 15_000, limit: 15_000 },
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
      { code: 'value_small', value: 9_000, limit: 15_000 },
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
      reasons: [{ code: 'cycle_unknown' }, { code: 'value_small', value: 9_000, limit: 15_000 }, { code: 'implementation_short', weeks: 1, limit: 3 }],
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
        { code: 'value_small', value: 30_000, limit: 50_000 },
        { code: 'cycle_short', days: 60, limit: 90 },
        { code: 'implementation_short', weeks: 4, limit: 8 },
      ],
    });
    // A NaN limit would make every comparison false; the default 15,000 applies instead.
    expect(csInvolvement(deal, { maxValue: Number.NaN, maxCycleDays: 90, maxImplementationWeeks: 8 }).reasons[0]).toEqual({
      code: 'value_large',
      value: 30_000,
      limit: 15_000,
    });
  });
});

describe('validThresholds', () => {
  it('gives the defaults for anything that is not an object', () => {
    for (const t of [undefined, null, 'x', 42, [], [1, 2, 3]]) expect(validThresholds(t)).toEqual(DEFAULT_INVOLVEMENT);
  });
  it('keeps valid fields and replaces each invalid one by its default, in a fresh object', () => {
    expect(validThresholds({ maxValue: 20_000, maxCycleDays: -1, maxImplementationWeeks: Number.NaN })).toEqual({
      maxValue: 20_000,
      maxCycleDays: 45,
      maxImplementationWeeks: 3,
    });
    expect(validThresholds({ maxValue: '20000', maxCycleDays: 0, maxImplementationWeeks: Number.POSITIVE_INFINITY })).toEqual(DEFAULT_INVOLVEMENT);
    expect(validThresholds({ maxValue: 1, maxCycleDays: 60, maxImplementationWeeks: 0.5 })).toEqual({ maxValue: 1, maxCycleDays: 60, maxImplementationWeeks: 0.5 });
    const d = validThresholds(undefined);
    d.maxValue = 1;
    expect(DEFAULT_INVOLVEMENT.maxValue).toBe(15_000);
  });
});
