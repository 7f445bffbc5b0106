import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { useState, type ReactNode } from 'react';
import { I18nProvider, useI18n } from '../i18n/i18n.tsx';
import { antdLocale } from './antd-locales.ts';
import { createQueryClient } from './query-client.ts';
import { FONT_SANS, theme } from './theme.ts';

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  // Set before the children render (not in an effect), so dates formatted during this render
  // (e.g. the workbench greeting's 星期一 / Monday) already use the new language. Idempotent.
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={antdLocale(locale)} theme={theme}>
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
