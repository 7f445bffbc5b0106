/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'normdocs.module': '规范性文件',
  'normdocs.nav.list': '规范性文件',
  'normdocs.nav.cleanups': '规范性文件清理',
} as const;
