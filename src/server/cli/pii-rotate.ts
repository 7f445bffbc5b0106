import { rotatePii } from '../../kernel/identity/rotate-pii.ts';
import { newPiiKey, piiKeyring } from '../../platform/crypto/pii-key.ts';
import { parseFlags } from './args.ts';
import { UsageError, type CliCommand } from './io.ts';

export const PII_USAGE = `  pii keys                      列出加密密钥及其数据、文件数 / list keys with value and file counts
  pii rotate [--new-key] [--stop-after N]  用当前密钥重新加密全部个人信息和附件（可续跑）/ re-encrypt under the current key (resumable)
  pii retire <kid>              停用已无数据使用的旧密钥 / retire an unused earlier key`;

/**
 * `minzheng pii rotate`: re-encrypt every PII value and stored file under the current key,
 * printing progress; run it again after an interruption and it continues where it stopped.
 * --new-key first makes a fresh key current (key file or core.secret; with PII_KEY the operator
 * sets PII_KEY to the new key and PII_OLD_KEYS to the old one instead). --stop-after N stops
 * after N items (to split the work over maintenance windows).
 */
export const piiRotateCommand: CliCommand = async (argv, io) => {
  const { flags, positional } = parseFlags(argv, ['stop-after'], ['new-key']);
  if (positional.length) throw new UsageError('pii rotate 不接受位置参数 / takes no positional arguments');
  const stopAfter = flags['stop-after'] === undefined ? undefined : Number(flags['stop-after']);
  if (stopAfter !== undefined && !(Number.isInteger(stopAfter) && stopAfter > 0)) throw new UsageError('--stop-after 须为正整数 / must be a positive integer');
  const { ctx, handle } = await io.open();
  try {
    if (flags['new-key']) {
      const k = await newPiiKey(ctx);
      io.out(`新密钥 / new key: ${k.kid}（原密钥 ${k.oldKid} 保留用于解密，轮换完成后可停用）`);
      io.out('请重启正在运行的服务进程 / restart running servers so they encrypt with the new key');
    }
    io.out(`当前密钥 / current key: ${(await piiKeyring(ctx)).kid}`);
    const r = await rotatePii(ctx, { stopAfter, onProgress: (l) => io.out(l) });
    return r.done ? 0 : 3;
  } finally {
    await handle.close();
  }
};
