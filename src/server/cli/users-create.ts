import { createUserAsSystem } from '../../kernel/identity/commands/create-user.ts';
import { AppError } from '../../platform/errors.ts';
import { parseFlags } from './args.ts';
import { UsageError, type CliCommand } from './io.ts';

const USAGE = 'users create --username U --name 姓名 --org ORG_CODE --role ROLE [--scope subtree|org|self] [--password P]';

/**
 * `minzheng users create`: the way to make the first administrator of a production install
 * (no demo accounts there). Without --password a strong one is generated and printed once;
 * the user must change it at first login. Audited as the system actor.
 */
export const usersCreateCommand: CliCommand = async (argv, io) => {
  const { flags, positional } = parseFlags(argv, ['username', 'name', 'org', 'role', 'scope', 'password']);
  const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined);
  const missing = ['username', 'name', 'org', 'role'].filter((k) => !str(k));
  if (positional.length) throw new UsageError(`多余的参数 / unexpected argument: ${positional[0]}\n${USAGE}`);
  if (missing.length) throw new UsageError(`缺少选项 / missing: ${missing.map((m) => '--' + m).join(' ')}\n${USAGE}`);
  const scope = str('scope') ?? 'subtree';
  if (scope !== 'subtree' && scope !== 'org' && scope !== 'self')
    throw new UsageError(`--scope 应为 subtree、org 或 self / must be subtree, org or self\n${USAGE}`);
  const username = str('username')!.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{1,39}$/.test(username)) throw new UsageError('用户名为 2–40 位小写字母、数字、.、_、- / invalid username');

  const { ctx, handle } = await io.open();
  try {
    const ou = await ctx.db.selectFrom('core.org_unit').select(['id', 'name']).where('code', '=', str('org')!).executeTakeFirst();
    if (!ou) {
      io.err(`组织机构不存在 / unknown org unit: ${str('org')}`);
      return 1;
    }
    const r = await createUserAsSystem(ctx, {
      username,
      displayName: str('name')!,
      orgUnitId: ou.id,
      password: str('password'),
      roles: [{ roleCode: str('role')!, scope }],
    });
    io.out(`已创建用户 / created user ${username} (${str('name')}) @ ${ou.name}，角色 role ${str('role')} (${scope})`);
    if (r.initialPassword) io.out(`初始密码（仅显示一次，首次登录须修改）/ initial password (shown once): ${r.initialPassword}`);
    else io.out('首次登录须修改密码 / must change the password at first login');
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      io.err(`错误 / error: ${e.userMessage}`);
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
};
