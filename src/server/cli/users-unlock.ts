import { unlockUserAsSystem } from '../../kernel/identity/commands/unlock-user.ts';
import { AppError } from '../../platform/errors.ts';
import { parseFlags } from './args.ts';
import { UsageError, type CliCommand } from './io.ts';

const USAGE = 'users unlock <username> [--reason 原因]';

/**
 * `minzheng users unlock <username>`: break-glass 解锁 at the server, for when the throttled
 * account is the administrator's own. Clears its login throttle; audited as the system actor.
 */
export const usersUnlockCommand: CliCommand = async (argv, io) => {
  const { flags, positional } = parseFlags(argv, ['reason']);
  if (positional.length !== 1) throw new UsageError(`请给出一个用户名 / give one username\n${USAGE}`);
  const reason = typeof flags.reason === 'string' && flags.reason.trim() ? flags.reason.trim() : '服务器命令行解锁（break-glass）';
  const { ctx, handle } = await io.open();
  try {
    const r = await unlockUserAsSystem(ctx, positional[0]!, reason);
    io.out(`已解锁 / unlocked ${r.username}：登录失败计数已清零，可立即登录 / login counters cleared`);
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
