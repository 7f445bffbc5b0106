import type { DataScope } from '../../platform/db/schema.ts';

/**
 * The permission catalogue (权限目录), with Chinese labels for the UI. Modules add their own
 * permissions here; roles are named sets of these strings.
 */
export const PERMISSIONS = [
  { code: 'area.read', label: '查看行政区划', group: '基础数据' },
  { code: 'area.manage', label: '维护行政区划', group: '基础数据' },
  { code: 'calendar.manage', label: '维护工作日日历(节假日、调休)', group: '基础数据' },
  { code: 'org.read', label: '查看组织机构', group: '基础数据' },
  { code: 'org.manage', label: '维护组织机构', group: '基础数据' },
  { code: 'user.read', label: '查看用户', group: '用户与权限' },
  { code: 'user.manage', label: '管理用户(新建、停用、重置密码、授权)', group: '用户与权限' },
  { code: 'role.read', label: '查看角色', group: '用户与权限' },
  { code: 'role.manage', label: '维护角色', group: '用户与权限' },
  { code: 'audit.read', label: '查看审计日志', group: '安全审计' },
  { code: 'audit.verify', label: '校验审计日志完整性', group: '安全审计' },
  { code: 'loginlog.read', label: '查看登录日志', group: '安全审计' },
  { code: 'petition.read', label: '查看信访事项', group: '信访' },
  { code: 'petition.register', label: '登记信访事项', group: '信访' },
  { code: 'petition.handle', label: '办理信访事项(甄别、转送、受理、拟办、送达)', group: '信访' },
  { code: 'petition.approve', label: '审批信访处理意见、批准延期', group: '信访' },
  { code: 'petition.supervise', label: '督办信访事项', group: '信访' },
  { code: 'dibao.read', label: '查看低保家庭和申请', group: '低保' },
  { code: 'dibao.apply', label: '登记低保申请', group: '低保' },
  { code: 'dibao.handle', label: '办理低保申请(受理、核对、入户调查、评议、审核、公示)', group: '低保' },
  { code: 'dibao.confirm', label: '确认(审批)低保、抽查乡镇确认的案件', group: '低保' },
  { code: 'dibao.roster', label: '生成、校验发放名册,登记待遇变更', group: '低保' },
  { code: 'dibao.roster_approve', label: '审批发放名册', group: '低保' },
  { code: 'dibao.import', label: '导入低保名册', group: '低保' },
  { code: 'dibao.configure', label: '维护低保标准、审批权下放配置', group: '低保' },
] as const satisfies ReadonlyArray<{ code: string; label: string; group: string }>;

export type Permission = (typeof PERMISSIONS)[number]['code'];
export const ALL_PERMISSIONS: readonly string[] = PERMISSIONS.map((p) => p.code);

export const SCOPE_LABELS: Record<DataScope, string> = { self: '本人', org: '本级', subtree: '本级及下级' };

export type RoleDefinition = { code: string; name: string; nameEn: string; description: string; permissions: readonly string[] };

/** Built-in roles, seeded idempotently by seedRoles. sysadmin always holds the whole catalogue. */
export const BUILTIN_ROLES: readonly RoleDefinition[] = [
  { code: 'sysadmin', name: '系统管理员', nameEn: 'System administrator', description: '拥有全部权限', permissions: ALL_PERMISSIONS },
  {
    code: 'useradmin',
    name: '用户管理员',
    nameEn: 'User administrator',
    description: '管理本单位及下级单位的用户与授权',
    permissions: ['area.read', 'org.read', 'user.read', 'user.manage', 'role.read', 'loginlog.read'],
  },
  {
    code: 'leader',
    name: '分管领导/负责人',
    nameEn: 'Leader',
    description: '审批、督办,查看本辖区业务与审计记录',
    permissions: ['area.read', 'org.read', 'user.read', 'role.read', 'audit.read', 'petition.read', 'petition.approve', 'petition.supervise',
      'dibao.read', 'dibao.confirm', 'dibao.roster_approve', 'dibao.configure'],
  },
  {
    code: 'clerk',
    name: '业务经办人员',
    nameEn: 'Clerk',
    description: '受理、办理本辖区业务',
    permissions: ['area.read', 'org.read', 'user.read', 'role.read', 'petition.read', 'petition.register', 'petition.handle',
      'dibao.read', 'dibao.apply', 'dibao.handle', 'dibao.roster', 'dibao.import'],
  },
  {
    code: 'auditor',
    name: '审计员',
    nameEn: 'Auditor',
    description: '查看并校验审计日志、登录日志',
    permissions: ['area.read', 'org.read', 'user.read', 'role.read', 'audit.read', 'audit.verify', 'loginlog.read'],
  },
];

/** Permissions that make their holder an administrator (for the TOTP requirement). */
export function isAdminPermission(p: string): boolean {
  return p.endsWith('.manage');
}
