import { sql, type Kysely } from 'kysely';
import { generateAreas, generateOrgUnits } from './areas.ts';
import { apportion, insertCases, prepareCaseSlots, prepareKinds } from './cases.ts';
import { insertOrgs, MAX_ORGS, prepareOrgSlots } from './orgs.ts';
import { createHelpers } from './sql-helpers.ts';
import { bulkLoad, refreshCaseRollup } from './bulk.ts';
import { recountCaseTree } from '../../src/kernel/report/case-tree-fold.ts';

export type GenerateOptions = { seed: number; cases: number; orgs: number; until: Date; force?: boolean; log?: (line: string) => void };
export type GenerateResult = {
  areas: Record<string, number>;
  orgUnits: number;
  types: number;
  cases: number;
  orgs: number;
  seconds: { areas: number; cases: number; orgs: number; total: number };
  sizes: Array<{ table: string; rows: number; bytes: number }>;
};

/** Tables whose sizes the generator reports. */
const SIZED = [
  'core.case',
  'core.case_rollup',
  'core.case_tree_state',
  'core.case_tree_month',
  'core.case_tree_child',
  'orgs.organization',
  'core.area',
  'core.org_unit',
];

/**
 * Refuses a database that holds anything but reference data and earlier generated rows' absence: cases or social
 * organizations not made by this generator, or an earlier generation (drop and recreate the database instead).
 */
export async function checkTarget(db: Kysely<any>, force: boolean): Promise<void> {
  const marker = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'bench_gen' and tablename = 'run'`.execute(db);
  if (marker.rows[0]!.n) {
    const runs = await sql<{ n: number }>`select count(*)::int as n from bench_gen.run`.execute(db);
    if (runs.rows[0]!.n) throw new Error('this database already holds a generated data set: drop it and create an empty one');
  }
  const held = await sql<{
    cases: boolean;
    orgs: boolean;
  }>`select exists (select 1 from core.case) as cases, exists (select 1 from orgs.organization) as orgs`.execute(db);
  const h = held.rows[0]!;
  if ((h.cases || h.orgs) && !force)
    throw new Error(`this database holds ${h.cases ? 'cases' : 'social organizations'} that were not generated; use an empty database or pass --force`);
}

/**
 * Fills a migrated PostgreSQL database with the national shape: the area tree and a 民政 unit per area, `cases` cases
 * over every registered workflow type and `orgs` social organizations, batched by province (one statement per province and
 * table), loaded as a restore would (`bulkLoad`) with core.case_rollup and the tree tables (core.case_tree_*) recounted at the end. Same seed and `until`, same rows.
 */
export async function generateNational(db: Kysely<any>, o: GenerateOptions): Promise<GenerateResult> {
  const log = o.log ?? (() => {});
  if (o.orgs > MAX_ORGS) throw new Error(`at most ${MAX_ORGS} organizations (the USCC body MJ + 6 digits)`);
  return db.connection().execute(async (c) => {
    await checkTarget(c, !!o.force);
    await sql`set synchronous_commit = off`.execute(c);
    await sql`set work_mem = '64MB'`.execute(c);
    await createHelpers(c);
    const runId = (
      await sql<{
        id: number;
      }>`insert into bench_gen.run (seed, cases, orgs, until) values (${o.seed}, ${o.cases}, ${o.orgs}, ${o.until}) returning id`.execute(c)
    ).rows[0]!.id;
    const t0 = performance.now();
    await generateAreas(c, o.seed);
    await generateOrgUnits(c);
    await sql`analyze core.area`.execute(c);
    await sql`analyze core.org_unit`.execute(c);
    const t1 = performance.now();
    const areas = await sql<{ level: number; n: number }>`select level, count(*)::int as n from core.area group by level order by level`.execute(c);
    const areaCount = Object.fromEntries(areas.rows.map((r) => [String(r.level), r.n]));
    log(`areas by level ${JSON.stringify(areaCount)} in ${((t1 - t0) / 1000).toFixed(1)} s`);

    const types = await prepareKinds(c);
    const caseSlots = await prepareCaseSlots(c, o.seed);
    await bulkLoad(c, 'core.case', async () => {
      let from = 0;
      for (const [prov, n] of apportion(o.cases, caseSlots)) {
        const s = performance.now();
        if (n) await insertCases(c, { seed: o.seed, prov, slots: caseSlots.get(prov)!, from, n, until: o.until });
        from += n;
        log(`cases ${prov}: ${n} in ${((performance.now() - s) / 1000).toFixed(1)} s (${from} of ${o.cases})`);
      }
      log('cases in; building indexes');
    });
    await sql`analyze core.case`.execute(c);
    await refreshCaseRollup(c);
    await recountCaseTree(c);
    // Vacuumed as after a restore: the visibility map lets the dashboards read the rollups from their indexes alone.
    for (const t of ['core.case_rollup', 'core.case_tree_state', 'core.case_tree_month', 'core.case_tree_child'])
      await sql`vacuum analyze ${sql.table(t)}`.execute(c);
    const t2 = performance.now();

    const orgSlots = await prepareOrgSlots(c, o.seed);
    await bulkLoad(c, 'orgs.organization', async () => {
      let from = 0;
      for (const [prov, n] of apportion(o.orgs, orgSlots)) {
        if (n) await insertOrgs(c, { seed: o.seed, prov, slots: orgSlots.get(prov)!, from, n, until: o.until });
        from += n;
      }
    });
    await sql`analyze orgs.organization`.execute(c);
    const t3 = performance.now();
    log(`organizations: ${o.orgs} in ${((t3 - t2) / 1000).toFixed(1)} s`);
    await sql`update bench_gen.run set finished_at = now() where id = ${runId}`.execute(c);

    const sizes = [];
    for (const table of SIZED) {
      const r = await sql<{ rows: number; bytes: number }>`select (select count(*) from ${sql.table(table)})::bigint::float8 as rows,
        pg_total_relation_size(${table}::regclass)::float8 as bytes`.execute(c);
      sizes.push({ table, ...r.rows[0]! });
    }
    const orgUnits = sizes.find((x) => x.table === 'core.org_unit')!.rows;
    const s = (a: number, b: number) => (b - a) / 1000;
    return {
      areas: areaCount,
      orgUnits,
      types,
      cases: o.cases,
      orgs: o.orgs,
      seconds: { areas: s(t0, t1), cases: s(t1, t2), orgs: s(t2, t3), total: s(t0, t3) },
      sizes,
    };
  });
}
