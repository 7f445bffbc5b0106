import { sql, type Kysely } from 'kysely';

type Step = { name: string; def: string };
/** What a bulk load takes off `tables` and puts back: foreign keys pointing at them, their keys and unique constraints, other indexes. */
type Dropped = { inbound: Array<Step & { on: string }>; keys: Array<Step & { on: string }>; indexes: Step[] };

/**
 * A bulk load into `tables` the way a restore does it: the foreign keys of other tables pointing at them, their primary keys
 * and unique constraints and their other indexes are dropped, the rows go in with `session_replication_role = replica`
 * (no row-level foreign-key checks, no triggers — `fill` sets it on each connection it uses, see `replicaSession`), and
 * then the keys, the indexes and the foreign keys are built again from their own definitions (an index built by one sort
 * instead of one insert per row). The generated rows are made by joining existing areas and units, so they hold by
 * construction; the test checks them. Needs a role that may set the replication role (a superuser, as `db restore` does).
 * A trigger-kept summary must be refreshed by the caller afterwards.
 */
export async function bulkLoad(db: Kysely<any>, tables: string[], fill: () => Promise<void>, log: (line: string) => void): Promise<void> {
  const d = await dropForLoad(db, tables);
  await replicaSession(db);
  try {
    await fill();
  } finally {
    await sql`set session_replication_role = default`.execute(db);
    const s = performance.now();
    await restoreAfterLoad(db, d);
    log(
      `${tables.join(', ')}: ${d.keys.length} keys, ${d.indexes.length} indexes and ${d.inbound.length} foreign keys pointing at them rebuilt in ${secs(s)} s`,
    );
  }
}

/** A connection set up for loading: replica role (no triggers, no foreign-key checks), no wait for the WAL flush, memory for sorts. */
export async function replicaSession(db: Kysely<any>): Promise<void> {
  await sql`set session_replication_role = replica`.execute(db);
  await sql`set synchronous_commit = off`.execute(db);
  await sql`set work_mem = '512MB'`.execute(db);
  await sql`set jit = off`.execute(db);
}

export const secs = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

async function dropForLoad(db: Kysely<any>, tables: string[]): Promise<Dropped> {
  const regs = sql.join(tables.map((t) => sql`${t}::regclass`));
  const inbound = await sql<Step & { on: string }>`select conname as name, conrelid::regclass::text as on, pg_get_constraintdef(oid) as def
    from pg_constraint where contype = 'f' and confrelid in (${regs}) and conrelid not in (${regs})`.execute(db);
  const keys = await sql<Step & { on: string }>`select conname as name, conrelid::regclass::text as on, pg_get_constraintdef(oid) as def
    from pg_constraint where contype in ('p', 'u') and conrelid in (${regs}) order by contype`.execute(db);
  const indexes = await sql<Step>`select (quote_ident(n.nspname) || '.' || quote_ident(c.relname)) as name, pg_get_indexdef(c.oid) as def
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
    where i.indrelid in (${regs}) and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`.execute(db);
  for (const f of inbound.rows) await sql`alter table ${sql.raw(f.on)} drop constraint ${sql.id(f.name)}`.execute(db);
  for (const k of keys.rows) await sql`alter table ${sql.raw(k.on)} drop constraint ${sql.id(k.name)}`.execute(db);
  for (const i of indexes.rows) await sql`drop index ${sql.raw(i.name)}`.execute(db);
  return { inbound: inbound.rows, keys: keys.rows, indexes: indexes.rows };
}

async function restoreAfterLoad(db: Kysely<any>, d: Dropped): Promise<void> {
  await sql`set maintenance_work_mem = '1GB'`.execute(db);
  for (const k of d.keys) await sql`alter table ${sql.raw(k.on)} add constraint ${sql.id(k.name)} ${sql.raw(k.def)}`.execute(db);
  for (const i of d.indexes) await sql.raw(i.def).execute(db);
  // The tables holding them are empty in a generated database, so each check is immediate.
  for (const f of d.inbound) await sql`alter table ${sql.raw(f.on)} add constraint ${sql.id(f.name)} ${sql.raw(f.def)}`.execute(db);
}

/** The four rollup tables the triggers on core.case and the fold job keep, and their change logs. */
export const ROLLUPS = ['core.case_rollup', 'core.case_tree_state', 'core.case_tree_month', 'core.case_tree_child'];

/**
 * core.case_rollup and the three tree tables recounted from core.case, their change logs emptied, one statement per
 * province (`each` runs them, side by side): its cases (its path's prefix, by the index on area_path) grouped as
 * core.case_rollup keys them (type, unit, area, state, month — the trigger's definition), inserted as they are and, summed
 * over the units, spread over each area's ancestors and grouped as each tree table keys them — what the tree trigger's log
 * and the fold job add up to (migration 20261214030000, `spread`). A province's cases have no ancestor outside it, so the
 * statements never write the same row. The spreading joins `bench_gen.ancestry` (each area's path with every prefix and
 * the next code as the child, from the triggers' own core.case_rollup_tree_rows), so the planner knows its size and hashes
 * it; each table is spread from the groups it needs (no month for the states, no state for the children). Run inside
 * `bulkLoad` over ROLLUPS, so the tables' keys are built once after the rows are in.
 */
export async function recountRollups(db: Kysely<any>, each: (provinces: string[], recount: (c: Kysely<any>, prov: string) => Promise<void>) => Promise<void>) {
  await sql`truncate core.case_rollup_delta, core.case_tree_delta, core.case_rollup, core.case_tree_state, core.case_tree_month, core.case_tree_child`.execute(
    db,
  );
  await sql`drop table if exists bench_gen.ancestry`.execute(db);
  await sql`create table bench_gen.ancestry as
    select a.path, t.area_path, t.child from core.area a cross join lateral core.case_rollup_tree_rows(a.path) t`.execute(db);
  await sql`analyze bench_gen.ancestry`.execute(db);
  const provinces = await sql<{ code: string }>`select code from core.area where parent_code is null order by code`.execute(db);
  await each(
    provinces.rows.map((p) => p.code),
    (c, prov) =>
      sql`with r as materialized (select type, org_unit_id, area_path, state, core.case_rollup_month(created_at) as month, count(*)::int as n
        from core.case where area_path like ${prov + '%'} group by 1, 2, 3, 4, 5),
      u as (insert into core.case_rollup (type, org_unit_id, area_path, state, month, n) select type, org_unit_id, area_path, state, month, n from r),
      a as (insert into core.case_tree_state (area_path, type, state, child, n)
        select t.area_path, d.type, d.state, t.child, sum(d.n) from (select type, area_path, state, sum(n) as n from r group by 1, 2, 3) d
        join bench_gen.ancestry t on t.path = d.area_path group by 1, 2, 3, 4),
      b as (insert into core.case_tree_month (area_path, month, type, state, n)
        select t.area_path, d.month, d.type, d.state, sum(d.n) from (select type, area_path, state, month, sum(n) as n from r group by 1, 2, 3, 4) d
        join bench_gen.ancestry t on t.path = d.area_path group by 1, 2, 3, 4)
    insert into core.case_tree_child (area_path, month, type, child, n)
      select t.area_path, d.month, d.type, t.child, sum(d.n) from (select type, area_path, month, sum(n) as n from r group by 1, 2, 3) d
      join bench_gen.ancestry t on t.path = d.area_path and t.child <> '' group by 1, 2, 3, 4`
        .execute(c)
        .then(() => undefined),
  );
}
