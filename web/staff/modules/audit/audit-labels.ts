import type { Locale } from '../../i18n/i18n.tsx';
import { WEB_MODULES } from '../index.ts';

/**
 * Readable names for the audit actions and entity types the kernel records, then each module's
 * (its manifest's `audit`). Unknown codes are shown as the raw code, never hidden.
 */
const KERNEL_ACTIONS: Record<string, [zh: string, en: string]> = {
  'auth.login': ['登录', 'Sign-in'],
  'auth.logout': ['退出登录', 'Sign-out'],
  'user.create': ['新建用户', 'Create user'],
  'user.update': ['修改用户', 'Update user'],
  'user.disable': ['停用账号', 'Disable account'],
  'user.enable': ['启用账号', 'Enable account'],
  'user.unlock': ['解除锁定', 'Unlock account'],
  'user.lock': ['登录失败锁定', 'Locked after failures'],
  'user.reset-totp': ['重置动态验证码', 'Reset 2FA'],
  'user.password.change': ['修改密码', 'Change password'],
  'user.password.reset': ['重置密码', 'Reset password'],
  'user.totp.setup': ['生成验证码密钥', 'Set up 2FA'],
  'user.totp.enable': ['启用动态验证码', 'Enable 2FA'],
  'user.totp.disable': ['停用动态验证码', 'Disable 2FA'],
  'role_assignment.grant': ['授予角色', 'Grant role'],
  'role_assignment.revoke': ['撤销角色', 'Revoke role'],
  'role_assignment.delegate': ['设置代管', 'Delegate role'],
  'role_assignment.delegation.revoke': ['结束代管', 'End delegation'],
  'pii.read': ['查看个人信息', 'Personal data read'],
  'area.create': ['新增行政区划', 'Create area'],
  'area.update': ['修改行政区划', 'Update area'],
  'org_unit.create': ['新增组织机构', 'Create organization'],
  'org_unit.update': ['修改组织机构', 'Update organization'],
  'case.attach': ['上传附件', 'Attach a file'],
  'case.comment': ['填写办理意见', 'Add a comment'],
  'document.issue': ['出具文书', 'Issue a document'],
  'document.reissue': ['重新出具文书', 'Re-issue a document'],
  'deadline.recomputed': ['按新工作日历重算期限', 'Deadlines recomputed'],
  'calendar.day.set': ['设置工作日历', 'Set a calendar day'],
  'calendar.day.clear': ['取消工作日历设置', 'Clear a calendar day'],
  'report.generate': ['生成报表', 'Generate a report'],
  'report.template.save': ['保存报表模板', 'Save a report template'],
  'pii.rotate': ['更换个人信息加密密钥', 'Rotate the personal-data key'],
  'pii.key_retire': ['停用旧的个人信息密钥', 'Retire a personal-data key'],
};

const KERNEL_ENTITIES: Record<string, [zh: string, en: string]> = {
  user: ['用户', 'User'],
  area: ['行政区划', 'Area'],
  org_unit: ['组织机构', 'Organization'],
  role_assignment: ['角色授权', 'Role assignment'],
  session: ['会话', 'Session'],
  calendar_day: ['工作日历', 'Calendar day'],
  case: ['案件', 'Case'],
  deadline_clock: ['办理期限', 'Deadline'],
  pii_key: ['个人信息密钥', 'Personal-data key'],
  report_run: ['报表', 'Report'],
  report_template: ['报表模板', 'Report template'],
};

const ACTIONS = Object.assign({}, KERNEL_ACTIONS, ...WEB_MODULES.map((m) => m.audit?.actions)) as Record<string, [string, string]>;
const ENTITIES = Object.assign({}, KERNEL_ENTITIES, ...WEB_MODULES.map((m) => m.audit?.entities)) as Record<string, [string, string]>;

const pick = (table: Record<string, [string, string]>, code: string, locale: Locale) => {
  const hit = table[code];
  return hit ? hit[locale === 'zh-CN' ? 0 : 1] : null;
};

/** Every action code named here (case steps are named from the case types: use-action-labels.ts). */
export const actionCodes = () => Object.keys(ACTIONS);
export const actionLabel = (code: string, locale: Locale) => pick(ACTIONS, code, locale);
export const entityLabel = (code: string, locale: Locale) => pick(ENTITIES, code, locale);

/**
 * The 操作人 as stored in the chain, 「姓名(账号)」 (the stored text is hashed and stays as written), shown with the
 * full-width parentheses of Chinese text: 「马建国（admin）」.
 */
export const actorLabel = (name: string | null | undefined) => (name ? name.replace(/\(([^()]*)\)$/, '（$1）') : '—');
