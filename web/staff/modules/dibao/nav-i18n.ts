/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'dibao.module': '低保救助',
  'dibao.nav.applications': '低保申请',
  'dibao.nav.register': '登记低保申请',
  'dibao.nav.households': '低保家庭',
  'dibao.nav.rechecks': '低保复核',
  'dibao.nav.spotChecks': '县级抽查',
  'dibao.nav.delegations': '审批权下放',
  'dibaoMoney.nav.rosters': '发放名册',
  'dibaoMoney.nav.imports': '名册导入',
  'dibaoMoney.nav.standards': '保障标准',
  'dibaoMoney.nav.settings': '低保设置',
  'dibaoMoney.nav.stats': '低保统计',
  'dibao.nav.publications': '低保公布',
  'dibao.nav.filings': '近亲属备案',
  'dibao.nav.toConfirm': '待确认的低保申请',
} as const;
