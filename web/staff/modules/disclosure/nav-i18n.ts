/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'disclosure.module': '政务公开',
  'disclosure.nav.requests': '依申请公开',
  'disclosure.nav.items': '主动公开',
  'disclosure.nav.annual': '公开工作年报',
} as const;
