import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { WEB_MODULES } from '../modules/index.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en-US';
export type TFunction = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'mz.locale';
/** Chinese is the source language and every key's fallback; English loads when first chosen. */
const dictionaries: Partial<Record<Locale, Record<MessageKey, string>>> = { 'zh-CN': zhCN };

/** Make a language's messages available (English: its chunks fetched once); Chinese is always there. */
export async function loadLocale(l: Locale): Promise<void> {
  if (!dictionaries[l]) dictionaries[l] = await import('./en-US.ts').then((m) => m.loadEnUS());
}

let moduleMessages: Promise<void> | undefined;

/**
 * The Chinese messages of the case and report pages and of every business module beyond its menu
 * words (a chunk each, fetched at once, once): the home page paints without them; every other page
 * and the workbench wait for them (AppLayout.tsx, HomePage.tsx).
 */
export function loadModuleMessages(): Promise<void> {
  moduleMessages ??= Promise.all([
    import('../modules/cases/i18n.ts').then((m) => m.zh),
    import('../modules/report/i18n.ts').then((m) => m.zh),
    ...WEB_MODULES.map((m) => m.messages.zh()),
  ]).then(
    (all) => void Object.assign(zhCN, ...all),
    (e: unknown) => {
      moduleMessages = undefined; // offline: the next page asks again
      throw e;
    },
  );
  return moduleMessages;
}

export function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Fill `{name}` placeholders. */
export function format(template: string, vars?: Record<string, string | number>) {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

type I18n = { locale: Locale; setLocale: (l: Locale) => void; t: TFunction };
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  // The language shown: the one chosen once its messages are here (main.tsx loads the stored one
  // before the console's first paint).
  const [locale, setLocaleState] = useState<Locale>(() => (dictionaries[initialLocale()] ? initialLocale() : 'zh-CN'));
  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
    void loadLocale(l).then(
      () => setLocaleState(l),
      () => undefined, // offline: stay in the language on screen
    );
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = (dictionaries[locale] ?? zhCN)['app.name'];
  }, [locale]);
  const t = useCallback<TFunction>((key, vars) => format((dictionaries[locale] ?? zhCN)[key] ?? zhCN[key] ?? key, vars), [locale]);
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

/** The translate function for the current locale. */
export function useT(): TFunction {
  return useI18n().t;
}
