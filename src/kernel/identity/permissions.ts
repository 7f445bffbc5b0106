import type { DataScope } from '../../platform/db/tables/identity.ts';

/**
 * The permission catalogue (权限目录), with Chinese labels for the UI, and the built-in roles.
 *
 * The kernel declares only its own permissions here. Modules declare theirs in their manifest
 * (`defineModule({ permissions, roles })`, src/kernel/module/) and `installModules(MODULES)` — called
 * by the composition root (src/server/boot.ts, app.ts) before anything reads the catalogue — adds
 * them with `addModulePermissions`. Readers (the roles API, seedRoles, the sysadmin role) always go
 * through `permissionCatalogue()` / `builtinRoles()`, so they see kernel + installed modules.
 */
export type PermissionDef = { readonly code: string; readonly label: string; readonly group: string };

const KERNEL_PERMISSIONS: readonly PermissionDef[] = [
  { code: 'area.read', label: '查看行政区划', group: '基础数据' },
  { code: 'area.manage', label: '维护行政区划', group: '基础数据' },
  { code: 'calendar.manage', label: '维护工作日日历（节假日、调休）', group: '基础数据' },
  { code: 'org.read', label: '查看组织机构', group: '基础数据' },
  { code: 'org.manage', label: '维护组织机构', group: '基础数据' },
  { code: 'user.read', label: '查看用户', group: '用户与权限' },
  { code: 'user.manage', label: '管理用户（新建、停用、重置密码、授权）', group: '用户与权限' },
  { code: 'role.read', label: '查看角色', group: '用户与权限' },
  { code: 'role.manage', label: '维护角色', group: '用户与权限' },
  { code: 'audit.read', label: '查看审计日志', group: '安全审计' },
  { code: 'audit.verify', label: '校验审计日志完整性', group: '安全审计' },
  { code: 'loginlog.read', label: '查看登录日志', group: '安全审计' },
  { code: 'report.read', label: '查看年度报告数据及其来源记录', group: '年度报告' },
  { code: 'report.edit', label: '编辑年度报告模板、生成年度报告', group: '年度报告' },
];

export const SCOPE_LABELS: Record<DataScope, string> = { self: '本人', org: '本级', subtree: '本级及下级' };

/** Codes of the built-in roles. sysadmin always holds the whole catalogue; modules add fragments to the others. */
export const BUILTIN_ROLE_CODES = ['sysadmin', 'useradmin', 'leader', 'clerk', 'auditor', 'policy', 'supervisor'] as const;
export type BuiltInRoleCode = (typeof BUILTIN_ROLE_CODES)[number];

export type RoleDefinition = { code: string; name: string; nameEn: string; description: string; permissions: readonly string[] };

/** The built-in roles with the kernel's own permissions (sysadmin's list is filled in by builtinRoles). */
const KERNEL_ROLES: readonly RoleDefinition[] = [
  { code: 'sysadmin', name: '系统管理员', nameEn: 'System administrator', description: '拥有全部权限', permissions: [] },
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
    description: '审批、督办，查看本辖区业务与审计记录',
    permissions: ['area.read', 'org.read', 'user.read', 'role.read', 'audit.read', 'report.read'],
  },
  {
    code: 'clerk',
    name: '业务经办人员',
    nameEn: 'Clerk',
    description: '受理、办理本辖区业务',
    permissions: ['area.read', 'org.read', 'user.read', 'role.read'],
  },
  {
    code: 'auditor',
    name: '审计员',
    nameEn: 'Auditor',
    description: '查看并校验审计日志、登录日志',
    permissions: ['area.read', 'org.read', 'user.read', 'role.read', 'audit.read', 'audit.verify', 'loginlog.read'],
  },
  {
    code: 'policy',
    name: '政策法规人员',
    nameEn: 'Policy and legal staff',
    description: '编写、生成年度法治政府建设报告，查看报告数据的来源记录',
    permissions: ['area.read', 'org.read', 'report.read', 'report.edit'],
  },
  {
    code: 'supervisor',
    name: '业务主管单位',
    nameEn: 'Supervising unit',
    description: '业务主管单位的工作人员：查看本单位主管的社会组织，出具业务主管单位意见（授予在业务主管单位，本级）',
    permissions: ['area.read', 'org.read', 'user.read', 'role.read'],
  },
];

/** Role fragments a module adds: permissions appended to the built-in roles (never to sysadmin, who has them all). */
export type RoleFragments = Partial<Record<Exclude<BuiltInRoleCode, 'sysadmin'>, readonly string[]>>;

const moduleCatalogue: PermissionDef[] = [];
const moduleFragments: RoleFragments[] = [];

/**
 * Add a module's permissions and role fragments (called by installModules, once per module, in
 * the MODULES order — which is the order the catalogue and the roles list them in).
 */
export function addModulePermissions(permissions: readonly PermissionDef[], roles: RoleFragments): void {
  const known = new Set(permissionCatalogue().map((p) => p.code));
  for (const p of permissions) if (known.has(p.code)) throw new Error(`permission ${p.code} is declared twice`);
  for (const [role, perms] of Object.entries(roles)) {
    if (!BUILTIN_ROLE_CODES.includes(role as BuiltInRoleCode) || role === 'sysadmin') throw new Error(`role fragment for unknown built-in role ${role}`);
    const own = new Set([...known, ...permissions.map((p) => p.code)]);
    for (const p of perms ?? []) if (!own.has(p)) throw new Error(`role ${role} is given unknown permission ${p}`);
  }
  moduleCatalogue.push(...permissions);
  moduleFragments.push(roles);
}

/** Every permission: the kernel's, then each installed module's. */
export function permissionCatalogue(): readonly PermissionDef[] {
  return [...KERNEL_PERMISSIONS, ...moduleCatalogue];
}

export function allPermissions(): string[] {
  return permissionCatalogue().map((p) => p.code);
}

/** Built-in roles, seeded idempotently by seedRoles: the kernel's permissions plus every module's fragment. */
export function builtinRoles(): RoleDefinition[] {
  return KERNEL_ROLES.map((r) => ({
    ...r,
    permissions: r.code === 'sysadmin' ? allPermissions() : [...r.permissions, ...moduleFragments.flatMap((f) => f[r.code as keyof RoleFragments] ?? [])],
  }));
}

/** Permissions that make their holder an administrator (for the TOTP requirement). */
export function isAdminPermission(p: string): boolean {
  return p.endsWith('.manage');
}
