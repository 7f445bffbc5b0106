import { createRequire } from 'node:module';
import { sql, type Kysely } from 'kysely';
import { PgBoss, fromPglite, type ConstructorOptions } from 'pg-boss';
import type { DbHandle } from '../db/create-db.ts';
import type { DB } from '../db/schema.ts';
import type { AppContext } from '../context.ts';

/** pg-boss keeps its tables in this schema, beside ours (dumps carry its jobs and schedules: src/platform/db/dump.ts). */
export const JOBS_SCHEMA = 'pgboss';

/** The schema version the installed pg-boss package expects. */
export const PGBOSS_SCHEMA_VERSION: number = (createRequire(import.meta.url)('pg-boss/package.json') as { pgboss: { schema: number } }).pgboss.schema;

export type SchemaState = 'missing' | 'outdated' | 'current';

/** Whether the pg-boss schema is installed and at the package's version (two cheap catalog reads). */
export async function jobsSchemaState(db: Kysely<DB>): Promise<SchemaState> {
  const reg = await sql<{ t: string | null }>`select to_regclass(${`${JOBS_SCHEMA}.version`})::text as t`.execute(db);
  if (!reg.rows[0]?.t) return 'missing';
  const v = await sql<{ version: number }>`select version from ${sql.table(`${JOBS_SCHEMA}.version`)}`.execute(db);
  return Number(v.rows[0]?.version) === PGBOSS_SCHEMA_VERSION ? 'current' : 'outdated';
}

export type BossRole = 'sender' | 'worker';

/**
 * Constructor options for one pg-boss instance. The sender exists in every process (it only
 * enqueues); the worker, started by `JobsRuntime.start`, polls, supervises (expires jobs whose
 * worker died, purges old ones) and runs cron schedules.
 */
export function bossOptions(handle: DbHandle, role: BossRole, opts: { databaseUrl?: string; migrate: boolean; max: number }): ConstructorOptions {
  const common: ConstructorOptions = {
    schema: JOBS_SCHEMA,
    migrate: opts.migrate,
    supervise: role === 'worker',
    schedule: role === 'worker',
    registerInstance: role === 'worker',
    instanceName: role === 'worker' ? 'minzheng-worker' : undefined,
    openTelemetry: { enabled: false },
  };
  if (handle.kind === 'pglite') {
    if (!handle.pglite) throw new Error('PGlite handle without its engine');
    // One engine, one session: pg-boss's statements queue behind open transactions, never inside them.
    return { ...common, db: fromPglite(handle.pglite), backend: 'pglite' };
  }
  if (!opts.databaseUrl) throw new Error('jobs on PostgreSQL need the database URL');
  return { ...common, connectionString: opts.databaseUrl, max: opts.max, application_name: `minzheng-jobs-${role}` };
}

/** Attach loggers: an EventEmitter 'error' without a listener would crash the process. */
export function watchBoss(boss: PgBoss, logger: AppContext['logger'], role: BossRole): PgBoss {
  boss.on('error', (err) => logger.error({ err, role }, '任务队列错误 / job queue error'));
  boss.on('warning', (w) => logger.warn({ role, data: w.data }, `任务队列警告 / job queue warning: ${w.message}`));
  return boss;
}
