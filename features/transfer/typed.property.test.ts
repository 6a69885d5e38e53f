import fc from 'fast-check';
import { SEGMENTS } from '../../data/model/common';
import { addDays } from '../../shared/dates/local-date';
import { translator, type Locale } from '../../shared/i18n';
import { formatDate, formatMoney } from '../../shared/ui/format';
import { parseCsv, planImport } from './import';
import { readDate, readNumber, readSegment } from './import/cells';
import { csv, NOW } from './test-helpers';

/**
 * A value copied from the UI into a sheet imports as the value it shows:
 * dates as formatDate writes them, amounts as formatMoney writes them,
 * segments under their labels, in either language.
 */
const locale = fc.constantFrom<Locale>('en', 'zh-CN');
const date = fc.integer({ min: 0, max: 365 * 300 }).map((n) => addDays('1900-01-01', n));
const AMOUNT = { min: 0, max: Number.MAX_SAFE_INTEGER };
const CSV = { csv: true, semicolon: false };
const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;

/** An integer written in units of 10^shift as the digits read (e.g. 12345, 4 → "1.2345"), no float in between. */
function scaled(n: number, shift: number): string {
  const s = String(n).padStart(shift + 1, '0');
  const frac = s.slice(-shift).replace(/0+$/, '');
  return frac ? `${s.slice(0, -shift)}.${frac}` : s.slice(0, -shift);
}

/** Full-width forms of ASCII letters and digits, the ideographic space for a space: what a Chinese IME in full-width mode types. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

describe('formatting as the UI shows, then importing (property)', () => {
  it('reads every date as formatDate shows it, and in every year-first shape', () => {
    fc.assert(fc.property(date, locale, (iso, loc) => {
      expect(readDate(formatDate(iso, loc), 'd')).toEqual({ value: iso });
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      for (const typed of [`${y}/${m}/${d}`, `${y}-${m}-${d}`, `${y}.${m}.${d}`, `${y}年${m}月${d}日`, fullWidth(`${y}/${m}/${d}`)]) {
        expect(readDate(typed, 'd')).toEqual({ value: iso });
      }
    }));
  });

  it('reads every amount as formatMoney shows it, in yuan or without a currency', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 13 }), locale, (n, loc) => {
      expect(readNumber(formatMoney(n, 'CNY', loc), 'arr', AMOUNT, CSV, true)).toEqual({ value: n, yuan: true });
      expect(readNumber(formatMoney(n, undefined, loc), 'arr', AMOUNT, CSV, true)).toEqual({ value: n });
    }));
  });

  it('reads 万 and 亿 exactly: the digits shift, no float multiplies', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(['万', 4] as const, ['亿', 8] as const), fc.boolean(), (n, [unit, shift], yuan) => {
      expect(readNumber(`${yuan ? '¥' : ''}${scaled(n, shift)}${unit}`, 'arr', AMOUNT, CSV, true).value).toBe(n);
    }));
  });

  it('reads every segment under its label in either language, in any case and width', () => {
    fc.assert(fc.property(fc.constantFrom(...SEGMENTS), locale, fc.boolean(), fc.boolean(), (segment, loc, upper, wide) => {
      let label = translator(loc).t(`model.segment.${segment}`);
      if (upper) label = label.toUpperCase();
      if (wide) label = fullWidth(label);
      expect(readSegment(label, 's')).toEqual({ value: segment });
    }));
  });

  it('imports a row of UI-formatted values as the same account as its plain row', () => {
    const row = fc.record({ end: date, start: fc.option(date, { nil: undefined }), arr: fc.integer({ min: 0, max: 10 ** 10 }), segment: fc.constantFrom(...SEGMENTS), loc: locale });
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 10 }), (rows) => {
      const header = '客户名称,CRM类型,CRM记录ID,客户分层,年度合同额,币种,合同开始日,合同到期日';
      const plain = rows.map((r, i) => `A${i},hubspot,${i + 1},${r.segment},${r.arr},CNY,${r.start ?? ''},${r.end}`);
      const shown = rows.map((r, i) => {
        const { t } = translator(r.loc);
        return [`A${i}`, 'hubspot', i + 1, t(`model.segment.${r.segment}`), quote(formatMoney(r.arr, 'CNY', r.loc)), '', r.start ? quote(formatDate(r.start, r.loc)) : '', quote(formatDate(r.end, r.loc))].join(',');
      });
      const accounts = (lines: string[]) => {
        const plan = planImport(parseCsv(csv([header, ...lines])), { accounts: [], snapshots: [] }, NOW, () => 'id');
        expect(plan.bad).toEqual([]);
        return plan.rows.map((r) => r.account);
      };
      expect(accounts(shown)).toEqual(accounts(plain));
    }));
  });
});
