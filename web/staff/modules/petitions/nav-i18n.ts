/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'petitions.module': '信访事项',
  'petitions.nav.list': '信访事项',
  'petitions.nav.register': '登记信访',
  'petitions.nav.receptionLog': '接待登记',
  'petitions.nav.settings': '信访设置',
  'petitionStats.nav': '信访统计',
  'petitions.nav.toApprove': '待审批的处理意见',
} as const;
