import { createReadStream, createWriteStream, existsSync, renameSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { once } from 'node:events';
import { loadConfig } from '../../platform/config.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { dumpDatabase, restoreDatabase } from '../../platform/db/dump.ts';
import { openContext } from '../boot.ts';
import { migrations } from '../migrations.ts';
import { UsageError, type CliCommand } from './io.ts';

/** `minzheng db dump <file>` — gzip'd JSON lines; written to <file>.part, renamed when complete. */
export const dbDumpCommand: CliCommand = async (argv, io) => {
  if (argv.length !== 1 || argv[0]!.startsWith('--')) throw new UsageError('db dump 需要一个输出文件 / needs one output file');
  const file = argv[0]!;
  const { ctx, handle } = await openContext(loadConfig());
  try {
    const gz = createGzip();
    const out = createWriteStream(file + '.part');
    gz.pipe(out);
    const counts = await dumpDatabase(ctx, async (line) => {
      if (!gz.write(line + '\n')) await once(gz, 'drain');
    });
    gz.end();
    await once(out, 'close');
    renameSync(file + '.part', file);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    io.out(`已导出 / dumped ${total} 行 rows, ${Object.keys(counts).length} 张表 tables → ${file}`);
    return 0;
  } finally {
    await handle.close();
  }
};

/** `minzheng db restore <file>` — into a freshly migrated, empty database. */
export const dbRestoreCommand: CliCommand = async (argv, io) => {
  if (argv.length !== 1 || argv[0]!.startsWith('--')) throw new UsageError('db restore 需要一个备份文件 / needs one dump file');
  const file = argv[0]!;
  if (!existsSync(file)) {
    io.err(`文件不存在 / no such file: ${file}`);
    return 2;
  }
  const { ctx, handle } = await openContext(loadConfig());
  try {
    await migrateToLatest(ctx.db as never, migrations);
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    const counts = await restoreDatabase(ctx, lines, Object.keys(migrations));
    await migrateToLatest(ctx.db as never, migrations);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    io.out(`已恢复 / restored ${total} 行 rows into ${Object.keys(counts).length} 张表 tables`);
    return 0;
  } finally {
    await handle.close();
  }
};
