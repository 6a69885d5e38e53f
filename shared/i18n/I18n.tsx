import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { resolveLocale, translator, type Locale, type Translator } from '.';
import { settingsItem } from '../settings';

const I18nContext = createContext<Translator>(translator('en'));

/** Provides the translator for the user's language setting, following changes live. */
export function I18nProvider({ children, locale }: { children: ReactNode; locale?: Locale }) {
  const [tr, setTr] = useState(() => translator(locale ?? resolveLocale('auto', navigator.language)));
  useEffect(() => {
    if (locale) return;
    const apply = (s: { locale: 'auto' | Locale } | null) =>
      setTr(translator(resolveLocale(s?.locale ?? 'auto', navigator.language)));
    void settingsItem.getValue().then(apply);
    return settingsItem.watch(apply);
  }, [locale]);
  useEffect(() => {
    document.documentElement.lang = tr.locale;
  }, [tr.locale]);
  return <I18nContext.Provider value={tr}>{children}</I18nContext.Provider>;
}

export const useTr = (): Translator => useContext(I18nContext);
