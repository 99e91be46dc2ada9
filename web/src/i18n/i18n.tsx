import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api/client.js';
import { DICTIONARY, LANGUAGES, WORDS, type Key, type Lang, type WordGroup } from './dictionary.js';
import { money } from '../format.js';

const LANG_KEY = 'foyer.lang';

interface I18n { lang: Lang; setLang(l: Lang): void; t(k: Key): string; w(group: WordGroup, code: string): string }
const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Lang) : 'nl';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => { const l = initialLang(); setApiLanguage(l); return l; });
  const value = useMemo<I18n>(() => ({
    lang,
    setLang(l) { localStorage.setItem(LANG_KEY, l); setApiLanguage(l); document.documentElement.lang = l; setLangState(l); },
    t: (k) => DICTIONARY[lang][k],
    w: (group, code) => WORDS[lang][`${group}.${code}`] ?? code,
  }), [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** Cents as euros in the user's language ("€ 2.642,50", "2 642,50 €", "€2,642.50"). */
export function useMoney(): (cents: number) => string {
  const { lang } = useI18n();
  return useMemo(() => (cents: number) => money(cents, lang), [lang]);
}
