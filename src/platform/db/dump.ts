import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import { withTx, type AppContext } from '../context.ts';
import { currentMigrationName } from './renamed-migrations.ts';

/**
 * Logical dump/restore, engine-neutral: rows as JSON, restored with json_populate_recordset.
 * Used for backups, to carry an embedded (PGlite) database across PGlite upgrades whose on-disk
 * format changes, and to move from PGlite to PostgreSQL. Migration tables are not dumped: the
 * target is migrated to the same level first. Version 2 adds the job queue's jobs and schedules
 * (open timers) and, after the tables, whatever `extra` writes (attachment files: src/server/cli/db-backup.ts).
 */
export const DUMP_FORMAT = 'minzheng-dump';
// pgboss: the job queue's own schema; its jobs and schedules are dumped by name (JOB_TABLES), its
// bookkeeping (queues, stats, instances) is recreated by the target's own pg-boss.
const SKIP_SCHEMAS = ['pg_catalog', 'information_schema', 'public', 'pg_toast', 'pgboss'];
export const JOB_TABLES = ['pgboss.job', 'pgboss.schedule'];
const BATCH = 2000;

export type DumpHeader = {
  format: typeof DUMP_FORMAT;
  version: 1 | 2;
  appVersion: string;
  createdAt: string;
  migrations: string[];
  tables: string[];
  /** Version 2: whatever the caller adds (job queues, key check, files). */
  extra?: Record<string, unknown>;
};

/** Tables of the application schemas, parents before children (by foreign keys). */
export async function listTables(ctx: AppContext): Promise<string[]> {
  const tables = (
    await sql<{ name: string }>`
    select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r','p') and n.nspname not in (${sql.join(SKIP_SCHEMAS)}) and n.nspname not like 'pg_temp%'
    order by 1`.execute(ctx.db)
  ).rows.map((r) => r.name);
  const deps = (
    await sql<{ child: string; parent: string }>`
    select cn.nspname || '.' || c.relname as child, pn.nspname || '.' || p.relname as parent
    from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace cn on cn.oid = c.relnamespace
    join pg_class p on p.oid = k.confrelid join pg_namespace pn on pn.oid = p.relnamespace
    where k.contype = 'f'`.execute(ctx.db)
  ).rows;
  const ordered: string[] = [];
  const visit = (t: string, stack: Set<string>) => {
    if (ordered.includes(t) || stack.has(t)) return;
    stack.add(t);
    for (const d of deps) if (d.child === t && d.parent !== t && tables.includes(d.parent)) visit(d.parent, stack);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

type Write = (line: string) => Promise<void> | void;
export type DumpOptions = {
  /** Goes into the header (computed inside the snapshot). */
  extra?: (tx: AppContext) => Promise<Record<string, unknown>>;
  /** Written after the tables, inside the snapshot (attachment files). */
  after?: (tx: AppContext, write: Write) => Promise<void>;
};

/**
 * Write the dump as JSON lines through `write`, from one repeatable-read snapshot, so a dump
 * taken while the server runs is consistent across tables. Returns the row count per table.
 */
export async function dumpDatabase(ctx: AppContext, write: Write, opts: DumpOptions = {}): Promise<Record<string, number>> {
  return (ctx.db as Kysely<DB>)
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const tx: AppContext = { ...ctx, db: trx };
      const jobTables = (await sql<{ t: string | null }>`select to_regclass('pgboss.job')::text as t`.execute(trx)).rows[0]?.t ? JOB_TABLES : [];
      const tables = [...(await listTables(tx)), ...jobTables];
      const migrations = (await sql<{ name: string }>`select name from public.kysely_migration order by name`.execute(trx)).rows.map((r) => r.name);
      const header: DumpHeader = {
        format: DUMP_FORMAT,
        version: 2,
        appVersion: ctx.config.version,
        createdAt: new Date().toISOString(),
        migrations,
        tables,
        extra: opts.extra ? await opts.extra(tx) : {},
      };
      await write(JSON.stringify(header));
      const counts: Record<string, number> = {};
      for (const t of tables) {
        const ref = sql.table(t);
        // The job table is partitioned by queue: ctid repeats across partitions, its id does not.
        const order = t === 'pgboss.job' ? sql`id, name` : t === 'pgboss.schedule' ? sql`name, key` : sql`ctid`;
        await write(JSON.stringify({ table: t }));
        let n = 0;
        for (let offset = 0; ; offset += BATCH) {
          const page = sql<{ j: string }>`select row_to_json(t)::text as j from ${ref} t order by ${order} limit ${BATCH} offset ${offset}`;
          const rows = (await page.execute(trx)).rows;
          for (const r of rows) await write(r.j);
          n += rows.length;
          if (rows.length < BATCH) break;
        }
        counts[t] = n;
        await write(JSON.stringify({ end: t, rows: n }));
      }
      if (opts.after) await opts.after(tx, write);
      return counts;
    });
}

export type RestoreHooks = {
  /** Once the header is read, before the transaction (e.g. create the job queues the jobs belong to). */
  prepare?(header: DumpHeader): Promise<void>;
  /** A line outside any table (what DumpOptions.after wrote), inside the transaction. */
  line?(tx: AppContext, line: string, header: DumpHeader): Promise<void>;
  /**
   * The caller has checked that the target is fresh (migrated, nothing done in it yet): rows
   * that migrations inserted are replaced by the dump's instead of refusing the table.
   */
  replaceMigrationRows?: boolean;
  /** After the last line, inside the transaction: throw to roll everything back. */
  finish?(tx: AppContext, header: DumpHeader): Promise<void>;
};

/**
 * Load a dump into a migrated, empty database in one transaction. Foreign keys and the
 * audit log's append-only triggers are suspended for the load (session_replication_role),
 * which needs a superuser (or, on PostgreSQL ≥ 15, `grant set on parameter session_replication_role`) —
 * the embedded engine's user is one. Every table the header lists must arrive whole.
 */
export async function restoreDatabase(
  ctx: AppContext,
  lines: AsyncIterable<string>,
  knownMigrations: string[],
  hooks: RestoreHooks = {},
): Promise<Record<string, number>> {
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  const header = first.done ? null : (JSON.parse(first.value) as DumpHeader);
  if (!header || header.format !== DUMP_FORMAT) throw new Error('不是 Minzheng 备份文件 / not a Minzheng dump');
  // A dump of an older release lists the old migration names (renamed-migrations.ts).
  const unknown = header.migrations.map(currentMigrationName).filter((m) => !knownMigrations.includes(m));
  if (unknown.length) throw new Error(`备份来自更新的版本（未知迁移 ${unknown.join(', ')}）/ dump is from a newer version`);
  await hooks.prepare?.(header);
  return withTx(ctx, async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx.db);
    const counts: Record<string, number> = {};
    let table: string | null = null;
    let batch: string[] = [];
    const complete = new Set<string>();
    const flush = async () => {
      if (!table || !batch.length) return;
      const ref = sql.table(table);
      await sql`insert into ${ref} select * from json_populate_recordset(null::${ref}, ${'[' + batch.join(',') + ']'}::json)`.execute(tx.db);
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    for (let r = await it.next(); !r.done; r = await it.next()) {
      const line = r.value;
      if (!line) continue;
      if (line.startsWith('{"table":')) {
        table = (JSON.parse(line) as { table: string }).table;
        if (!header.tables.includes(table)) throw new Error(`备份中的表 ${table} 未在文件头登记 / table not in header`);
        counts[table] = 0;
        const [{ n }] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx.db)).rows as [{ n: number }];
        if (n > 0 && !hooks.replaceMigrationRows) throw new Error(`目标数据库的表 ${table} 不为空，只能恢复到空库 / target table ${table} is not empty`);
        // Reference rows a migration inserted into the fresh target give way to the dump's.
        if (n > 0) await sql`delete from ${sql.table(table)}`.execute(tx.db);
      } else if (line.startsWith('{"end":')) {
        await flush();
        const end = JSON.parse(line) as { end: string; rows: number };
        complete.add(end.end);
        if ((counts[end.end] ?? 0) !== end.rows) throw new Error(`表 ${end.end} 行数不符，备份可能不完整 / row count mismatch`);
        table = null;
      } else if (table) {
        batch.push(line);
        if (batch.length >= 500) await flush();
      } else if (hooks.line) {
        await hooks.line(tx, line, header);
      } else {
        throw new Error('备份文件格式错误 / malformed dump');
      }
    }
    const missing = header.tables.filter((t) => !complete.has(t));
    if (table || missing.length) throw new Error(`备份文件不完整（${table ?? missing[0]}）/ dump truncated`);
    await hooks.finish?.(tx, header);
    return counts;
  });
}
