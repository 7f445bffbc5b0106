import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { antdLocale } from './antd-locales.ts';
import { createQueryClient } from './query-client.ts';
import { FONT_SANS, theme } from './theme.ts';

/** The operating system's 「减少动态效果」 setting: one query object for the page, read and followed while it is open. */
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const subscribeMotion = (onChange: () => void) => {
  reducedMotion.addEventListener('change', onChange);
  return () => reducedMotion.removeEventListener('change', onChange);
};
const useReducedMotion = () => useSyncExternalStore(subscribeMotion, () => reducedMotion.matches);

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  // Someone who asked their system for less motion gets antd's popups, modals and messages without their
  // zoom, slide and fade (WCAG 2.3.3); the browser tests run so too, so a click never lands mid-animation.
  const reduced = useReducedMotion();
  const themed = useMemo(() => (reduced ? { ...theme, token: { ...theme.token, motion: false } } : theme), [reduced]);
  // Set before the children render (not in an effect), so dates formatted during this render
  // (e.g. the workbench greeting's 星期一 / Monday) already use the new language. Idempotent.
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={antdLocale(locale)} theme={themed}>
      {/* antd's App look (font, colour) without its hooks, which the pages get (PageFrame.tsx). */}
      <div className="mz-app" style={{ fontFamily: FONT_SANS }}>
        {children}
      </div>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        <LocalizedAntd>{children}</LocalizedAntd>
      </I18nProvider>
    </QueryClientProvider>
  );
}
