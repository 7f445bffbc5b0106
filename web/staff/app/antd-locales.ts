import type { Locale } from 'antd/es/locale/index.js';
import zhModule from 'antd/es/locale/zh_CN.js';

// antd's package is not marked ESM, so TypeScript (nodenext) types a default import of these
// files as a module record holding the locale; the bundler gives the locale itself. Accept both.
const unwrap = (m: unknown) => ((m as { default?: Locale }).default ?? m) as Locale;

const zh = unwrap(zhModule);
let en: Locale | undefined;

/** antd's English texts load with the console's English messages (i18n.tsx), off the first load. */
export async function loadAntdEnUS(): Promise<void> {
  en ??= unwrap((await import('antd/es/locale/en_US.js')).default);
}

/** The antd locale for the console's language; Chinese until the English one has loaded. */
export const antdLocale = (locale: 'zh-CN' | 'en-US'): Locale => (locale === 'en-US' && en) || zh;
