import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNational, type GenerateResult } from '../bench/generate/run.ts';
import { validateUscc } from '../src/kernel/codes/index.ts';
import { openTestContext, type TestContext } from './helpers/test-context.ts';

/**
 * bench/generate.ts at a tiny scale: the national tree's shape (31 provinces, ~340 cities, ~2,800 counties, ~40,000
 * townships, codes nested by prefix), a unit per area, cases of every type pointing at real units and areas, valid USCCs,
 * and both rollups equal to the cases counted one by one. PostgreSQL only (the generator refuses PGlite).
 */
const pgUrl = process.env.DATABASE_URL;
let t: TestContext;
let r: GenerateResult;
let structure: Structure;
const one = async <T>(q: ReturnType<typeof sql<T>>) => (await q.execute(t.ctx.db)).rows[0]!;
type Structure = { indexes: string[]; foreignKeys: string[] };
/** The indexes of the tables the generator loads and the foreign keys pointing at them (it drops them for the load). */
const loaded = sql.raw(
  `('core.case'::regclass, 'orgs.organization'::regclass, 'core.case_rollup'::regclass, 'core.case_tree_state'::regclass, 'core.case_tree_month'::regclass, 'core.case_tree_child'::regclass)`,
);
const structureNow = async (): Promise<Structure> => ({
  indexes: (await sql<{ d: string }>`select pg_get_indexdef(indexrelid) as d from pg_index where indrelid in ${loaded} order by 1`.execute(t.ctx.db)).rows.map(
    (x) => x.d,
  ),
  foreignKeys: (
    await sql<{ d: string }>`select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) as d from pg_constraint
      where contype = 'f' and confrelid in ${loaded} order by 1`.execute(t.ctx.db)
  ).rows.map((x) => x.d),
});

describe.skipIf(!pgUrl)('national data generator (PostgreSQL; skipped on PGlite)', () => {
  beforeAll(async () => {
    t = await openTestContext();
    structure = await structureNow();
    r = await generateNational(t.ctx.db, { seed: 7, cases: 3000, orgs: 400, until: new Date('2026-12-07T15:59:59Z') });
  }, 300_000);
  afterAll(async () => t?.close());

  it('builds the national area tree, a 民政 unit per area', async () => {
    expect(r.areas['1']).toBe(31);
    expect(r.areas['2']).toBeGreaterThan(300);
    expect(r.areas['2']).toBeLessThan(400);
    expect(r.areas['3']).toBeGreaterThan(2500);
    expect(r.areas['3']).toBeLessThan(3300);
    expect(r.areas['4']).toBeGreaterThan(35_000);
    expect(r.areas['4']).toBeLessThan(46_000);
    const bad = await one(sql<{ n: number }>`select count(*)::int as n from core.area c join core.area p on p.code = c.parent_code
      where c.path <> p.path || '.' || c.code or c.level <> p.level + 1
        or not c.code like (case c.level when 2 then substr(p.code, 1, 2) when 3 then substr(p.code, 1, 4) else p.code end) || '%'`);
    expect(bad.n).toBe(0);
    const unitless = await one(
      sql<{ n: number }>`select count(*)::int as n from core.area a where level <= 4 and not exists (select 1 from core.org_unit o where o.area_code = a.code)`,
    );
    expect(unitless.n).toBe(0);
  });

  it('spreads cases over every type, 30% open, three years, each on a real unit and area', async () => {
    const c = await one(sql<{ n: number; types: number; open: number; orphans: number; days: number }>`select count(*)::int as n,
      count(distinct type)::int as types, count(*) filter (where not terminal)::int as open,
      count(*) filter (where not exists (select 1 from core.org_unit o where o.id = c.org_unit_id and o.area_path = c.area_path))::int as orphans,
      extract(day from max(created_at) - min(created_at))::int as days from core.case c`);
    expect(c.n).toBe(3000);
    expect(c.types).toBe(r.types);
    expect(c.open / c.n).toBeGreaterThan(0.25);
    expect(c.open / c.n).toBeLessThan(0.35);
    expect(c.orphans).toBe(0);
    expect(c.days).toBeGreaterThan(1000);
  });

  it('gives cases, units and organizations RFC 9562 ids (the API’s schemas refuse others)', async () => {
    const rfc = `'^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'`;
    for (const table of ['core.case', 'core.org_unit', 'orgs.organization']) {
      const bad = await one(sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where id::text !~ ${sql.raw(rfc)}`);
      expect([table, bad.n]).toEqual([table, 0]);
    }
  });

  it('keeps both rollups equal to the cases counted one by one', async () => {
    const diff = await one(sql<{ n: number }>`select count(*)::int as n from (
      select type, org_unit_id, area_path, state, core.case_rollup_month(created_at) as month, count(*)::int as n from core.case group by 1, 2, 3, 4, 5
      except select type, org_unit_id, area_path, state, month, n from core.case_rollup where n <> 0) x`);
    expect(diff.n).toBe(0);
    // The tree tables at each province (its cases counted one by one, grouped as each table keys them): no row differs.
    const treeDiff = await one(sql<{ n: number }>`with c as (select split_part(area_path, '.', 1) as root, split_part(area_path, '.', 2) as child,
        type, state, core.case_rollup_month(created_at) as month from core.case)
      select ((select count(*) from (select root, type, state, child, count(*)::int from c group by 1, 2, 3, 4
          except select area_path, type, state, child, n from core.case_tree_state where area_path !~ '[.]' and n <> 0) x)
        + (select count(*) from (select root, month, type, state, count(*)::int from c group by 1, 2, 3, 4
          except select area_path, month, type, state, n from core.case_tree_month where area_path !~ '[.]' and n <> 0) x)
        + (select count(*) from (select root, month, type, child, count(*)::int from c where child <> '' group by 1, 2, 3, 4
          except select area_path, month, type, child, n from core.case_tree_child where area_path !~ '[.]' and n <> 0) x))::int as n`);
    expect(treeDiff.n).toBe(0);
    const sums = await one(sql<{ rollup: number; tree: number; cases: number }>`select (select sum(n) from core.case_rollup)::int as rollup,
      (select sum(n) from core.case_tree_state where area_path !~ '[.]')::int as tree, (select count(*) from core.case)::int as cases`);
    expect(sums).toEqual({ rollup: 3000, tree: 3000, cases: 3000 });
    // Its own check: the largest province's rollups against a GROUP BY of its cases.
    expect(r.verified.differences).toBe(0);
    expect(r.verified.cases).toBeGreaterThan(0);
    expect(r.verified.rollupRows).toBeGreaterThan(0);
  });

  it('puts back every key, index and foreign key it took off for the load', async () => {
    const after = await structureNow();
    expect(after.indexes.length).toBeGreaterThan(10);
    expect(after.foreignKeys.length).toBeGreaterThan(50);
    expect(after).toEqual(structure);
  });

  it('registers social organizations with valid USCCs and unique names, and refuses to run twice', async () => {
    const rows = (await sql<{ uscc: string; name: string }>`select uscc, name from orgs.organization`.execute(t.ctx.db)).rows;
    expect(rows).toHaveLength(400);
    expect(rows.filter((o) => !validateUscc(o.uscc).valid)).toEqual([]);
    expect(new Set(rows.map((o) => o.name)).size).toBe(400);
    await expect(generateNational(t.ctx.db, { seed: 7, cases: 10, orgs: 0, until: new Date() })).rejects.toThrow(/already holds a generated data set/);
  });
});
