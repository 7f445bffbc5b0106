import { existsSync } from 'node:fs';
import { loadConfig } from '../../platform/config.ts';
import { dumpToFile, restoreFromFile, type BackupSummary } from './db-backup.ts';
import { UsageError, type CliCommand } from './io.ts';

const summary = (s: BackupSummary) =>
  `${s.rows} 行 rows in ${s.tables} 张表 tables（其中任务 ${s.jobs} jobs），${s.files} 个附件 files (${(s.fileBytes / 1024 / 1024).toFixed(1)} MB)`;

/** `minzheng db dump <file>` — tables, job queue (open timers) and attachment files, gzip'd JSON lines. */
export const dbDumpCommand: CliCommand = async (argv, io) => {
  if (argv.length !== 1 || argv[0]!.startsWith('--')) throw new UsageError('db dump 需要一个输出文件 / needs one output file');
  const s = await dumpToFile(loadConfig(), argv[0]!);
  io.out(`已导出 / dumped ${summary(s)} → ${argv[0]}`);
  return 0;
};

/** `minzheng db restore <file>` — into a freshly migrated, empty database; then run `minzheng audit verify`. */
export const dbRestoreCommand: CliCommand = async (argv, io) => {
  if (argv.length !== 1 || argv[0]!.startsWith('--')) throw new UsageError('db restore 需要一个备份文件 / needs one dump file');
  const file = argv[0]!;
  if (!existsSync(file)) {
    io.err(`文件不存在 / no such file: ${file}`);
    return 2;
  }
  const s = await restoreFromFile(loadConfig(), file);
  io.out(`已恢复 / restored ${summary(s)}`);
  io.out('请运行 `minzheng audit verify` 校验审计链 / now run `minzheng audit verify`');
  return 0;
};
