import { createHash } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'kysely';
import type { Config } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { dumpDatabase, restoreDatabase, type DumpHeader } from '../../platform/db/dump.ts';
import { piiKey } from '../../platform/crypto/pii-key.ts';
import { PGBOSS_SCHEMA_VERSION } from '../../platform/jobs/install.ts';
import { openContext } from '../boot.ts';
import { migrations } from '../migrations.ts';

/**
 * A backup is one gzip'd JSON-lines file: the dump of every application table, the job queue's
 * jobs and schedules (open deadline timers), then every attachment file under
 * DATA_DIR/attachments, in base64 chunks with size and SHA-256. The PII key is *not* in it: the
 * header holds a check value, and a restore refuses a target whose key differs.
 */
const CHUNK = 192 * 1024; // bytes per line before base64

type QueueRow = {
  name: string;
  policy: string;
  retry_limit: number;
  retry_delay: number;
  retry_backoff: boolean;
  expire_seconds: number;
  retention_seconds: number;
};
type Extra = { keyCheck: string; jobsSchema: number | null; queues: QueueRow[]; files: number };

export type BackupSummary = { tables: number; rows: number; jobs: number; files: number; fileBytes: number };

export const attachmentsDir = (config: Config) => path.resolve(config.dataDir, 'attachments');

/** A short fingerprint of the SM4 PII key: enough to tell two keys apart, useless to find one. */
export const keyCheck = (key: Buffer) => createHash('sm3').update('minzheng-pii-key-check\0').update(key).digest('hex').slice(0, 16);

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name.endsWith('.part')) continue; // half-written uploads
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

/** `minzheng db dump <file>`: written to <file>.part, renamed when complete. */
export async function dumpToFile(config: Config, file: string): Promise<BackupSummary> {
  const { ctx, handle } = await openContext(config);
  const root = attachmentsDir(config);
  let files = 0;
  let fileBytes = 0;
  try {
    const gz = createGzip();
    const out = createWriteStream(file + '.part', { mode: 0o600 });
    gz.pipe(out);
    const write = async (line: string) => {
      if (!gz.write(line + '\n')) await once(gz, 'drain');
    };
    const counts = await dumpDatabase(ctx, write, {
      extra: async (tx): Promise<Extra> => ({
        keyCheck: keyCheck((await piiKey(tx)).key),
        jobsSchema: PGBOSS_SCHEMA_VERSION,
        queues: await queueRows(tx),
        files: listFiles(root).length,
      }),
      // Files after the rows: every file a dumped row names was written before that row committed.
      after: async (_tx, w) => {
        for (const rel of listFiles(root)) {
          const bytes = statSync(path.join(root, rel)).size;
          const sha = createHash('sha256');
          await w(JSON.stringify({ file: rel, bytes }));
          for await (const chunk of createReadStream(path.join(root, rel), { highWaterMark: CHUNK })) {
            sha.update(chunk as Buffer);
            await w(JSON.stringify({ chunk: (chunk as Buffer).toString('base64') }));
          }
          await w(JSON.stringify({ endfile: rel, sha256: sha.digest('hex') }));
          files++;
          fileBytes += bytes;
        }
      },
    });
    gz.end();
    await once(out, 'close');
    renameSync(file + '.part', file);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    return { tables: Object.keys(counts).length, rows, jobs: counts['pgboss.job'] ?? 0, files, fileBytes };
  } finally {
    await handle.close();
  }
}

const queueRows = async (ctx: AppContext) =>
  (
    await sql<QueueRow>`select name, policy, retry_limit, retry_delay, retry_backoff, expire_seconds, retention_seconds
      from pgboss.queue order by name`.execute(ctx.db)
  ).rows;

/** `minzheng db restore <file>`: into a freshly migrated, empty database and an empty attachments directory. */
export async function restoreFromFile(config: Config, file: string): Promise<BackupSummary> {
  const { ctx, handle, jobs } = await openContext(config);
  const root = attachmentsDir(config);
  let files = 0;
  let fileBytes = 0;
  let current: { rel: string; fd: number; tmp: string; bytes: number; expected: number; sha: ReturnType<typeof createHash> } | null = null;
  let keyChecked = false;
  const checkKey = async (tx: AppContext, header: DumpHeader) => {
    if (keyChecked) return;
    keyChecked = true;
    const want = (header.extra as Extra | undefined)?.keyCheck;
    if (want && keyCheck((await piiKey(tx)).key) !== want)
      throw new Error(
        '目标的个人信息加密密钥与备份不同：请把 PII_KEY 设为源系统的密钥（内嵌数据库为 <DATA_DIR>/secrets/pii.key 的内容）后重试 / ' +
          "the target's PII key differs from the dump's: set PII_KEY to the source's key (embedded: the content of <DATA_DIR>/secrets/pii.key)",
      );
  };
  try {
    await migrateToLatest(ctx.db as never, migrations);
    // Fresh means nothing happened here yet: no account and no audit event. Reference rows
    // that migrations insert are then replaced by the dump's.
    const used = await sql<{ n: number }>`select (select count(*) from core.app_user)::int + (select count(*) from core.audit_event)::int as n`.execute(ctx.db);
    if (used.rows[0]!.n > 0) throw new Error('目标数据库不为空（已有用户或审计记录），只能恢复到新建的空库 / target database is not empty');
    const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    const counts = await restoreDatabase(ctx, lines, Object.keys(migrations), {
      replaceMigrationRows: true,
      async prepare(header) {
        const extra = header.extra as Extra | undefined;
        if (extra?.jobsSchema && extra.jobsSchema !== PGBOSS_SCHEMA_VERSION)
          throw new Error(`备份的任务队列版本 ${extra.jobsSchema} 与本版本 ${PGBOSS_SCHEMA_VERSION} 不同 / job queue schema differs`);
        if (extra?.files && listFiles(root).length) throw new Error(`附件目录 ${root} 不为空，只能恢复到空目录 / attachments directory is not empty`);
        // The jobs' queues: the target's pg-boss creates the registered ones; the rest from the dump.
        const have = new Set((await jobs!.boss.getQueues()).map((q) => q.name));
        for (const q of extra?.queues ?? []) {
          if (have.has(q.name)) continue;
          await jobs!.boss.createQueue(q.name, {
            policy: q.policy,
            retryLimit: q.retry_limit,
            retryDelay: q.retry_delay,
            retryBackoff: q.retry_backoff,
            expireInSeconds: q.expire_seconds,
            retentionSeconds: q.retention_seconds,
          });
        }
      },
      async line(tx, line, header) {
        await checkKey(tx, header); // before the first file is written
        const rec = JSON.parse(line) as { file?: string; bytes?: number; chunk?: string; endfile?: string; sha256?: string };
        if (rec.file !== undefined) {
          if (current || path.isAbsolute(rec.file) || rec.file.split('/').includes('..')) throw new Error(`备份中的文件名无效 / bad file entry: ${rec.file}`);
          const target = path.join(root, rec.file);
          mkdirSync(path.dirname(target), { recursive: true });
          const tmp = target + '.part';
          current = { rel: rec.file, fd: openSync(tmp, 'w', 0o600), tmp, bytes: 0, expected: rec.bytes ?? -1, sha: createHash('sha256') };
        } else if (rec.chunk !== undefined && current) {
          const buf = Buffer.from(rec.chunk, 'base64');
          writeSync(current.fd, buf);
          current.sha.update(buf);
          current.bytes += buf.length;
        } else if (rec.endfile !== undefined && current && rec.endfile === current.rel) {
          closeSync(current.fd);
          if (current.bytes !== current.expected || current.sha.digest('hex') !== rec.sha256) {
            rmSync(current.tmp, { force: true });
            throw new Error(`备份中的文件 ${current.rel} 已损坏 / file damaged in the dump`);
          }
          renameSync(current.tmp, path.join(root, current.rel));
          chmodSync(path.join(root, current.rel), 0o600);
          files++;
          fileBytes += current.bytes;
          current = null;
        } else {
          throw new Error('备份文件格式错误 / malformed dump');
        }
      },
      async finish(tx, header) {
        if (current) throw new Error(`备份文件不完整（${current.rel}）/ dump truncated`);
        const expected = (header.extra as Extra | undefined)?.files;
        if (expected !== undefined && files !== expected) throw new Error(`备份文件不完整：附件 ${files}/${expected} / dump truncated`);
        await checkKey(tx, header);
      },
    });
    await migrateToLatest(ctx.db as never, migrations);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    return { tables: Object.keys(counts).length, rows, jobs: counts['pgboss.job'] ?? 0, files, fileBytes };
  } finally {
    const open = current as { fd: number; tmp: string } | null;
    if (open) {
      closeSync(open.fd);
      rmSync(open.tmp, { force: true });
    }
    await handle.close();
  }
}
