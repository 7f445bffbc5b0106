import { describe, expect, it } from 'vitest';
import { homeShortcuts } from '../../web/staff/app/nav.tsx';
import { builtinRoles } from '../../src/kernel/identity/permissions.ts';
import { installModules } from '../../src/kernel/module/index.ts';
import { MODULES } from '../../src/server/modules.ts';

installModules(MODULES);
/** The home page's 常用功能 of a holder of these built-in roles (their permissions as seeded). */
function shortcuts(...roles: string[]): string[] {
  const held = new Set(builtinRoles().flatMap((r) => (roles.includes(r.code) ? r.permissions : [])));
  return homeShortcuts((p) => held.has(p)).map((e) => e.path);
}

/** 常用功能 fit the role, as a 民政 office divides the work (issue 19, Consistency: Home). */
describe('home shortcuts', () => {
  it('give a clerk the registering acts and no administration page', () => {
    const clerk = shortcuts('clerk');
    expect(clerk).toEqual(expect.arrayContaining(['/dibao/new', '/petitions/new']));
    expect(clerk.filter((p) => p.startsWith('/admin/'))).toEqual([]);
  });

  it('give a leader (a township leader with delegated 低保 approval) approvals and overviews, not 用户管理, 组织机构 or 行政区划', () => {
    const leader = shortcuts('leader');
    expect(leader).toEqual(expect.arrayContaining(['/dibao?state=awaiting_confirm', '/petitions?state=drafted', '/dashboard']));
    expect(leader).not.toContain('/dibao/new');
    expect(leader.filter((p) => p.startsWith('/admin/'))).toEqual([]);
  });

  it('give administration pages to their administrators only', () => {
    expect(shortcuts('useradmin')).toEqual(expect.arrayContaining(['/admin/users', '/admin/login-log']));
    expect(shortcuts('useradmin')).not.toContain('/admin/areas');
    expect(shortcuts('auditor')).toEqual(expect.arrayContaining(['/admin/audit']));
    expect(shortcuts('sysadmin')).toEqual(expect.arrayContaining(['/admin/users', '/admin/org-units', '/admin/areas', '/admin/calendar']));
  });

  it('point at pages the console routes', () => {
    for (const p of shortcuts('sysadmin')) expect(p).toMatch(/^\/[a-z-/]+(\?[a-z_]+=[a-z_]+)?$/);
  });
});
