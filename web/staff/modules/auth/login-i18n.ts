import { useCallback, useEffect, useState } from 'react';
import { loginEn, loginZh, type LoginKey } from './messages.ts';

export type LoginLocale = 'zh-CN' | 'en-US';
export type LoginT = (key: LoginKey, vars?: Record<string, string | number>) => string;

/** The same choice the console keeps (i18n/i18n.tsx). */
const STORAGE_KEY = 'mz.locale';

function initialLocale(): LoginLocale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** The sign-in page's language: its own small dictionary, the console's stored choice. */
export function useLoginI18n() {
  const [locale, setLocaleState] = useState<LoginLocale>(initialLocale);
  const setLocale = useCallback((l: LoginLocale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice lasts for this page only */
    }
  }, []);
  const dict = locale === 'zh-CN' ? loginZh : loginEn;
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = dict['app.name'];
  }, [locale, dict]);
  const t = useCallback<LoginT>((key, vars) => dict[key].replace(/\{(\w+)\}/g, (m, k: string) => (vars && k in vars ? String(vars[k]) : m)), [dict]);
  return { locale, setLocale, t };
}
