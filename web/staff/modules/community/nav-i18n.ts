/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'community.module': '城乡社区',
  'community.nav.stations': '社区服务站',
  'community.nav.duties': '社区工作事项',
} as const;
