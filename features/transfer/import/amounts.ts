/**
 * Numbers as people type them in a sheet. Every number may use full-width
 * digits and thousands separators in groups of three (1,234,567 or the
 * Chinese 1，234，567); an amount may also carry the yuan's marks (a ¥, ￥,
 * CN¥, RMB or 人民币 prefix, a 元 suffix) and the Chinese units 万 (×10,000)
 * and 亿 (×100,000,000): 1.2万, ¥12万元, 3亿.
 *
 * Scaling shifts the decimal point in the digits as written, so 1.2万 is
 * exactly 12000 and 0.07亿 exactly 7000000 (multiplying the float 1.2 by
 * 10,000 could give 11999.999…).
 *
 * Refused: exponents, % and other units, separators not in groups of three
 * ("12,5" is a decimal comma in much of Europe), and in a semicolon-separated
 * file any ASCII comma, since there it may be the decimal mark.
 */
export type NumberText = { value: number; yuan: boolean } | { fault: 'number' | 'amount' | 'decimalComma' };

const PLAIN = /^(\d+)(?:\.(\d+))?$/;
const GROUPED = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
const YUAN_BEFORE = /^(?:cn¥|¥|rmb|人民币)/;
const YUAN_AFTER = /(?:元|人民币)$/;
const SCALE: Record<string, number> = { 万: 4, 亿: 8 };

export function parseNumberText(input: string, opts: { amount: boolean; semicolon: boolean }): NumberText {
  const bad = { fault: opts.amount ? 'amount' : 'number' } as const;
  if (opts.semicolon && input.includes(',')) return { fault: 'decimalComma' };
  // Spaces may stand between the marks and the digits ("RMB 12,000", "12 万元"), never inside the digits ("1 2" is no number).
  let s = input.normalize('NFKC').toLowerCase().trim();
  const negative = s.startsWith('-');
  if (negative) s = s.slice(1).trimStart();
  let yuan = false;
  let shift = 0;
  if (opts.amount) {
    const before = YUAN_BEFORE.exec(s)?.[0];
    if (before) s = s.slice(before.length).trimStart();
    const after = YUAN_AFTER.exec(s)?.[0];
    if (after) s = s.slice(0, -after.length).trimEnd();
    const unit = s.slice(-1);
    if (unit in SCALE) {
      shift = SCALE[unit]!;
      s = s.slice(0, -1).trimEnd();
    }
    yuan = before !== undefined || after !== undefined;
  }
  const m = PLAIN.exec(s) ?? GROUPED.exec(s);
  if (!m) return bad;
  const whole = m[1]!.replace(/,/g, '');
  const frac = (m[2] ?? '').padEnd(shift, '0');
  const digits = `${whole}${frac.slice(0, shift)}.${frac.slice(shift) || '0'}`;
  const value = Number(`${negative ? '-' : ''}${digits}`);
  return Number.isFinite(value) ? { value: value === 0 ? 0 : value, yuan } : bad;
}
