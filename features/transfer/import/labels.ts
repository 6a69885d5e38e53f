import { en, zhCN, type MessageKey } from '../../../shared/i18n/catalog';

/**
 * How a typed word is compared: width-folded (NFKC turns full-width letters,
 * digits and the ideographic space into their ASCII forms), lower case, and
 * without spaces, hyphens or underscores, so "Mid-market", "mid_market",
 * "ＭＩＤ　ＭＡＲＫＥＴ" and "midmarket" are one word.
 */
export const foldWord = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');

export interface Choices<T extends string> {
  /** The value a typed word names, or undefined. */
  of: (typed: string) => T | undefined;
  /** What a reason lists as accepted: each value's English label with its Chinese one. */
  shown: string;
}

/**
 * The values of a choice column, recognised by their id and by the labels the
 * UI shows for them in either language, read from the i18n catalogue under
 * `prefix` (e.g. model.segment.enterprise), so import accepts exactly the
 * words people see, and a renamed label is accepted the day it ships.
 */
export function catalogueChoices<T extends string>(prefix: string, values: readonly T[], extra: Record<string, T> = {}): Choices<T> {
  const byWord = new Map<string, T>();
  const label = (catalog: Record<string, string>, v: T) => catalog[`${prefix}${v}` as MessageKey] ?? v;
  for (const v of values) for (const w of [v, label(en, v), label(zhCN, v)]) byWord.set(foldWord(w), v);
  for (const [w, v] of Object.entries(extra)) byWord.set(foldWord(w), v);
  return {
    of: (typed) => byWord.get(foldWord(typed)),
    shown: values.map((v) => `${label(en, v)} (${label(zhCN, v)})`).join(', '),
  };
}
