import { parsePageDate } from './parse-page-date';

describe('parsePageDate', () => {
  it.each([
    ['2026-12-31', '2026-12-31'],
    ['2026/6/30', '2026-06-30'],
    ['2026.06.30', '2026-06-30'],
    ['2026年6月30日', '2026-06-30'],
    [' 2026 - 01 - 05 ', '2026-01-05'],
  ])('%s → %s', (text, iso) => expect(parsePageDate(text)).toBe(iso));
  it.each(['3/31/2026', '31/03/2026', '2026-02-30', 'soon', '', undefined])('%s is not taken', (text) => expect(parsePageDate(text)).toBeNull());
});
