import { isCurrencyCode, parseValueLimits, valueLimitFor, valueLimitRows, DEFAULT_INVOLVEMENT } from './involvement-thresholds';

describe('currency codes', () => {
  it('are ISO 4217 codes: three capitals that name a currency', () => {
    for (const c of ['USD', 'EUR', 'CNY', 'JPY', 'CHF']) expect(isCurrencyCode(c)).toBe(true);
    for (const c of ['usd', 'US', 'USDX', 'XYZ', '', 42, null]) expect(isCurrencyCode(c)).toBe(false);
  });
});

describe('the threshold an amount is compared with', () => {
  it('is the one in its currency, USD (said to be assumed) for no currency, none for a currency not in the table', () => {
    expect(valueLimitFor(DEFAULT_INVOLVEMENT, 'GBP')).toEqual({ limit: 12_000, currency: 'GBP', assumed: false });
    expect(valueLimitFor(DEFAULT_INVOLVEMENT, undefined)).toEqual({ limit: 15_000, currency: 'USD', assumed: true });
    expect(valueLimitFor(DEFAULT_INVOLVEMENT, 'CHF')).toBeNull();
    // Stored before the table: the old single number is the USD threshold.
    expect(valueLimitFor({ maxValue: 30_000, maxCycleDays: 45, maxImplementationWeeks: 3 }, 'USD')).toEqual({ limit: 30_000, currency: 'USD', assumed: false });
    expect(valueLimitFor({ maxValue: 30_000, maxCycleDays: 45, maxImplementationWeeks: 3 }, 'EUR')).toEqual({ limit: 15_000, currency: 'EUR', assumed: false });
  });
});

describe('the value table as typed', () => {
  it('reads codes (any case) and positive amounts with separators, dropping blank rows', () => {
    expect(parseValueLimits([{ currency: 'usd', amount: '15,000' }, { currency: ' chf ', amount: '12000.5' }, { currency: '', amount: ' ' }])).toEqual({
      ok: true, value: { USD: 15_000, CHF: 12_000.5 },
    });
  });
  it('refuses a bad code, a currency twice, a zero, negative or non-number amount, each by its row', () => {
    expect(parseValueLimits([
      { currency: 'USD', amount: '15000' }, { currency: 'EURO', amount: '1' }, { currency: 'usd', amount: '2' },
      { currency: 'GBP', amount: '0' }, { currency: 'JPY', amount: '-5' }, { currency: 'CNY', amount: 'lots' }, { currency: 'CHF', amount: '' },
    ])).toEqual({ ok: false, missingFallback: false, errors: { 1: 'currency', 2: 'duplicate', 3: 'amount', 4: 'amount', 5: 'amount', 6: 'amount' } });
  });
  it('needs a USD row: amounts with no currency are compared with it', () => {
    expect(parseValueLimits([{ currency: 'EUR', amount: '15000' }])).toEqual({ ok: false, errors: {}, missingFallback: true });
  });
  it('shows a table as rows, USD first', () => {
    expect(valueLimitRows({ JPY: 2_000_000, EUR: 15_000, USD: 15_000 })).toEqual([
      { currency: 'USD', amount: '15000' }, { currency: 'EUR', amount: '15000' }, { currency: 'JPY', amount: '2000000' },
    ]);
  });
});
