import { sql, type Kysely } from 'kysely';

export type Verified = { province: string; cases: number; rollupRows: number; treeRows: number; differences: number };

/**
 * One province's rollups checked against its cases counted by GROUP BY: core.case_rollup's rows under it (unit, area, state,
 * month) and the three tree tables' rows at the province (state and child, month and state, month and child) must equal
 * the counts of its cases grouped the same way, row for row, both ways. Throws on a difference.
 */
export async function verifyProvince(db: Kysely<any>, province: string): Promise<Verified> {
  const r = await sql<Verified>`with c as materialized (select type, org_unit_id, area_path, state, core.case_rollup_month(created_at) as month,
        split_part(area_path, '.', 2) as child
      from core.case where area_path = ${province} or area_path like ${`${province}.%`}),
    unit as (select type, org_unit_id, area_path, state, month, count(*)::int as n from c group by 1, 2, 3, 4, 5),
    roll as (select type, org_unit_id, area_path, state, month, n from core.case_rollup
      where (area_path = ${province} or area_path like ${`${province}.%`}) and n <> 0),
    st as (select type, state, child, count(*)::int as n from c group by 1, 2, 3),
    tst as (select type, state, child, n from core.case_tree_state where area_path = ${province} and n <> 0),
    mo as (select month, type, state, count(*)::int as n from c group by 1, 2, 3),
    tmo as (select month, type, state, n from core.case_tree_month where area_path = ${province} and n <> 0),
    ch as (select month, type, child, count(*)::int as n from c where child <> '' group by 1, 2, 3),
    tch as (select month, type, child, n from core.case_tree_child where area_path = ${province} and n <> 0)
    select ${province} as province, (select count(*) from c)::int as cases, (select count(*) from roll)::int as "rollupRows",
      ((select count(*) from tst) + (select count(*) from tmo) + (select count(*) from tch))::int as "treeRows",
      ((select count(*) from (select * from unit except select * from roll) x) + (select count(*) from (select * from roll except select * from unit) x)
        + (select count(*) from (select * from st except select * from tst) x) + (select count(*) from (select * from tst except select * from st) x)
        + (select count(*) from (select * from mo except select * from tmo) x) + (select count(*) from (select * from tmo except select * from mo) x)
        + (select count(*) from (select * from ch except select * from tch) x) + (select count(*) from (select * from tch except select * from ch) x))::int
        as differences`.execute(db);
  const v = r.rows[0]!;
  if (v.differences) throw new Error(`the rollups of ${province} differ from its cases counted by GROUP BY in ${v.differences} rows`);
  return v;
}
