import { listPiiKeys, retirePiiKey } from '../../kernel/identity/pii-keys.ts';
import { UsageError, type CliCommand } from './io.ts';

const STATUS = { current: '当前 current', previous: '旧 previous', missing: '缺失 missing', retired: '已停用 retired' };

/** `minzheng pii keys`: every key id with its status and how many values and files use it. */
export const piiKeysCommand: CliCommand = async (argv, io) => {
  if (argv.length) throw new UsageError('pii keys 不接受参数 / takes no arguments');
  const { ctx, handle } = await io.open();
  try {
    const { keys, plainFiles } = await listPiiKeys(ctx);
    io.out('kid       status           values   files  retired');
    for (const k of keys)
      io.out(`${k.kid}  ${STATUS[k.status].padEnd(15)}  ${String(k.values).padStart(6)}  ${String(k.files).padStart(6)}  ${k.retiredAt?.toISOString() ?? '-'}`);
    if (plainFiles) io.out(`未加密的旧文件 / plaintext files: ${plainFiles}（运行 minzheng pii rotate 加密）`);
    const missing = keys.filter((k) => k.status === 'missing' && (k.values || k.files));
    if (missing.length) io.err(`缺少密钥 / keys missing: ${missing.map((k) => k.kid).join(', ')}（请加入 PII_OLD_KEYS）`);
    return missing.length ? 1 : 0;
  } finally {
    await handle.close();
  }
};

/** `minzheng pii retire <kid>`: refuses the current key and any key still in use. */
export const piiRetireCommand: CliCommand = async (argv, io) => {
  if (argv.length !== 1) throw new UsageError('用法 / usage: pii retire <kid>');
  const { ctx, handle } = await io.open();
  try {
    const r = await retirePiiKey(ctx, argv[0]!);
    io.out(`已停用密钥 / retired ${argv[0]}`);
    io.out(r.materialDeleted ? '密钥材料已删除 / key material deleted' : '请从 PII_OLD_KEYS 中删除该密钥 / now remove it from PII_OLD_KEYS');
    return 0;
  } finally {
    await handle.close();
  }
};
