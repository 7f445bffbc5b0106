/**
 * The menu's words of this module (Simplified Chinese): they come with the console shell; the
 * module's other messages load with its pages (i18n.tsx, loadModuleMessages).
 */
export const navZh = {
  'enforcement.module': '行政执法',
  'enforcement.nav.cases': '行政处罚案件',
  'enforcement.nav.tipoffs': '举报',
  'enforcement.nav.officers': '执法人员',
  'enforcement.nav.study': '学法用法',
  'enforcement.nav.exams': '在线考试',
  'enforcement.nav.remedies': '复议诉讼和强制',
} as const;
