/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'policyqa.module': '政策问答',
  'policyqa.nav.list': '政策问答',
} as const;
