import { sql, type Kysely } from 'kysely';
import { generateAreas, generateOrgUnits } from './areas.ts';
import { apportion, insertCases, prepareCaseSlots, prepareKinds } from './cases.ts';
import { insertOrgs, MAX_ORGS, prepareOrgSlots } from './orgs.ts';
import { createHelpers } from './sql-helpers.ts';
import { bulkLoad, recountRollups, replicaSession, ROLLUPS, secs } from './bulk.ts';
import { verifyProvince, type Verified } from './verify.ts';

export type GenerateOptions = {
  seed: number;
  cases: number;
  orgs: number;
  until: Date;
  force?: boolean;
  /** Connections loading provinces side by side (default 2; the pool needs one more). */
  jobs?: number;
  log?: (line: string) => void;
};
export type GenerateResult = {
  areas: Record<string, number>;
  orgUnits: number;
  types: number;
  cases: number;
  orgs: number;
  seconds: { areas: number; cases: number; rollups: number; orgs: number; total: number };
  verified: Verified;
  sizes: Array<{ table: string; rows: number; bytes: number }>;
  databaseBytes: number;
};

/** Tables whose sizes the generator reports. */
const SIZED = ['core.case', ...ROLLUPS, 'orgs.organization', 'core.area', 'core.org_unit'];

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

/** `work` for each item on `jobs` connections side by side, each set up for loading (`replicaSession`), in the order given. */
async function onConnections<T>(db: Kysely<any>, jobs: number, items: T[], work: (c: Kysely<any>, item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: jobs }, () =>
      db.connection().execute(async (c) => {
        await replicaSession(c);
        try {
          for (let x = queue.shift(); x !== undefined; x = queue.shift()) await work(c, x);
        } finally {
          for (const s of ['session_replication_role', 'synchronous_commit', 'work_mem', 'jit']) await sql`reset ${sql.raw(s)}`.execute(c);
        }
      }),
    ),
  );
}

/** Each province's share of `total`, numbered in province order (so the rows do not depend on `jobs`), largest first. */
function shares(total: number, slots: Map<string, number>) {
  let from = 0;
  const parts = apportion(total, slots).map(([prov, n]) => ({ prov, slots: slots.get(prov)!, n, from: (from += n) - n }));
  return parts.filter((p) => p.n > 0).sort((a, b) => b.n - a.n);
}

/**
 * Fills a migrated PostgreSQL database with the national shape: the area tree and a 民政 unit per area, `cases` cases
 * over every registered workflow type and `orgs` social organizations, one statement per province and table on `jobs`
 * connections, loaded as a restore would (`bulkLoad`: keys, indexes and foreign keys built after the rows), the four
 * rollups recounted by one statement (`recountRollups`) and checked against a GROUP BY of the largest province's cases
 * (`verifyProvince`). Same seed and `until`, same rows. Logs each phase with its time since the start.
 */
export async function generateNational(db: Kysely<any>, o: GenerateOptions): Promise<GenerateResult> {
  const jobs = Math.max(1, o.jobs ?? 2);
  const t0 = performance.now();
  const log = (line: string) => o.log?.(`[${secs(t0).padStart(6)} s] ${line}`);
  if (o.orgs > MAX_ORGS) throw new Error(`at most ${MAX_ORGS} organizations (the USCC body MJ + 6 digits)`);
  return db.connection().execute(async (c) => {
    await checkTarget(c, !!o.force);
    await sql`set synchronous_commit = off`.execute(c);
    await sql`set work_mem = '512MB'`.execute(c);
    await createHelpers(c);
    const runId = (
      await sql<{
        id: number;
      }>`insert into bench_gen.run (seed, cases, orgs, until) values (${o.seed}, ${o.cases}, ${o.orgs}, ${o.until}) returning id`.execute(c)
    ).rows[0]!.id;
    const collation = (await sql<{ c: string }>`select datcollate as c from pg_database where datname = current_database()`.execute(c)).rows[0]!.c;
    log(`database collation ${collation}${collation === 'C' ? '' : ' (the index builds over text keys are faster in a database created with LC_COLLATE=C)'}`);
    await generateAreas(c, o.seed);
    await generateOrgUnits(c);
    await sql`analyze core.area`.execute(c);
    await sql`analyze core.org_unit`.execute(c);
    const t1 = performance.now();
    const areas = await sql<{ level: number; n: number }>`select level, count(*)::int as n from core.area group by level order by level`.execute(c);
    const areaCount = Object.fromEntries(areas.rows.map((r) => [String(r.level), r.n]));
    log(`areas by level ${JSON.stringify(areaCount)}`);

    const types = await prepareKinds(c);
    const caseSlots = await prepareCaseSlots(c, o.seed);
    let done = 0;
    await bulkLoad(
      c,
      ['core.case'],
      () =>
        onConnections(db, jobs, shares(o.cases, caseSlots), async (w, p) => {
          const s = performance.now();
          await insertCases(w, { seed: o.seed, ...p, until: o.until });
          done += p.n;
          log(`cases ${p.prov}: ${p.n} in ${secs(s)} s (${done} of ${o.cases}, ${Math.round(done / ((performance.now() - t1) / 1000))} rows/s)`);
        }),
      log,
    );
    await sql`vacuum analyze core.case`.execute(c);
    const t2 = performance.now();
    log(`cases: ${o.cases} in ${((t2 - t1) / 1000).toFixed(1)} s with their keys and indexes, vacuumed`);

    await bulkLoad(
      c,
      ROLLUPS,
      () =>
        recountRollups(c, (provinces, recount) =>
          onConnections(db, jobs, provinces, async (w, prov) => {
            const s = performance.now();
            await recount(w, prov);
            log(`rollups of ${prov} in ${secs(s)} s`);
          }),
        ),
      log,
    );
    // Vacuumed as after a restore: the visibility map lets the dashboards read the rollups from their indexes alone.
    for (const t of ROLLUPS) await sql`vacuum analyze ${sql.table(t)}`.execute(c);
    const t3 = performance.now();
    log(`rollups recounted in ${((t3 - t2) / 1000).toFixed(1)} s`);

    const orgSlots = await prepareOrgSlots(c, o.seed);
    await bulkLoad(
      c,
      ['orgs.organization'],
      () =>
        onConnections(db, jobs, shares(o.orgs, orgSlots), async (w, p) => {
          await insertOrgs(w, { seed: o.seed, ...p, until: o.until });
        }),
      log,
    );
    await sql`vacuum analyze orgs.organization`.execute(c);
    const t4 = performance.now();
    log(`organizations: ${o.orgs} in ${((t4 - t3) / 1000).toFixed(1)} s`);

    const largest = await sql<{
      p: string;
    }>`select area_path as p from core.case_tree_state where area_path !~ '[.]' group by 1 order by sum(n) desc limit 1`.execute(c);
    const verified = largest.rows[0] ? await verifyProvince(c, largest.rows[0].p) : { province: '', cases: 0, rollupRows: 0, treeRows: 0, differences: 0 };
    log(
      `verified ${verified.province}: ${verified.cases} cases against ${verified.rollupRows} core.case_rollup rows and ${verified.treeRows} tree rows, ${verified.differences} differences`,
    );
    await sql`update bench_gen.run set finished_at = now() where id = ${runId}`.execute(c);

    const sizes = [];
    for (const table of SIZED) {
      const r = await sql<{ rows: number; bytes: number }>`select (select count(*) from ${sql.table(table)})::bigint::float8 as rows,
        pg_total_relation_size(${table}::regclass)::float8 as bytes`.execute(c);
      sizes.push({ table, ...r.rows[0]! });
    }
    const databaseBytes = (await sql<{ b: number }>`select pg_database_size(current_database())::float8 as b`.execute(c)).rows[0]!.b;
    await sql`reset work_mem`.execute(c);
    const orgUnits = sizes.find((x) => x.table === 'core.org_unit')!.rows;
    const s = (a: number, b: number) => (b - a) / 1000;
    return {
      areas: areaCount,
      orgUnits,
      types,
      cases: o.cases,
      orgs: o.orgs,
      seconds: { areas: s(t0, t1), cases: s(t1, t2), rollups: s(t2, t3), orgs: s(t3, t4), total: s(t0, performance.now()) },
      verified,
      sizes,
      databaseBytes,
    };
  });
}
