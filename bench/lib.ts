import { sql, type Kysely } from 'kysely';
import { parseConfig } from '../src/platform/config.ts';
import { createDb, type DbHandle } from '../src/platform/db/create-db.ts';
import { systemClock, type AppContext } from '../src/platform/context.ts';
import { createJobs } from '../src/platform/jobs/pg-boss-jobs.ts';
import { prepareDatabase } from '../src/server/boot.ts';
import { jobRegistry } from '../src/server/worker.ts';
import { adminQuery, quoteIdent, withDatabase } from '../tests/helpers/databases.ts';
import type { Actor } from '../src/kernel/identity/actor.ts';
import { currentCalendar } from '../src/kernel/calendar/load-calendar.ts';

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/** A fresh, migrated and seeded database for one benchmark run: PGlite in memory, or a new PostgreSQL database. */
export async function openBenchDb(
  opts: { pool?: number; demo?: boolean; log?: import('kysely').LogConfig } = {},
): Promise<{ ctx: AppContext; handle: DbHandle; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  let handle: DbHandle;
  let drop = async () => {};
  if (url) {
    // BENCH_DB_PREFIX names the scratch database (e.g. mz_<engineer>) on a shared server.
    const name = `${process.env.BENCH_DB_PREFIX ?? 'mz_bench'}_${process.pid}_${Date.now()}`;
    await adminQuery(url, `create database ${quoteIdent(name)}`);
    handle = await createDb({ kind: 'postgres', url: withDatabase(url, name), max: opts.pool ?? 10, log: opts.log });
    drop = () => adminQuery(url, `drop database if exists ${quoteIdent(name)} with (force)`);
  } else {
    handle = await createDb({ kind: 'pglite', dataDir: 'memory://', log: opts.log });
  }
  const opened = await prepareBenchDb(handle, url, opts.demo ?? false);
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await drop();
    },
  };
}

/** An existing PostgreSQL database (the generator's target, or one it filled), migrated and with reference data. */
export async function openDbAt(url: string, pool = 10): Promise<{ ctx: AppContext; handle: DbHandle; close(): Promise<void> }> {
  return prepareBenchDb(await createDb({ kind: 'postgres', url, max: pool }), url, false);
}

async function prepareBenchDb(handle: DbHandle, url: string | undefined, demo: boolean) {
  const config = parseConfig({ DATABASE_URL: url, DEMO: 'off', LOG_LEVEL: 'silent', PII_KEY: '0123456789abcdef0123456789abcdef' });
  const jobs = await createJobs(handle, config, {
    databaseUrl: url ? withDatabase(url, (await sql<{ d: string }>`select current_database() as d`.execute(handle.db)).rows[0]!.d) : undefined,
    registry: jobRegistry,
  });
  const ctx: AppContext = { db: handle.db, dbKind: handle.kind, config, clock: systemClock, jobs: jobs.jobs, logger: silent };
  await prepareDatabase(ctx, { demo });
  await currentCalendar(ctx); // the running app warms the calendar cache the same way
  return {
    ctx,
    handle,
    close: async () => {
      await jobs.stop({ graceful: false });
      await handle.close();
    },
  };
}

/** An actor holding the given permissions (subtree) at an org unit, for driving commands directly. */
export async function actorAt(ctx: AppContext, orgCode: string, permissions: string[]): Promise<Actor> {
  const o = await ctx.db.selectFrom('core.org_unit').select(['id', 'name', 'area_code', 'area_path']).where('code', '=', orgCode).executeTakeFirstOrThrow();
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'bench',
    displayName: '基准测试',
    orgUnitId: o.id,
    areaCode: o.area_code,
    areaPath: o.area_path,
    sessionId: null,
    clientIp: null,
    grants: [
      {
        assignmentId: 'bench',
        roleCode: 'clerk',
        roleName: '',
        orgUnitId: o.id,
        orgUnitName: o.name,
        areaCode: o.area_code,
        areaPath: o.area_path,
        scope: 'subtree',
        permissions,
        delegatedBy: null,
        validTo: null,
      },
    ],
  };
}

/** `n` enforcement officers of an org unit with a 行政执法证 valid 2020–2099 (a 双随机 pool is picked from them); their ids. */
export async function benchOfficers(ctx: AppContext, orgUnitId: string, n: number): Promise<string[]> {
  return (
    await sql<{ id: string }>`insert into enforcement.officer (id, name, cert_no, org_unit_id, area_path, valid_from, valid_to, created_at)
      select gen_random_uuid(), '检查员' || g, 'BENCH' || lpad(g::text, 6, '0'), u.id, u.area_path, date '2020-01-01', date '2099-12-31', now()
      from core.org_unit u cross join generate_series(1, ${n}) g where u.id = ${orgUnitId} returning id`.execute(ctx.db)
  ).rows.map((r) => r.id);
}

/**
 * `public.bench_<t>` for each of `tables` of `schema`: the same columns, defaults and indexes (LIKE … INCLUDING ALL)
 * and the same foreign keys, which LIKE does not copy but the real tables check on every row — so a baseline writing
 * into them does the same work. A key to another of `tables` points at that table's bench copy.
 */
export async function benchTablesLike(db: Kysely<any>, schema: string, tables: readonly string[]) {
  for (const t of tables) await sql.raw(`create table public.bench_${t} (like ${schema}.${t} including all)`).execute(db);
  for (const t of tables) {
    const fks = (
      await sql<{ name: string; def: string }>`select conname as name, pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = ${`${schema}.${t}`}::regclass and contype = 'f'`.execute(db)
    ).rows;
    for (const fk of fks) {
      const def = tables.reduce((d, u) => d.replace(`REFERENCES ${schema}.${u}(`, `REFERENCES public.bench_${u}(`), fk.def);
      await sql.raw(`alter table public.bench_${t} add constraint ${quoteIdent(fk.name)} ${def}`).execute(db);
    }
  }
}

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export const fmt = (n: number, d = 1) => n.toFixed(d);

/** BENCH_SCALE (default 1) shrinks or grows a benchmark's data set; bench/all.ts passes a small one. */
export const scaled = (n: number, min = 1) => Math.max(min, Math.round(n * Number(process.env.BENCH_SCALE ?? 1)));

export type BenchResult = {
  figure: string;
  value: number;
  unit: string;
  baseline: number;
  baselineLabel: string;
  /** value / baseline (or its inverse where lower is better, as the goal states). */
  ratio: number;
  goal: string;
  met: boolean | null;
};

/** One line bench/all.ts collects into its table. */
export function result(r: BenchResult): void {
  console.log(`RESULT ${JSON.stringify(r)}`);
}
