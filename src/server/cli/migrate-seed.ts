import { loadConfig } from '../../platform/config.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { openContext } from '../boot.ts';
import { migrations } from '../migrations.ts';
import { seedDemo, seedDemoHistory, seedReference } from '../seed.ts';
import { parseFlags } from './args.ts';
import { UsageError, type CliCommand } from './io.ts';

export const migrateCommand: CliCommand = async (argv, io) => {
  if (argv.length) throw new UsageError('migrate 不接受参数 / migrate takes no arguments');
  const { ctx, handle } = await openContext(loadConfig());
  try {
    const r = await migrateToLatest(ctx.db as never, migrations);
    const done = r.results?.filter((m) => m.status === 'Success') ?? [];
    io.out(done.length ? done.map((m) => `已迁移 / migrated: ${m.migrationName}`).join('\n') : '数据库已是最新 / database is up to date');
    return 0;
  } finally {
    await handle.close();
  }
};

export const seedCommand: CliCommand = async (argv, io) => {
  const { flags, positional } = parseFlags(argv, [], ['demo']);
  if (positional.length) throw new UsageError(`多余的参数 / unexpected argument: ${positional[0]}`);
  const { ctx, handle } = await io.open();
  try {
    await seedReference(ctx);
    io.out('参考数据已载入 / reference data loaded');
    if (flags.demo) {
      await seedDemo(ctx);
      await seedDemoHistory(ctx);
      io.out('演示数据已载入（演示账号密码 Minzheng@2019）/ demo data loaded');
    }
    return 0;
  } finally {
    await handle.close();
  }
};
