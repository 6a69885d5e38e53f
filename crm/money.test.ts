import fc from 'fast-check';
import { parseMoney } from './money';

describe('parseMoney', () => {
  it.each([
    ['$120,000.00', 120000, undefined],
    ['USD 120,000.00', 120000, 'USD'],
    ['US$48,000.00', 48000, 'USD'],
    ['€85.000,00', 85000, 'EUR'],
    ['85 000,50 €', 85000.5, 'EUR'],
    ['£1,250', 1250, 'GBP'],
    ['₹ 2,50,000.00', 250000, 'INR'],
    ['Rs. 12,000', 12000, 'INR'],
    ['CHF 1\'234.50', 1234.5, 'CHF'],
    ['¥1,200,000.00', 1200000, undefined],
    ['￥3,600,000', 3600000, 'CNY'],
    ['50万元', 500000, 'CNY'],
    ['1.2亿', 120000000, undefined],
    ['RMB 80,000', 80000, 'CNY'],
    ['1,200,000.00 元', 1200000, 'CNY'],
    ['A$ 9,900', 9900, 'AUD'],
    ['12,5', 12.5, undefined],
    ['-3,000.00', -3000, undefined],
  ])('%s → %d %s', (text, amount, currency) => {
    const money = parseMoney(text)!;
    expect(money.amount).toBe(amount);
    expect(money.currency).toBe(currency);
    expect(money.text).toBe(text);
  });

  it.each(['', '--', '—', 'Not set', 'ARR', '1.2.3,4,5', `$${'9'.repeat(80)}`])('reads no amount from %j', (text) => {
    expect(parseMoney(text)).toBeUndefined();
  });

  it('is undefined without text', () => {
    expect(parseMoney(undefined)).toBeUndefined();
  });

  it('reads back what en-US formatting writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (cents) => {
        const text = (cents / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD', currencyDisplay: 'code' });
        const money = parseMoney(text)!;
        expect(money.amount).toBe(cents / 100);
        expect(money.currency).toBe('USD');
      }),
    );
  });
});
