import { loadConfig } from '../platform/config.ts';
import { openContext, prepareDatabase } from './boot.ts';
import { UsageError, type CliCommand, type CliIo } from './cli/io.ts';
import { codesCheckCommand } from './cli/codes-check.ts';
import { migrateCommand, seedCommand } from './cli/migrate-seed.ts';
import { dbDumpCommand, dbRestoreCommand } from './cli/db-dump-restore.ts';
import { dbRolesCommand } from './cli/db-roles.ts';
import { areasImportCommand, orgUnitsImportCommand } from './cli/areas-import.ts';
import { auditCheckpointCommand, auditVerifyCommand } from './cli/audit-verify.ts';
import { usersCreateCommand } from './cli/users-create.ts';
import { usersUnlockCommand } from './cli/users-unlock.ts';
import { workerCommand } from './cli/worker.ts';
import { PII_USAGE, piiRotateCommand } from './cli/pii-rotate.ts';
import { piiKeysCommand, piiRetireCommand } from './cli/pii-keys.ts';
import { CALENDAR_USAGE, calendarAddCommand, calendarExplainCommand, calendarIsWorkdayCommand } from './cli/calendar.ts';

export const USAGE = `用法 / usage: minzheng <command> [options]
  serve                         启动系统 / start API, console and portal
  worker                        运行后台任务（PostgreSQL;API 进程设 WORKER=off）/ run job handlers
  migrate                       执行数据库迁移 / run migrations
  seed [--demo]                 载入参考数据（及演示数据）/ load reference (and demo) data
  audit verify                  校验审计链 / verify the audit hash chains
  audit checkpoint              写入审计检查点 / write an audit checkpoint
  users create --username U --name 姓名 --org ORG_CODE --role ROLE [--scope subtree|org|self] [--password P]
  users unlock <username> [--reason R]   解除登录限制（管理员被锁时的应急手段）/ break-glass unlock
  areas import <file.csv> [--sample]     导入行政区划 / import areas
  org-units import <file.csv> [--sample] 导入组织机构 / import org units
  db dump <file>                导出全部数据、任务队列和附件（逻辑备份）/ dump tables, job queue and attachments
  db restore <file>             导入备份到空库 / restore a dump into an empty database
  db roles [--app NAME] [--owner NAME]   打印最小权限角色的 SQL / print SQL for a least-privilege app role
  codes check <code>...         校验统一社会信用代码、身份证号、区划代码 / check codes
${CALENDAR_USAGE}
${PII_USAGE}
环境变量 / env: DATA_DIR（默认 ./data），DATABASE_URL (postgres://…), PORT`;

const COMMANDS: Record<string, CliCommand | Record<string, CliCommand>> = {
  serve: async () => {
    const { startServer } = await import('./main.ts');
    const { stop } = await startServer();
    await new Promise<void>((resolve) => {
      for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
    });
    await stop();
    return 0;
  },
  worker: workerCommand,
  migrate: migrateCommand,
  seed: seedCommand,
  audit: { verify: auditVerifyCommand, checkpoint: auditCheckpointCommand },
  users: { create: usersCreateCommand, unlock: usersUnlockCommand },
  areas: { import: areasImportCommand },
  'org-units': { import: orgUnitsImportCommand },
  db: { dump: dbDumpCommand, restore: dbRestoreCommand, roles: dbRolesCommand },
  codes: { check: codesCheckCommand },
  pii: { keys: piiKeysCommand, rotate: piiRotateCommand, retire: piiRetireCommand },
  calendar: { add: calendarAddCommand, explain: calendarExplainCommand, 'is-workday': calendarIsWorkdayCommand },
};

/** Run the CLI; resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, sub, ...rest] = argv;
  const entry = name ? COMMANDS[name] : undefined;
  let cmd: CliCommand | undefined;
  let args: string[] = [];
  if (typeof entry === 'function') {
    cmd = entry;
    args = argv.slice(1);
  } else if (entry && sub && entry[sub]) {
    cmd = entry[sub];
    args = rest;
  }
  if (!cmd) {
    if (name === '--help' || name === '-h' || name === 'help') {
      io.out(USAGE);
      return 0;
    }
    io.err(name ? `未知命令 / unknown command: ${[name, sub].filter(Boolean).join(' ')}` : '缺少命令 / missing command');
    io.err(USAGE);
    return 2;
  }
  try {
    return await cmd(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      io.err(USAGE);
      return 2;
    }
    io.err(`错误 / error: ${e instanceof Error ? ((e as { userMessage?: string }).userMessage ?? e.message) : String(e)}`);
    return 1;
  }
}

function defaultIo(): CliIo {
  return {
    out: (l) => process.stdout.write(l + '\n'),
    err: (l) => process.stderr.write(l + '\n'),
    open: async () => {
      const booted = await openContext(loadConfig());
      await prepareDatabase(booted.ctx, { demo: false });
      return booted;
    },
  };
}

if (import.meta.main) {
  process.exitCode = await runCli(process.argv.slice(2));
}
