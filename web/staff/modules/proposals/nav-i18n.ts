/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'proposals.module': '建议提案',
  'proposals.nav.list': '建议提案',
} as const;
