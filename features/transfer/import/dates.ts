import { isIsoDate } from '../../../shared/dates/local-date';

/**
 * Dates as people type them in a sheet, year first so day and month never
 * need guessing: 2027-01-07 and 2027-1-7, 2027/1/7 (Excel's Chinese display),
 * 2027.1.7, 2027年1月7日 (the Chinese UI's own format, 日 or 号 or nothing at
 * the end), and the English UI's "Jan 7, 2027" or "7 January 2027", where the
 * month is a word. Full-width digits count as digits.
 *
 * Refused, never guessed: a numeric date with the year last (1/7/2027 is
 * 7 January in the US and 1 July in most of the world), a two-digit year, and
 * a date the calendar does not have (2027/2/30).
 */
export type DateText = { date: string } | { fault: 'shape' | 'impossible' | 'ambiguous' };

const NUMERIC = /^(\d{4}) ?([-/.]) ?(\d{1,2}) ?\2 ?(\d{1,2})$/;
const CHINESE = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号]?$/;
const MONTH_FIRST = /^([a-z]+)\.? (\d{1,2}),? (\d{4})$/;
const DAY_FIRST = /^(\d{1,2}) ([a-z]+)\.?,? (\d{4})$/;
const YEAR_LAST = /^\d{1,2} ?[-/.] ?\d{1,2} ?[-/.] ?\d{2,4}$/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1-12 for an English month name or its abbreviation of three letters or more ("Sep", "Sept"), else 0. */
const monthOf = (word: string) => (word.length >= 3 ? MONTHS.findIndex((m) => m.startsWith(word)) + 1 : 0);

export function parseDateText(input: string): DateText {
  const s = input.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  let y: string | undefined, m: number | undefined, d: string | undefined;
  let hit: RegExpExecArray | null;
  if ((hit = NUMERIC.exec(s))) [y, m, d] = [hit[1], Number(hit[3]), hit[4]];
  else if ((hit = CHINESE.exec(s))) [y, m, d] = [hit[1], Number(hit[2]), hit[3]];
  else if ((hit = MONTH_FIRST.exec(s))) [y, m, d] = [hit[3], monthOf(hit[1]!), hit[2]];
  else if ((hit = DAY_FIRST.exec(s))) [y, m, d] = [hit[3], monthOf(hit[2]!), hit[1]];
  else return { fault: YEAR_LAST.test(s) ? 'ambiguous' : 'shape' };
  if (!m) return { fault: 'shape' }; // a word that is no month
  const date = `${y}-${String(m).padStart(2, '0')}-${d!.padStart(2, '0')}`;
  return isIsoDate(date) ? { date } : { fault: 'impossible' };
}
