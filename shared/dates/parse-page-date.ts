import { isIsoDate, type IsoDate } from './local-date';

/**
 * A calendar date as a CRM page writes it, when the writing is unambiguous:
 * 2026-12-31, 2026/12/31, 2026.12.31, 2026年12月31日. Day-first and
 * month-first forms (3/4/2026) are ambiguous and give null.
 */
export function parsePageDate(text: string | undefined): IsoDate | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text?.trim() ?? '');
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
