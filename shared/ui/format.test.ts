import { formatDate, formatMoney } from './format';

describe('dates and amounts in the user’s language', () => {
  afterEach(() => vi.restoreAllMocks());

  it('builds each formatter once per language and currency, however many rows it formats', () => {
    const { DateTimeFormat, NumberFormat } = Intl;
    const dates = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (...a: ConstructorParameters<typeof DateTimeFormat>) {
      return new DateTimeFormat(...a);
    } as never);
    const numbers = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (...a: ConstructorParameters<typeof NumberFormat>) {
      return new NumberFormat(...a);
    } as never);
    for (let i = 0; i < 50; i++) {
      expect(formatDate('2026-11-23', 'en')).toBe('Nov 23, 2026');
      expect(formatDate('2026-11-23', 'zh-CN')).toBe('2026年11月23日');
      expect(formatMoney(120_000, 'USD', 'en')).toBe('$120,000');
      expect(formatMoney(120_000, 'CNY', 'en')).toBe('CN¥120,000');
      expect(formatMoney(1234.6, undefined, 'en')).toBe('1,235');
    }
    expect(dates.mock.calls.length).toBe(2);
    expect(numbers.mock.calls.length).toBe(3);
  });

  it('shows a date it cannot read as written', () => {
    expect(formatDate('someday' as never, 'en')).toBe('someday');
  });
});
