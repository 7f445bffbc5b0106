import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { registerDailyJob } from '../jobs/daily.ts';
import { filesRoot, PENDING, STORAGE_KEY, walkStore } from './file-store.ts';

/** A file younger than this is never removed: its row may still be on the way. */
export const SWEEP_GRACE_MS = 24 * 3600_000;

/**
 * The tables whose `storage_key` column names stored files (core.attachment, core.document and any
 * later table that follows the convention), found in the catalogue so the sweep never misses one.
 */
async function referenced(ctx: AppContext, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const tables = await sql<{ schema: string; table: string }>`
    select c.table_schema as schema, c.table_name as table from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.column_name = 'storage_key'`.execute(ctx.db);
  const found = new Set<string>();
  for (const t of tables.rows) {
    const r = await sql<{
      k: string;
    }>`select distinct storage_key as k from ${sql.table(`${t.schema}.${t.table}`)} where storage_key = any(${keys}::text[])`.execute(ctx.db);
    for (const x of r.rows) found.add(x.k);
  }
  return found;
}

export type SweepResult = { removed: string[]; completed: string[]; kept: number };

/**
 * Remove stored files no row refers to, and unfinished writes (`.tmp`), once older than the grace
 * period; a pending file whose row did commit (a crash between commit and the move) is moved into
 * place instead. Idempotent: safe to run twice at once.
 */
export async function sweepFiles(ctx: AppContext, opts: { graceMs?: number } = {}): Promise<SweepResult> {
  const root = filesRoot(ctx.config);
  const cutoff = ctx.clock.now().getTime() - (opts.graceMs ?? SWEEP_GRACE_MS);
  const out: SweepResult = { removed: [], completed: [], kept: 0 };
  let batch: { file: string; key: string; pending: boolean }[] = [];
  const flush = async () => {
    const refs = await referenced(ctx, [...new Set(batch.map((b) => b.key))]);
    for (const b of batch) {
      const final = path.join(path.dirname(b.file), b.key);
      // Touched again since it was listed (an upload of the same content): leave it.
      const st = await stat(b.file).catch(() => null);
      if (!st || st.mtimeMs >= cutoff) continue;
      if (b.pending && refs.has(b.key) && !(await stat(final).catch(() => null))) {
        await rename(b.file, final);
        out.completed.push(b.file);
      } else if (b.pending || !refs.has(b.key)) {
        await rm(b.file, { force: true });
        out.removed.push(b.file);
      } else out.kept++;
    }
    batch = [];
  };
  for await (const { dir, name } of walkStore(root)) {
    const pending = PENDING.exec(name);
    const key = pending ? pending[1]! : STORAGE_KEY.test(name) ? name : null;
    if (!key) continue;
    const file = path.join(dir, name);
    const st = await stat(file).catch(() => null);
    if (!st?.isFile()) continue;
    if (st.mtimeMs >= cutoff) {
      out.kept++;
      continue;
    }
    batch.push({ file, key, pending: !!pending });
    if (batch.length >= 500) await flush();
  }
  await flush();
  return out;
}

/** Daily at 03:00 China time, once per deployment (src/platform/jobs/daily.ts). */
export const FILE_SWEEP_JOB = 'files.sweep';
registerDailyJob(FILE_SWEEP_JOB, 3, async (ctx) => {
  const r = await sweepFiles(ctx);
  if (r.removed.length || r.completed.length)
    ctx.logger.info(`附件清理：删除无引用文件 ${r.removed.length} 个，补完移动 ${r.completed.length} 个 / swept ${r.removed.length} orphaned files`);
});
