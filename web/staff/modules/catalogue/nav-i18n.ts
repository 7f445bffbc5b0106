/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'catalogue.module': '政务服务事项',
  'catalogue.nav.versions': '基本目录',
  'catalogue.nav.lists': '实施清单',
  'catalogue.nav.diff': '四级四同比对',
  'catalogue.nav.powers': '权责清单',
  'catalogue.nav.supervision': '互联网+监管',
  'catalogue.nav.inspections': '检查行为',
} as const;
