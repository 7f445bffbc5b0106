/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'orgs.module': '社会组织',
  'orgs.nav.registry': '社会组织名录',
  'orgs.nav.credit': '信用名单',
  'orgs.nav.spot': '双随机抽查',
  'orgs.nav.supervised': '主管的社会组织',
  'orgs.nav.import': '导入登记信息',
} as const;
