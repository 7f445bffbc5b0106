import type { AppContext } from '../../platform/context.ts';
import type { DataScope } from '../../platform/db/tables/identity.ts';
import { createUserAsSystem } from './commands/create-user.ts';

/** The published password of every demo account (演示账号); demo data is marked is_demo. */
export const DEMO_PASSWORD = 'Minzheng@2019';
/** Demo data tells the story of 2019 (the report's year), so demo roles hold from 2018 on. */
export const DEMO_HISTORY_START = new Date('2018-01-01T00:00:00+08:00');

export type DemoUser = { username: string; displayName: string; orgCode: string; phone: string; roles: Array<{ roleCode: string; scope: DataScope }> };

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: '马建国', orgCode: '640000-mzt', phone: '13909510001', roles: [{ roleCode: 'sysadmin', scope: 'subtree' }] },
  {
    username: 'nx-fgc',
    displayName: '李文静',
    orgCode: '640000-mzt-fgc',
    phone: '13909510012',
    roles: [
      { roleCode: 'clerk', scope: 'subtree' },
      { roleCode: 'policy', scope: 'subtree' },
    ],
  },
  { username: 'nx-fgc-lead', displayName: '王志强', orgCode: '640000-mzt-fgc', phone: '13909510011', roles: [{ roleCode: 'leader', scope: 'subtree' }] },
  { username: 'yc-mzj', displayName: '张丽华', orgCode: '640100-mzj', phone: '13895110023', roles: [{ roleCode: 'clerk', scope: 'subtree' }] },
  { username: 'xq-mzj', displayName: '刘海燕', orgCode: '640104-mzj', phone: '13895110045', roles: [{ roleCode: 'clerk', scope: 'subtree' }] },
  { username: 'xq-mzj-lead', displayName: '陈国庆', orgCode: '640104-mzj', phone: '13895110041', roles: [{ roleCode: 'leader', scope: 'subtree' }] },
  {
    username: 'ld-mzj',
    displayName: '杨志明',
    orgCode: '640423-mzj',
    phone: '13709540031',
    roles: [
      { roleCode: 'clerk', scope: 'subtree' },
      { roleCode: 'useradmin', scope: 'subtree' },
    ],
  },
  { username: 'pl-mzj', displayName: '赵红梅', orgCode: '640221-mzj', phone: '13995290027', roles: [{ roleCode: 'clerk', scope: 'subtree' }] },
  { username: 'ld-cgz', displayName: '马小兰', orgCode: '640423100-gov', phone: '15909540106', roles: [{ roleCode: 'clerk', scope: 'subtree' }] },
  { username: 'ld-cgz-lead', displayName: '海文斌', orgCode: '640423100-gov', phone: '15909540101', roles: [{ roleCode: 'leader', scope: 'subtree' }] },
  { username: 'xq-fhbj', displayName: '周晓东', orgCode: '640104001-gov', phone: '15009510218', roles: [{ roleCode: 'clerk', scope: 'org' }] },
  { username: 'pl-cgz', displayName: '田玉芳', orgCode: '640221100-gov', phone: '18709520133', roles: [{ roleCode: 'clerk', scope: 'subtree' }] },
  { username: 'xj-jqz', displayName: '苏海霞', orgCode: '640422100-gov', phone: '15909540301', roles: [{ roleCode: 'clerk', scope: 'subtree' }] },
  { username: 'xj-mzj', displayName: '何建平', orgCode: '640422-mzj', phone: '13709540201', roles: [{ roleCode: 'clerk', scope: 'subtree' }] },
  { username: 'xj-mzj-lead', displayName: '马德福', orgCode: '640422-mzj', phone: '13709540202', roles: [{ roleCode: 'leader', scope: 'subtree' }] },
  // 业务主管单位 (not 民政): sees the social organizations it supervises, gives the supervising unit's opinion.
  { username: 'xq-whlyj', displayName: '李春梅', orgCode: '640104-whlyj', phone: '13895110061', roles: [{ roleCode: 'supervisor', scope: 'org' }] },
];

/**
 * The demo accounts (idempotent: existing usernames are skipped). Needs seedRoles and the demo
 * org units first. Their password is public, so mustChangePassword stays off for demos only.
 */
export async function seedDemoUsers(ctx: AppContext): Promise<{ created: string[] }> {
  const created: string[] = [];
  const existing = new Set((await ctx.db.selectFrom('core.app_user').select('username').execute()).map((r) => r.username));
  const units = new Map(
    (
      await ctx.db
        .selectFrom('core.org_unit')
        .select(['id', 'code'])
        .where(
          'code',
          'in',
          DEMO_USERS.map((u) => u.orgCode),
        )
        .execute()
    ).map((r) => [r.code, r.id]),
  );
  for (const u of DEMO_USERS) {
    if (existing.has(u.username)) continue;
    const orgUnitId = units.get(u.orgCode);
    if (!orgUnitId) {
      ctx.logger.warn(`演示账号 ${u.username} 未创建：组织机构 ${u.orgCode} 不存在`);
      continue;
    }
    await createUserAsSystem(ctx, {
      username: u.username,
      displayName: u.displayName,
      orgUnitId,
      phone: u.phone,
      password: DEMO_PASSWORD,
      roles: u.roles,
      mustChangePassword: false,
      isDemo: true,
      rolesValidFrom: DEMO_HISTORY_START,
    });
    created.push(u.username);
  }
  return { created };
}
