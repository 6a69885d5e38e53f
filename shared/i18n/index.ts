import { en, type MessageKey } from './catalog';
import { zhCN } from './catalog';

export type { MessageKey } from './catalog';
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export type LocaleSetting = Locale | 'auto';

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** The UI locale: the user's choice, else the browser's language (any zh → zh-CN), else English. */
export function resolveLocale(setting: LocaleSetting, browserLanguage: string | undefined): Locale {
  if (setting !== 'auto') return setting;
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

/** Plural keys end in _one/_other; pass the base key and `n`. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

export interface Translator {
  locale: Locale;
  t: Translate;
  plural: (base: PluralBase, n: number, params?: Params) => string;
}

export function translator(locale: Locale): Translator {
  const catalog = CATALOGS[locale];
  const t: Translate = (key, params) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
  const plural = (base: PluralBase, n: number, params?: Params) =>
    t(`${base}_${Math.abs(n) === 1 ? 'one' : 'other'}` as MessageKey, { n, ...params });
  return { locale, t, plural };
}
