import { sql } from 'kysely';
import type { AppContext, Clock } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { applyAction, applyTransition, acknowledgeHandoff, handOff } from '../../../kernel/workflow/index.ts';
import { residentIdCheckChar } from '../../../kernel/codes/index.ts';
import { seedDelegations } from '../delegation/regime.ts';
import { registerApplication } from '../commands/register-application.ts';
import { drawSpotCheck, recordVisit } from '../spot-check/spot-check.ts';
import { sweepRechecks } from '../recheck/recheck-workflow.ts';
import { MATERIALS } from '../contract.ts';

/** Deterministic pseudo-random numbers for the demo (same data on every fresh start). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['马', '杨', '李', '王', '张', '海', '田', '苏', '何', '刘', '赵', '周', '冯', '白', '虎'];
const GIVEN = ['建国', '秀兰', '志强', '桂花', '文华', '玉梅', '德福', '春燕', '小军', '海燕', '富贵', '丽娟', '永红', '金花', '国庆'];

type Township = { org: string; village: string; county: string; kind: 'urban' | 'rural' };
const TOWNSHIPS: Township[] = [
  { org: '640423100-gov', village: '640423100201', county: '640423', kind: 'rural' },
  { org: '640423101-gov', village: '640423101201', county: '640423', kind: 'rural' },
  { org: '640104001-gov', village: '640104001001', county: '640104', kind: 'urban' },
  { org: '640104100-gov', village: '640104100201', county: '640104', kind: 'rural' },
  { org: '640221100-gov', village: '640221100201', county: '640221', kind: 'rural' },
  { org: '640221101-gov', village: '640221101201', county: '640221', kind: 'rural' },
  { org: '640422100-gov', village: '640422100201', county: '640422', kind: 'rural' },
];

function fixedClock(d: Date): Clock & { set(x: Date): void } {
  let t = d.getTime();
  // Never ahead of the real time: the demo's steps happened in the past.
  return { now: () => new Date(t), set: (x) => void (t = Math.min(x.getTime(), Date.now())) };
}

/** Next working day (Mon–Fri) n days on, at 10:00 China time. */
function addWorkdays(d: Date, n: number): Date {
  let x = new Date(d.getTime());
  let left = n;
  while (left > 0) {
    x = new Date(x.getTime() + 86_400_000);
    const wd = new Date(x.getTime() + 8 * 3_600_000).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return x;
}
const at10 = (date: string) => new Date(`${date}T10:00:00+08:00`);

async function orgActor(ctx: AppContext, orgCode: string, displayName: string, permissions: string[]): Promise<Actor> {
  const o = (
    await sql<{
      id: string;
      area_code: string;
      area_path: string;
      name: string;
    }>`select id, area_code, area_path, name from core.org_unit where code = ${orgCode}`.execute(ctx.db)
  ).rows[0];
  if (!o) throw new Error(`demo org ${orgCode} missing`);
  return {
    ...SYSTEM_ACTOR,
    username: `demo-${orgCode}`,
    displayName,
    orgUnitId: o.id,
    areaCode: o.area_code,
    areaPath: o.area_path,
    grants: [
      {
        assignmentId: 'demo',
        roleCode: 'demo',
        roleName: '演示',
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

/**
 * 低保 demo: the 2019 regimes, ≈50 applications of 2019 in pilot (隆德, 兴庆 from April, 平罗 from
 * July) and non-pilot (西吉; 兴庆/平罗 before their dates) counties, driven through the real flow
 * with a manual clock so processing times differ as they would (the county step adds the
 * hand-off, 签收 and county review); some applications in progress today for the demo accounts'
 * worklists; a spot check in 隆德; a few re-checks due. Idempotent (skips when demo applications exist).
 */
export type DibaoDemoResult = { applications: number; steps: Record<string, { n: number; ms: number }> };

export async function seedDibaoDemo(ctx: AppContext): Promise<DibaoDemoResult> {
  await seedDelegations(ctx);
  const done = (await sql<{ n: number }>`select count(*)::int as n from dibao.application where is_demo`.execute(ctx.db)).rows[0]!.n;
  if (done) return { applications: 0, steps: {} };
  await ensureStandards(ctx);
  const rand = rng(2019);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const clock = fixedClock(new Date());
  const c: AppContext = { ...ctx, clock };
  const actors = new Map<string, { clerk: Actor; lead: Actor }>();
  for (const t of TOWNSHIPS) {
    actors.set(t.org, {
      clerk: await orgActor(ctx, t.org, '乡镇民政经办人（演示）', ['dibao.read', 'dibao.apply', 'dibao.handle']),
      lead: await orgActor(ctx, t.org, '乡镇分管领导（演示）', ['dibao.read', 'dibao.confirm']),
    });
  }
  const counties = new Map<string, { clerk: Actor; lead: Actor }>();
  for (const code of new Set(TOWNSHIPS.map((t) => t.county))) {
    counties.set(code, {
      clerk: await orgActor(ctx, `${code}-mzj`, '县民政局经办人（演示）', ['dibao.read', 'dibao.handle']),
      lead: await orgActor(ctx, `${code}-mzj`, '县民政局局长（演示）', ['dibao.read', 'dibao.confirm']),
    });
  }
  let seq = 0;
  const household = (t: Township) => {
    seq++;
    const n = 1 + Math.floor(rand() * 4);
    const members = Array.from({ length: n }, (_, i) => {
      const year = i === 0 ? 1950 + Math.floor(rand() * 35) : i === 1 ? 1955 + Math.floor(rand() * 35) : 2000 + Math.floor(rand() * 15);
      const birth = `${year}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const first = `${t.county}${birth}${String(400 + ((seq * 7 + i) % 600)).padStart(3, '0')}`;
      return {
        name: pick(SURNAMES) + pick(GIVEN),
        idNumber: first + residentIdCheckChar(first),
        relation: i === 0 ? '申请人' : i === 1 ? '配偶' : '子女',
        hukouAreaCode: t.county,
        disability: rand() < 0.15 ? '二级' : '无',
        health: rand() < 0.3 ? '慢性病' : '健康',
        workAbility: i === 0 && rand() < 0.4 ? '部分丧失' : '有',
      };
    });
    return {
      areaCode: t.village,
      kind: t.kind,
      address: `${pick(['东', '西', '南', '北'])}街${seq}号`,
      phone: `139${String(10000000 + seq * 7919).slice(0, 8)}`,
      channel: rand() < 0.2 ? '村居代办' : '窗口',
      materials: MATERIALS.slice(0, 6),
      members,
      incomes: [{ memberIndex: 0, kind: pick(['工资性收入', '经营净收入', '转移净收入'] as const), monthlyCents: 5000 * (1 + Math.floor(rand() * 4)) * n }],
      assets: [
        { kind: '住房', description: '自有住房', valueCents: 0, areaM2: 8 * n + Math.floor(rand() * 5) },
        { kind: '存款', description: '银行存款', valueCents: 100000 * Math.floor(rand() * 5) },
      ],
      expenses: rand() < 0.4 ? [{ kind: '医疗', monthlyCents: 5000 + Math.floor(rand() * 10) * 1000 }] : [],
    };
  };
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
  const move = async (actor: Actor, id: string, name: string, input: unknown = {}, comment?: string) =>
    timed(name, () => applyTransition(c, actor, { caseId: id, transition: name, input, comment }));

  /** Drive one application; stopAt leaves it in progress. Returns the case id. */
  const drive = async (
    t: Township,
    accept: Date,
    opts: { refuse?: boolean; objection?: boolean | 'founded'; stopAt?: string; relative?: boolean; notAccept?: string } = {},
  ) => {
    const a = actors.get(t.org)!;
    const county = counties.get(t.county)!;
    clock.set(new Date(accept.getTime() - 86_400_000 * (1 + Math.floor(rand() * 3))));
    const body = opts.relative
      ? {
          ...household(t),
          relativeOfStaff: true,
          staffRelative: { staffName: `${pick(SURNAMES)}${pick(GIVEN)}`, staffPost: '村（居）民委员会成员', relation: '兄弟姐妹' },
        }
      : household(t);
    const reg = await timed('register', () => registerApplication(c, a.clerk, body, { isDemo: true }));
    const stop = (s: string) => opts.stopAt === s;
    if (stop('applied')) return reg.id;
    clock.set(accept);
    if (opts.notAccept) {
      await move(a.clerk, reg.id, 'not_accept', { code: opts.notAccept, reason: '经审查，申请人户籍不在本乡镇（街道），已告知其向户籍所在地乡镇人民政府申请' });
      return reg.id;
    }
    await move(a.clerk, reg.id, 'accept');
    if (stop('checking')) return reg.id;
    let d = addWorkdays(accept, 1 + Math.floor(rand() * 2));
    clock.set(d);
    await move(a.clerk, reg.id, 'verify');
    if (stop('investigating')) return reg.id;
    // An objection found 属实 turns a 拟同意 into a refusal after the 复查; otherwise 拟不同意 skips the 公示.
    const founded = opts.objection === 'founded';
    const refuseAtReview = opts.refuse && !founded;
    const investigate = async () => {
      d = addWorkdays(d, 2 + Math.floor(rand() * 3));
      clock.set(d);
      await move(a.clerk, reg.id, 'investigate', {
        staff: `${pick(SURNAMES.slice(0, 7))}${pick(GIVEN)}、${pick(SURNAMES.slice(7))}${pick(GIVEN)}`,
        date: chinaDate(d),
        findings: '入户查看住房、家电和生活状况，与申报基本一致',
        incomeStable: rand() < 0.3 ? '不固定' : '稳定',
      });
      d = addWorkdays(d, 1 + Math.floor(rand() * 2));
      clock.set(d);
      await move(a.clerk, reg.id, 'review', {
        opinion: refuseAtReview ? '拟不同意' : '拟同意',
        text: refuseAtReview ? '家庭人均收入高于标准' : '经调查核实，符合低保条件',
      });
    };
    await investigate();
    if (stop('reviewed')) return reg.id;
    if (!refuseAtReview) {
      d = addWorkdays(d, 1);
      clock.set(d);
      await move(a.clerk, reg.id, 'publicize');
      if (stop('publicizing')) return reg.id;
      if (opts.objection) {
        clock.set(new Date(d.getTime() + 3 * 86_400_000));
        await move(a.clerk, reg.id, 'object', { content: '群众反映该户有成员长期在外务工', objector: '村民' });
        d = addWorkdays(new Date(d.getTime() + 3 * 86_400_000), 2 + Math.floor(rand() * 4));
        clock.set(d);
        await move(a.clerk, reg.id, founded ? 'objection_founded' : 'objection_unfounded', {
          staff: `${pick(SURNAMES.slice(0, 7))}${pick(GIVEN)}、${pick(SURNAMES.slice(7))}${pick(GIVEN)}`,
          date: chinaDate(d),
          findings: founded ? '复查：该户成员长期在外务工，月收入约 4000 元，未申报，异议属实' : '复查：该成员已分户另居，异议不属实',
        });
      }
      if (!founded) {
        // 公示期满: the day after the period's last day (the publicity clock's due date).
        const to = (await sql<{ to: string }>`select publicity_to::text as to from dibao.application where case_id = ${reg.id}`.execute(ctx.db)).rows[0]!.to;
        d = new Date(at10(to).getTime() + 86_400_000);
        clock.set(d);
        await move(a.clerk, reg.id, 'end_publicity');
      }
    } else {
      await move(a.clerk, reg.id, 'skip_publicity');
    }
    if (stop('awaiting_confirm')) return reg.id;
    const app = (await sql<{ authority: string }>`select authority from dibao.application where case_id = ${reg.id}`.execute(ctx.db)).rows[0]!;
    let decider = a.lead;
    // 近亲属备案: sent up and decided by the county even where approval is delegated.
    if (app.authority === 'county' || opts.relative) {
      d = addWorkdays(d, 1);
      clock.set(d);
      const bureau = (await sql<{ id: string }>`select id from core.org_unit where code = ${`${t.county}-mzj`}`.execute(ctx.db)).rows[0]!;
      await timed('handoff', () => handOff(c, a.clerk, { caseId: reg.id, kind: 'transfer', toOrgId: bureau.id, note: '乡镇审核、公示完毕，报请县级确认' }));
      if (stop('submitted')) return reg.id;
      d = addWorkdays(d, 1 + Math.floor(rand() * 3));
      clock.set(d);
      await timed('acknowledge', () => acknowledgeHandoff(c, county.clerk, { caseId: reg.id }));
      d = addWorkdays(d, 4 + Math.floor(rand() * 6));
      decider = county.lead;
      if (opts.relative) {
        clock.set(d);
        await timed('county visit', () =>
          applyAction(c, county.clerk, {
            caseId: reg.id,
            type: 'dibao',
            action: 'county_visit',
            input: { staff: '县民政局核查员甲、县民政局核查员乙', date: chinaDate(d), result: '属实', findings: '县民政局入户核查，家庭收入、财产与申报一致' },
          }),
        );
      }
    } else {
      d = addWorkdays(d, 1 + Math.floor(rand() * 2));
    }
    clock.set(d);
    if (opts.refuse || founded) {
      await move(decider, reg.id, 'refuse', {
        reasons: founded ? '公示期间群众异议经复查属实，家庭成员务工收入未申报，人均收入高于当地低保标准' : '经核对，家庭人均收入高于当地低保标准',
      });
      clock.set(addWorkdays(d, 1));
      await move(app.authority === 'county' || opts.relative ? county.clerk : a.clerk, reg.id, 'send_notice', {
        method: '当面送达',
        date: chinaDate(addWorkdays(d, 1)),
      });
    } else {
      try {
        await move(decider, reg.id, 'confirm', { note: '同意' });
      } catch (e) {
        // A standard set lower by the money side can make a demo household ineligible: decide honestly.
        if ((e as { code?: string }).code !== 'DIBAO_NOT_ELIGIBLE') throw e;
        await move(decider, reg.id, 'refuse', { reasons: (e as Error).message.replace(/^DIBAO_NOT_ELIGIBLE: /, '') });
        return reg.id;
      }
      // 公布 in the village (暂行办法第十一条(三)) a few working days later, by the holder of the case.
      d = addWorkdays(d, 1 + Math.floor(rand() * 3));
      clock.set(d);
      const village = (await sql<{ name: string }>`select name from core.area where code = ${t.village}`.execute(ctx.db)).rows[0]?.name ?? '村（社区）';
      await timed('publish', () =>
        applyAction(c, app.authority === 'county' || opts.relative ? county.clerk : a.clerk, {
          caseId: reg.id,
          type: 'dibao',
          action: 'publish',
          input: { date: chinaDate(d), channel: '村（居）务公开栏', place: `${village}村（居）务公开栏` },
        }),
      );
    }
    return reg.id;
  };

  let count = 0;
  // 2019: applications spread over the year in every sample township.
  // Two rounds: March (兴庆、平罗 still county-level) and September (both delegated by then).
  for (const month of [3, 9]) {
    for (const t of TOWNSHIPS) {
      const day = 3 + Math.floor(rand() * 20);
      let accept = at10(`2019-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      accept = addWorkdays(new Date(accept.getTime() - 86_400_000), 1);
      const r = rand();
      // 近亲属备案 in 隆德 沙塘镇 and 平罗 (September): the county visits and decides.
      await drive(t, accept, { refuse: r < 0.08, objection: r > 0.88, relative: month === 9 && ['640423101-gov', '640221101-gov'].includes(t.org) });
      count++;
    }
  }
  // 不予受理 (兴庆, 隆德) and 公示异议 found 属实 → 不予确认 (隆德 城关镇, 平罗): the C2 steps in 2019.
  const extra: Array<[string, string, Parameters<typeof drive>[2]]> = [
    ['640423101-gov', '2019-05-13', { notAccept: '非户籍所在地乡镇（街道）受理范围' }],
    ['640104100-gov', '2019-06-11', { notAccept: '非户籍所在地乡镇（街道）受理范围' }],
    ['640423100-gov', '2019-10-14', { objection: 'founded' }],
    ['640221100-gov', '2019-10-21', { objection: 'founded' }],
  ];
  for (const [org, day, opts] of extra) {
    await drive(
      TOWNSHIPS.find((x) => x.org === org)!,
      at10(day),
      opts,
    );
    count++;
  }
  // 隆德 county supervision: a reproducible 30% draw of 2019 township decisions (确认, 不予确认, 不予受理), half visited;
  // the first visit finds 不属实 and opens a correction (an approved household is re-checked at once).
  const ld = counties.get('640423')!;
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
  const recent = (wd: number) => {
    let x = at10(chinaDate(now));
    for (let left = wd; left > 0;) {
      x = new Date(x.getTime() - 86_400_000);
      const w = new Date(x.getTime() + 8 * 3_600_000).getUTCDay();
      if (w !== 0 && w !== 6) left--;
    }
    return x;
  };
  const today: Array<[string, string]> = [
    ['640423100-gov', 'applied'],
    ['640423100-gov', 'checking'],
    ['640423100-gov', 'awaiting_confirm'],
    ['640221100-gov', 'investigating'],
    ['640104001-gov', 'applied'],
    ['640104001-gov', 'reviewed'],
    ['640422100-gov', 'awaiting_confirm'],
    ['640422100-gov', 'submitted'],
  ];
  for (const [org, stopAt] of today) {
    const relative = org === '640104001-gov' && stopAt === 'reviewed';
    const t = TOWNSHIPS.find((x) => x.org === org)!;
    const steps = { applied: 1, checking: 2, investigating: 4, reviewed: 8, awaiting_confirm: 22, submitted: 24 }[stopAt] ?? 3;
    const accept = recent(steps);
    // Keep every step in the past: the drive advances from the 受理 day.
    await drive(t, accept, { stopAt, relative });
    count++;
  }
  clock.set(now);
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
    await move(actors.get('640422100-gov')!.clerk, xjRecheck.case_id, 'report', {
      proposal: '停发',
      findings: '入户复核：户主已在县城稳定就业，月工资 3800 元，家庭人均收入超过当地标准',
      reason: '家庭人均收入超过当地低保标准',
      incomeClass: '稳定',
    });
  }
  return { applications: count, steps: Object.fromEntries([...steps].map(([k, v]) => [k, { n: v.n, ms: Math.round(v.ms) }])) };
}
