import type { Locale } from 'antd/es/locale/index.js';
import en from 'antd/locale/en_US.js';
import zh from 'antd/locale/zh_CN.js';

// antd ships these as CommonJS; depending on interop the default import is the locale or a
// module record holding it. Accept both.
const unwrap = (m: unknown) => ((m as { default?: Locale }).default ?? m) as Locale;

export const antdZhCN = unwrap(zh);
export const antdEnUS = unwrap(en);
