import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../tests/helpers/test-context.ts';
import { usersCreateCommand } from '../../server/cli/users-create.ts';
import { UsageError, type CliIo } from '../../server/cli/io.ts';
import { verifyPassword } from './password/hash.ts';
import { builtinRoles } from './permissions.ts';
import { DEMO_USERS, seedDemoUsers } from './seed-demo-users.ts';
import { seedRoles } from './seed-roles.ts';

let tc: TestContext;
beforeAll(async () => {
  tc = await openTestContext();
});
afterAll(async () => {
  await tc?.close();
});

describe('seeds', () => {
  it('seedRoles is idempotent and writes nothing when up to date', async () => {
    const before = await tc.ctx.db.selectFrom('core.role').select(['code', 'updated_at', 'permissions']).orderBy('code').execute();
    await seedRoles(tc.ctx);
    const after = await tc.ctx.db.selectFrom('core.role').select(['code', 'updated_at', 'permissions']).orderBy('code').execute();
    expect(after).toEqual(before);
    expect(after.map((r) => r.code).sort()).toEqual(
      builtinRoles()
        .map((r) => r.code)
        .sort(),
    );
    // A drifted built-in role is put back.
    await tc.ctx.db
      .updateTable('core.role')
      .set({ permissions: ['area.read'] })
      .where('code', '=', 'clerk')
      .execute();
    await seedRoles(tc.ctx);
    const clerk = await tc.ctx.db.selectFrom('core.role').select('permissions').where('code', '=', 'clerk').executeTakeFirstOrThrow();
    expect(clerk.permissions).toEqual([...builtinRoles().find((r) => r.code === 'clerk')!.permissions]);
  });

  it('seedDemoUsers is idempotent; demo users are marked and hold their roles', async () => {
    expect(await seedDemoUsers(tc.ctx)).toEqual({ created: [] });
    const rows = await tc.ctx.db
      .selectFrom('core.app_user as u')
      .innerJoin('core.org_unit as ou', 'ou.id', 'u.org_unit_id')
      .select(['u.username', 'u.is_demo', 'ou.code', 'u.password_hash', 'u.phone_enc'])
      .where(
        'u.username',
        'in',
        DEMO_USERS.map((d) => d.username),
      )
      .execute();
    expect(rows).toHaveLength(DEMO_USERS.length);
    for (const d of DEMO_USERS) {
      const r = rows.find((x) => x.username === d.username)!;
      expect(r).toMatchObject({ is_demo: true, code: d.orgCode });
      expect(r.phone_enc).toMatch(/^s4\./);
    }
    expect(await verifyPassword(rows[0]!.password_hash, 'Minzheng@2019')).toBe(true);
  });
});

describe('minzheng users create', () => {
  const io = () => {
    const out: string[] = [];
    const err: string[] = [];
    const cli: CliIo = {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      open: async () => ({ ctx: tc.ctx, handle: { ...tc.handle, close: async () => {} } }),
    };
    return { out, err, cli };
  };

  it('creates a user with a generated password printed once', async () => {
    const { out, cli } = io();
    const code = await usersCreateCommand(['--username', 'nx-admin2', '--name', '系统管理员二', '--org', '640000-mzt', '--role', 'sysadmin'], cli);
    expect(code).toBe(0);
    const pw = /: (\S{16})$/.exec(out.find((l) => l.includes('initial password'))!)![1]!;
    const u = await tc.ctx.db
      .selectFrom('core.app_user')
      .select(['id', 'password_hash', 'must_change_password', 'is_demo'])
      .where('username', '=', 'nx-admin2')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(u.password_hash, pw)).toBe(true);
    expect(u).toMatchObject({ must_change_password: true, is_demo: false });
    const roles = await tc.ctx.db.selectFrom('core.role_assignment').select(['role_code', 'scope']).where('user_id', '=', u.id).execute();
    expect(roles).toEqual([{ role_code: 'sysadmin', scope: 'subtree' }]);
    const ev = await tc.ctx.db.selectFrom('core.audit_event').select(['action', 'actor_name']).where('entity_id', '=', u.id).execute();
    expect(ev).toEqual([{ action: 'user.create', actor_name: '系统(system)' }]);
  });

  it('exits 1 with a message on unknown org, role or weak password; nothing written', async () => {
    for (const args of [
      ['--username', 'x-1', '--name', '某', '--org', 'nope', '--role', 'clerk'],
      ['--username', 'x-2', '--name', '某', '--org', '640423-mzj', '--role', 'nope'],
      ['--username', 'x-3', '--name', '某', '--org', '640423-mzj', '--role', 'clerk', '--password', 'weak'],
    ]) {
      const { err, cli } = io();
      expect(await usersCreateCommand(args, cli)).toBe(1);
      expect(err.join('\n')).toMatch(/组织机构不存在|角色「nope」不存在|密码不符合要求/);
    }
    expect(await tc.ctx.db.selectFrom('core.app_user').select('id').where('username', 'in', ['x-1', 'x-2', 'x-3']).execute()).toEqual([]);
  });

  it('raises a usage error (exit 2 through runCli) on bad arguments', async () => {
    const { cli } = io();
    await expect(usersCreateCommand(['--username', 'x'], cli)).rejects.toBeInstanceOf(UsageError);
    await expect(usersCreateCommand(['--username', 'x', '--name', 'n', '--org', 'o', '--role', 'r', '--scope', 'all'], cli)).rejects.toBeInstanceOf(UsageError);
    await expect(usersCreateCommand(['--bogus', '1'], cli)).rejects.toBeInstanceOf(UsageError);
    const { runCli } = await import('../../server/cli.ts');
    const { err, cli: cli2 } = io();
    expect(await runCli(['users', 'create', '--username', 'x'], cli2)).toBe(2);
    expect(err.join('\n')).toContain('--name');
  });
});
