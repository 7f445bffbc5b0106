/**
 * Leaving the generated database as generated after a benchmark ran on it (`--on-generated`, bench/lib.ts openBench):
 * what it held at opening is recorded, and afterwards everything the benchmark wrote is removed and the row count of
 * every table compared with the opening's — but the four rollups (tens of millions of rows at national scale): the
 * triggers only append to their logs, so they are left as they were when the logs net to nothing before the fold.
 */
import { sql, type Kysely } from 'kysely';
import type { AppContext } from '../src/platform/context.ts';
import { foldCaseRollups } from '../src/kernel/report/case-tree-fold.ts';
import { registeredWorkflows } from '../src/kernel/workflow/define-workflow.ts';
import { ROLLUPS } from './generate/bulk.ts';

/** The rollups' logs: the triggers append to them when cases are deleted, so they are emptied by a fold, not a delete. */
const LOGS = ['core.case_rollup_delta', 'core.case_tree_delta'];

export type GeneratedSnapshot = {
  at: Date;
  /** Every table of the application's schemas but the rollups, with its exact row count. */
  counts: Map<string, number>;
  /** Tables of schema public (benchmarks' own scratch tables are dropped at the end). */
  publicTables: Set<string>;
  heads: Array<{ chain_id: number; seq: string; head_hash: string; head_id: string | null; updated_at: Date }>;
  checkpoint: string;
};

async function tables(db: Kysely<any>): Promise<string[]> {
  return (
    await sql<{ t: string }>`select n.nspname || '.' || c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'pgboss', 'bench_gen', 'public')
        and n.nspname !~ '^pg_temp' order by 1`.execute(db)
  ).rows.map((r) => r.t);
}

/** Exact row counts, four tables at a time. */
async function count(db: Kysely<any>, names: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const queue = [...names];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let t = queue.shift(); t !== undefined; t = queue.shift())
        out.set(t, (await sql<{ n: string }>`select count(*) as n from ${sql.table(t)}`.execute(db)).rows[0]!.n as unknown as number);
    }),
  );
  return new Map([...out].map(([t, n]) => [t, Number(n)]));
}

const publicTables = async (db: Kysely<any>) =>
  new Set((await sql<{ t: string }>`select tablename as t from pg_tables where schemaname = 'public'`.execute(db)).rows.map((r) => r.t));

/** What the generated database holds now; refuses a database bench/generate.ts did not finish filling. */
export async function recordGenerated(db: Kysely<any>): Promise<GeneratedSnapshot> {
  const run = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'bench_gen' and tablename = 'run'`.execute(db);
  const done = run.rows[0]!.n
    ? (await sql<{ n: number }>`select count(*)::int as n from bench_gen.run where finished_at is not null`.execute(db)).rows[0]!.n
    : 0;
  if (!done) throw new Error('--on-generated: DATABASE_URL names no database bench/generate.ts finished filling');
  const counts = await count(
    db,
    (await tables(db)).filter((t) => !ROLLUPS.includes(t)),
  );
  for (const t of LOGS)
    if (counts.get(t)) throw new Error(`--on-generated: ${t} holds ${counts.get(t)} rows; fold them first (the generated database keeps it empty)`);
  const heads = (await sql<GeneratedSnapshot['heads'][number]>`select chain_id, seq, head_hash, head_id, updated_at from core.audit_chain`.execute(db)).rows;
  const checkpoint = (await sql<{ s: string }>`select coalesce(max(seq), 0) as s from core.audit_checkpoint`.execute(db)).rows[0]!.s;
  const at = (await sql<{ at: Date }>`select now() as at`.execute(db)).rows[0]!.at;
  return { at, counts, publicTables: await publicTables(db), heads, checkpoint };
}

/**
 * Removes what was written since `s`: the rows of every table that was empty then (module rows, sessions, officers,
 * 双随机 plans …, with triggers and foreign keys off: they all belong to the benchmark), the cases registered since
 * (with triggers on, so the rollups' logs get the matching −1 rows; then folded, which nets them to nothing), the audit
 * events past each chain's head then (heads put back), the pg-boss jobs queued since, and public tables made since.
 * Then compares every table's row count with the opening's; throws, naming the tables, if one differs.
 */
export async function restoreGenerated(ctx: AppContext, s: GeneratedSnapshot): Promise<string> {
  const t0 = performance.now();
  const db = ctx.db;
  const made = [...(await publicTables(db))].filter((t) => !s.publicTables.has(t));
  if (made.length) await sql`drop table if exists ${sql.join(made.map((t) => sql.table(`public.${t}`)))} cascade`.execute(db);
  await db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    for (const [t, n] of s.counts) if (n === 0 && !LOGS.includes(t)) await sql`delete from ${sql.table(t)}`.execute(tx);
    const chains = s.heads.map((h) => h.chain_id);
    await sql`delete from core.audit_event e where not (e.chain_id = any(${chains}::int[]))`.execute(tx);
    await sql`delete from core.audit_chain where not (chain_id = any(${chains}::int[]))`.execute(tx);
    for (const h of s.heads) {
      await sql`delete from core.audit_event where chain_id = ${h.chain_id} and seq > ${h.seq}`.execute(tx);
      await sql`update core.audit_chain set seq = ${h.seq}, head_hash = ${h.head_hash}, head_id = ${h.head_id}, updated_at = ${h.updated_at}
        where chain_id = ${h.chain_id}`.execute(tx);
    }
    await sql`delete from core.audit_checkpoint where seq > ${s.checkpoint}`.execute(tx);
    await sql`delete from pgboss.job where created_on >= ${s.at}`.execute(tx);
    await sql`set local session_replication_role = origin`.execute(tx);
    // By type too, so the (type, created_at) index finds them.
    const types = registeredWorkflows().map((d) => d.type);
    await sql`delete from core.case where type = any(${types}::text[]) and created_at >= ${s.at}`.execute(tx);
  });
  // What the logs would change in the rollups: nothing, when every key's rows sum to zero.
  const net = await sql<{ n: number }>`select ((select count(*) from (select 1 from core.case_rollup_delta group by type, org_unit_id, area_path, state, month
      having sum(n) <> 0) x) + (select count(*) from (select 1 from core.case_tree_delta group by area_path, child, type, state, month having sum(n) <> 0) y))::int as n`.execute(
    db,
  );
  if (net.rows[0]!.n) throw new Error(`the rollups' logs hold ${net.rows[0]!.n} keys that do not net to zero: the rollups would change`);
  await foldCaseRollups(ctx);
  const now = await count(db, [...s.counts.keys()]);
  const differ = [...s.counts].filter(([t, n]) => now.get(t) !== n).map(([t, n]) => `${t} ${n} → ${now.get(t)}`);
  if (differ.length) throw new Error(`the generated database was not left as it was: ${differ.join(', ')}`);
  const n = (t: string) => s.counts.get(t)!.toLocaleString('en');
  return (
    `generated database left as it was (${s.counts.size} tables, same row counts, rollups unchanged; core.case ${n('core.case')}, ` +
    `orgs.organization ${n('orgs.organization')}); clean-up and check in ${((performance.now() - t0) / 1000).toFixed(1)} s`
  );
}
