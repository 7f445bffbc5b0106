import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../../tests/helpers/test-context.ts';
import { TOWNSHIPS } from './demo-households.ts';
import { DEMO_EXTRA, DEMO_ROUNDS, DEMO_TODAY, LATER_ROUNDS, seedDibaoDemo } from './seed-dibao-demo.ts';

let t: TestContext;
beforeAll(async () => {
  t = await openTestContext();
});
afterAll(() => t?.close());

it('seeds 2019 applications through the real flow: delegated counties decide faster than the others', async () => {
  // The test template has no demo history (tests/global-setup.ts): this seeds it through the real flow.
  const r = await seedDibaoDemo(t.ctx);
  console.log(`seedDibaoDemo: ${r.applications} applications`, r.steps);
  // One per township per 2019 round, the 2019 C2 steps, today's in-progress ones, and the later years' rounds decided by now.
  const base = DEMO_ROUNDS.length * TOWNSHIPS.length + DEMO_EXTRA.length + DEMO_TODAY.length;
  expect(r.applications).toBeGreaterThan(base + LATER_ROUNDS[0]![2].length);
  expect(r.applications).toBeLessThanOrEqual(base + LATER_ROUNDS.reduce((n, x) => n + x[2].length, 0));
  // 银川市 (640100) sees several districts, not only 兴庆区.
  const yc = (
    await sql<{
      county_code: string;
    }>`select distinct county_code from dibao.application where is_demo and county_code like '6401%' order by county_code`.execute(t.ctx.db)
  ).rows.map((x) => x.county_code);
  expect(yc).toEqual([...new Set(TOWNSHIPS.filter((x) => x.county.startsWith('6401')).map((x) => x.county))].sort());
  expect(yc.length).toBeGreaterThanOrEqual(3);
  expect(Object.keys(r.steps)).toEqual(
    expect.arrayContaining(['register', 'accept', 'verify', 'investigate', 'publicize', 'object', 'end_publicity', 'confirm', 'handoff', 'acknowledge']),
  );
  const rows = (
    await sql<{ authority: string; n: number; avg_days: string }>`select authority, count(*)::int as n,
      avg(decided_on - accepted_on)::numeric(6,1)::text as avg_days from dibao.application where is_demo and decided_on is not null group by authority order by authority`.execute(
      t.ctx.db,
    )
  ).rows;
  console.log(rows);
  const county = rows.find((x) => x.authority === 'county')!;
  const town = rows.find((x) => x.authority === 'township')!;
  expect(county.n).toBeGreaterThanOrEqual(3);
  expect(town.n).toBeGreaterThanOrEqual(8);
  expect(Number(town.avg_days)).toBeLessThan(Number(county.avg_days));
  const open = (
    await sql<{
      n: number;
    }>`select count(*)::int as n from core.case c join dibao.application p on p.case_id = c.id where p.is_demo and not c.terminal`.execute(t.ctx.db)
  ).rows[0]!.n;
  expect(open).toBeGreaterThanOrEqual(8);
  const confirmed = (await sql<{ n: number }>`select count(*)::int as n from dibao.benefit_change where kind = '新增'`.execute(t.ctx.db)).rows[0]!.n;
  expect(confirmed).toBe(
    town.n +
      county.n -
      (await sql<{ n: number }>`select count(*)::int as n from dibao.application where is_demo and decision = '不予确认'`.execute(t.ctx.db)).rows[0]!.n,
  );
  expect((await sql<{ n: number }>`select count(*)::int as n from dibao.recheck where is_demo`.execute(t.ctx.db)).rows[0]!.n).toBeGreaterThanOrEqual(1);
  // A 西吉 re-check reported by the township, awaiting the county's decision (暂行办法 第十三条).
  const deciding = (
    await sql<{
      state: string;
      proposal: any;
    }>`select c.state, r.proposal from dibao.recheck r join core.case c on c.id = r.case_id join dibao.household h on h.id = r.household_id
    where r.is_demo and h.area_path like '640000.640400.640422.%'`.execute(t.ctx.db)
  ).rows;
  expect(deciding).toEqual([expect.objectContaining({ state: 'deciding', proposal: expect.objectContaining({ result: '停发' }) })]);
  // 公布: every confirmed demo household is published in its village, in several counties
  const pub = (
    await sql<{
      n: number;
      counties: number;
    }>`select count(*)::int as n, count(distinct split_part(area_path, '.', 3))::int as counties from dibao.publication where is_demo`.execute(t.ctx.db)
  ).rows[0]!;
  expect(pub.n).toBe(confirmed);
  expect(pub.counties).toBeGreaterThanOrEqual(3);
  // 近亲属备案 in three counties; the decided ones were visited and decided by the county
  const filings = (
    await sql<{
      county_code: string;
      visited: boolean;
      decision: string | null;
      level: number;
    }>`select f.county_code, f.county_visit is not null as visited, p.decision,
      array_length(string_to_array(c.area_path, '.'), 1) as level from dibao.relative_filing f join dibao.application p on p.case_id = f.case_id join core.case c on c.id = f.case_id`.execute(
      t.ctx.db,
    )
  ).rows;
  expect(new Set(filings.map((f) => f.county_code)).size).toBe(3);
  for (const f of filings.filter((x) => x.decision)) expect(f).toMatchObject({ visited: true, level: 3 });
  expect(filings.some((f) => !f.decision && !f.visited)).toBe(true);
  // 不予受理 in two counties; an objection found 属实 ended in 不予确认; the 抽查 found one case 不属实 and opened a correction
  const steps = (
    await sql<{ not_accepted: number; founded: number; corrections: number }>`select
      (select count(distinct county_code)::int from dibao.application where is_demo and not_accepted_on is not null) as not_accepted,
      (select count(*)::int from dibao.application where is_demo and decision = '不予确认' and objections::text like '%属实%' and objections::text not like '%不属实%') as founded,
      (select count(*)::int from dibao.spot_check_item where correction is not null) as corrections`.execute(t.ctx.db)
  ).rows[0]!;
  expect(steps).toEqual({ not_accepted: 2, founded: 2, corrections: 1 });
  expect((await seedDibaoDemo(t.ctx)).applications).toBe(0); // idempotent
}, 300_000);
