import { sql, type Kysely } from 'kysely';

/**
 * A bulk load into `table` the way a restore does it: its secondary indexes (those not backing a constraint) are dropped
 * and built again afterwards from their own definitions, and `session_replication_role = replica` skips the row-level
 * foreign-key checks and the triggers while the rows go in (the generated rows are made by joining existing areas and units,
 * so they hold by construction; the test checks them). Needs a role that may set it (a superuser, as `db restore` does).
 * A trigger-kept summary must be refreshed by the caller afterwards.
 */
export async function bulkLoad(db: Kysely<any>, table: string, fill: () => Promise<void>): Promise<void> {
  const [schema, name] = table.split('.') as [string, string];
  const defs = await sql<{ indexdef: string; indexname: string }>`select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = ${schema} and i.tablename = ${name}
      and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`.execute(db);
  for (const d of defs.rows) await sql`drop index ${sql.table(`${schema}.${d.indexname}`)}`.execute(db);
  await sql`set session_replication_role = replica`.execute(db);
  try {
    await fill();
  } finally {
    await sql`set session_replication_role = default`.execute(db);
    await sql`set maintenance_work_mem = '512MB'`.execute(db);
    for (const d of defs.rows) await sql.raw(d.indexdef).execute(db);
  }
}

/** core.case_rollup recounted from core.case (the triggers' definition, in one statement) and its change log emptied. */
export async function refreshCaseRollup(db: Kysely<any>): Promise<void> {
  await sql`delete from core.case_rollup_delta`.execute(db);
  await sql`delete from core.case_rollup`.execute(db);
  await sql`insert into core.case_rollup (type, org_unit_id, area_path, state, month, n)
    select type, org_unit_id, area_path, state, core.case_rollup_month(created_at), count(*) from core.case group by 1, 2, 3, 4, 5`.execute(db);
}
