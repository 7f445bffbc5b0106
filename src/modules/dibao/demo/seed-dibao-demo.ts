import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { Jobs } from '../../../platform/jobs.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { applyTransition } from '../../../kernel/workflow/index.ts';
import { mulberry32 } from '../../../kernel/sampling/index.ts';
import { seedDelegations } from '../delegation/regime.ts';
import { drawSpotCheck, recordVisit } from '../spot-check/spot-check.ts';
import { sweepRechecks } from '../recheck/recheck-workflow.ts';
import { addWorkdays, at10, fixedClock, workdaysBefore } from './demo-calendar.ts';
import { TOWNSHIPS, householdMaker } from './demo-households.ts';
import { demoStaff } from './demo-staff.ts';
import { applicationDriver, type DriveOptions } from './drive-application.ts';

const NO_JOBS: Jobs = { send: async () => null, cancel: async () => {} };

/** A standard to compute with when the money side has not seeded one (示例 values, region level). */
async function ensureStandards(ctx: AppContext) {
  for (const [kind, cents] of [
    ['urban', 66000],
    ['rural', 42000],
  ] as const) {
    await sql`insert into dibao.standard (id, area_code, kind, effective_from, monthly_cents, document, is_demo)
      select ${uuidv7()}, '640000', ${kind}, '2019-01-01'::date, ${cents}, '自治区低保标准（示例）', true
      where not exists (select 1 from dibao.standard where kind = ${kind} and effective_from <= '2019-01-01'::date and area_code = '640000')`.execute(ctx.db);
  }
}

/** 2019 months in which every demo township receives one application. */
export const DEMO_ROUNDS = [3, 9] as const;

/** 不予受理 (兴庆, 隆德) and 公示异议 found 属实 → 不予确认 (隆德 城关镇, 平罗): the C2 steps in 2019. */
export const DEMO_EXTRA: Array<[string, string, DriveOptions]> = [
  ['640423101-gov', '2019-05-13', { notAccept: '非户籍所在地乡镇（街道）受理范围' }],
  ['640104100-gov', '2019-06-11', { notAccept: '非户籍所在地乡镇（街道）受理范围' }],
  ['640423100-gov', '2019-10-14', { objection: 'founded' }],
  ['640221100-gov', '2019-10-21', { objection: 'founded' }],
];

/** Applications in progress today (township, state they stop at), for the demo accounts' worklists. */
export const DEMO_TODAY: Array<[string, string]> = [
  ['640423100-gov', 'applied'],
  ['640423100-gov', 'checking'],
  ['640423100-gov', 'awaiting_confirm'],
  ['640221100-gov', 'investigating'],
  ['640104001-gov', 'applied'],
  ['640104001-gov', 'reviewed'],
  ['640104100-gov', 'publicizing'],
  ['640422100-gov', 'awaiting_confirm'],
  ['640422100-gov', 'submitted'],
  ['640105100-gov', 'submitted'],
  ['640106001-gov', 'checking'],
];

/**
 * The previous year and this year (relative to today): rounds of applications (years back, month, townships),
 * so the 同比 of 低保申请 and the last twelve months of 低保统计 show work. Each county differs between the two years.
 */
export const LATER_ROUNDS: Array<[number, number, string[]]> = [
  [1, 4, ['640423100-gov', '640104001-gov', '640104100-gov', '640221100-gov', '640221101-gov']],
  [1, 10, ['640422100-gov', '640105001-gov', '640106001-gov', '640106100-gov', '640423101-gov']],
  [0, 3, ['640423100-gov', '640104001-gov', '640221100-gov', '640105001-gov']],
  [0, 8, ['640423101-gov', '640422100-gov', '640106100-gov', '640104100-gov', '640105100-gov']],
];

export type DibaoDemoResult = { applications: number; steps: Record<string, { n: number; ms: number }> };

/**
 * 低保 demo: the 2019 regimes, two rounds of 2019 applications in every demo township in pilot (隆德, 兴庆 from April, 平罗 from
 * July) and non-pilot (西吉, 银川 西夏/金凤; 兴庆/平罗 before their dates) counties, driven through the real flow
 * with a manual clock so processing times differ as they would (the county step adds the
 * hand-off, 签收 and county review); some applications in progress today for the demo accounts'
 * worklists; a spot check in 隆德; a few re-checks due; rounds in the previous year and this year (LATER_ROUNDS). Idempotent (skips when demo applications exist).
 */
export async function seedDibaoDemo(ctx: AppContext): Promise<DibaoDemoResult> {
  await seedDelegations(ctx);
  const done = (await sql<{ n: number }>`select count(*)::int as n from dibao.application where is_demo`.execute(ctx.db)).rows[0]!.n;
  if (done) return { applications: 0, steps: {} };
  await ensureStandards(ctx);
  const rand = mulberry32(2019);
  const clock = fixedClock(new Date());
  const c: AppContext = { ...ctx, clock };
  const staff = await demoStaff(ctx);
  const household = householdMaker(rand);
  const steps = new Map<string, { n: number; ms: number }>();
  const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await f();
    } finally {
      const s = steps.get(name) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += performance.now() - t0;
      steps.set(name, s);
    }
  };
  const mover =
    (cx: AppContext) =>
    async (actor: Actor, id: string, name: string, input: unknown = {}, comment?: string) =>
      timed(name, () => applyTransition(cx, actor, { caseId: id, transition: name, input, comment }));
  const move = mover(c);
  // Past applications queue no timers (their deadlines are long met or missed) and leave no inbox items (below).
  const past: AppContext = { ...c, jobs: NO_JOBS };
  const history = applicationDriver({ ctx, c: past, clock, rand, staff, household, timed, move: mover(past) });
  const drive = applicationDriver({ ctx, c, clock, rand, staff, household, timed, move });
  const pastCases: string[] = [];
  const drivePast = async (...a: Parameters<typeof history>) => void pastCases.push(await history(...a));

  let count = 0;
  // 2019: applications spread over the year in every sample township.
  // Two rounds: March (兴庆、平罗 still county-level) and September (both delegated by then).
  for (const month of DEMO_ROUNDS) {
    for (const t of TOWNSHIPS) {
      const day = 3 + Math.floor(rand() * 20);
      let accept = at10(`2019-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      accept = addWorkdays(new Date(accept.getTime() - 86_400_000), 1);
      const r = rand();
      // 近亲属备案 in 隆德 沙塘镇 and 平罗 (September): the county visits and decides.
      await drivePast(t, accept, { refuse: r < 0.08, objection: r > 0.88, relative: month === 9 && ['640423101-gov', '640221101-gov'].includes(t.org) });
      count++;
    }
  }
  for (const [org, day, opts] of DEMO_EXTRA) {
    await drivePast(
      TOWNSHIPS.find((x) => x.org === org)!,
      at10(day),
      opts,
    );
    count++;
  }
  // 隆德 county supervision: a reproducible 30% draw of 2019 township decisions (确认, 不予确认, 不予受理), half visited;
  // the first visit finds 不属实 and opens a correction (an approved household is re-checked at once).
  const ld = staff.counties.get('640423')!;
  clock.set(at10('2019-12-16'));
  const sc = await timed('spot check', () =>
    drawSpotCheck(c, ld.lead, { countyCode: '640423', from: '2019-01-01', to: '2019-12-31', seed: 'demo-2019-640423' }, { isDemo: true }),
  );
  for (const [i, caseId] of sc.sample.slice(0, Math.ceil(sc.sample.length / 2)).entries()) {
    const visit =
      i === 0
        ? { visitedOn: '2019-12-18', result: '不属实' as const, findings: '县民政局入户抽查，家庭新增务工收入未申报，与审核结论不一致' }
        : { visitedOn: '2019-12-18', result: '属实' as const, findings: '县民政局入户抽查，家庭情况与审核结论一致' };
    await timed('spot visit', () => recordVisit(c, ld.lead, sc.id, caseId, visit));
  }
  // In progress today, for the demo accounts' worklists.
  const now = new Date();
  for (const [org, stopAt] of DEMO_TODAY) {
    const relative = org === '640104001-gov' && stopAt === 'reviewed';
    const t = TOWNSHIPS.find((x) => x.org === org)!;
    const steps = { applied: 1, checking: 2, investigating: 4, reviewed: 8, publicizing: 12, awaiting_confirm: 22, submitted: 24 }[stopAt] ?? 3;
    const accept = workdaysBefore(now, steps);
    // Keep every step in the past: the drive advances from the 受理 day.
    await drive(t, accept, { stopAt, relative });
    count++;
  }
  // The previous year and this year to date: decided by now (a round whose month has not ended a month ago waits).
  const thisYear = Number(chinaDate(now).slice(0, 4));
  for (const [back, month, orgs] of LATER_ROUNDS) {
    for (const org of orgs) {
      const day = 3 + Math.floor(rand() * 20);
      const accept = addWorkdays(
        new Date(at10(`${thisYear - back}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).getTime() - 86_400_000),
        1,
      );
      if (accept.getTime() > now.getTime() - 60 * 86_400_000) continue;
      const r = rand();
      await drivePast(
        TOWNSHIPS.find((x) => x.org === org)!,
        accept,
        { refuse: r < 0.1, objection: r > 0.9 },
      );
      count++;
    }
  }
  clock.set(now);
  // The past applications' inbox items (待签收、待您确认 … of acts long done) are history, not work: removed unread.
  if (pastCases.length)
    await sql`delete from core.notification n where n.case_id in (${sql.join(pastCases)})
      and not exists (select 1 from core.notification_read r where r.notification_id = n.id)`.execute(ctx.db);
  await sql`update dibao.household set is_demo = true where id in (select household_id from dibao.application where is_demo)`.execute(ctx.db);
  // Re-checks: push the 2019 households' next dates ahead, leaving a few due today.
  // (A household flagged by the 抽查 keeps its 2019 date: its 复核 opens today, overdue.)
  await sql`update dibao.household set next_recheck_on = (${chinaDate(now)}::date + ((abs(hashtext(id::text)) % 150) + 10)) where is_demo and status = 'active'
    and id not in (select (correction->>'householdId')::uuid from dibao.spot_check_item where correction->>'kind' = '复核')`.execute(ctx.db);
  await sql`update dibao.household set next_recheck_on = ${chinaDate(now)}::date where id in (
    select id from dibao.household where is_demo and status = 'active' and area_path like '640000.640400.640423.640423100%' order by id limit 2)
    or id in (select id from dibao.household where is_demo and status = 'active' and area_path like '640000.640200.640221.640221100%' order by id limit 1)
    or id in (select id from dibao.household where is_demo and status = 'active' and area_path like '640000.640400.640422.640422100%' order by id limit 1)`.execute(
    ctx.db,
  );
  await timed('recheck sweep', () => sweepRechecks(c, { isDemo: true }));
  // 西吉 (county approval): 吉强镇 has recorded a re-check and proposes 停发; the county bureau decides (暂行办法 第十三条).
  const xjRecheck = (
    await sql<{ case_id: string }>`select r.case_id from dibao.recheck r join dibao.household h on h.id = r.household_id
    where r.result is null and h.is_demo and h.area_path like '640000.640400.640422.640422100%' order by r.case_id limit 1`.execute(ctx.db)
  ).rows[0];
  if (xjRecheck) {
    await move(staff.townships.get('640422100-gov')!.clerk, xjRecheck.case_id, 'report', {
      proposal: '停发',
      findings: '入户复核：户主已在县城稳定就业，月工资 3800 元，家庭人均收入超过当地标准',
      reason: '家庭人均收入超过当地低保标准',
      incomeClass: '稳定',
    });
  }
  return { applications: count, steps: Object.fromEntries([...steps].map(([k, v]) => [k, { n: v.n, ms: Math.round(v.ms) }])) };
}
