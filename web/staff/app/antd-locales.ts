import type { Locale } from 'antd/es/locale/index.js';
import zh from 'antd/es/locale/zh_CN.js';

let en: Locale | undefined;

/** antd's English texts load with the console's English messages (i18n.tsx), off the first load. */
export async function loadAntdEnUS(): Promise<void> {
  en ??= (await import('antd/es/locale/en_US.js')).default;
}

/** The antd locale for the console's language; Chinese until the English one has loaded. */
export const antdLocale = (locale: 'zh-CN' | 'en-US'): Locale => (locale === 'en-US' && en) || zh;
