/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'hall.module': '政务服务大厅',
  'hall.nav.list': '办件（一窗受理）',
  'hall.nav.complaints': '差评整改',
  'hall.nav.stats': '好差评统计',
} as const;
