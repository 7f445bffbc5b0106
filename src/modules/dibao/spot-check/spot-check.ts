import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { drawShare } from '../../../kernel/sampling/index.ts';
import { grantsFor, inScope, pathWithin, recordInScope } from '../../../kernel/identity/index.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { readDibaoSettings } from '../settings.ts';
import { dateText } from '../contract.ts';
import { fieldLabel } from '../commands/household-input.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { openCorrection } from './correction.ts';

/** Stored spot checks were drawn under this purpose: keep it, or their seeds no longer reproduce them. */
const SPOT_CHECK_PURPOSE = 'dibao-spot-check';

/** At least `ratio` of the population (case ids), drawn reproducibly from the seed (see kernel/sampling). */
export function drawSample(population: readonly string[], ratio: number, seed: string): string[] {
  return drawShare(population, ratio, { purpose: SPOT_CHECK_PURPOSE, seed }).sample;
}

const canSupervise = (actor: Actor, countyPath: string) =>
  ['dibao.confirm', 'dibao.handle'].some((p) =>
    grantsFor(actor, p).some((g) => g.scope === 'subtree' && pathWithin(countyPath, g.areaPath) && g.areaPath.split('.').length <= 3),
  );

export const DrawInput = z.object({
  countyCode: z.string().regex(/^\d{6}$/, '县（区）代码应为 6 位数字'),
  from: z.iso.date('起始日期格式应为 YYYY-MM-DD'),
  to: z.iso.date('截止日期格式应为 YYYY-MM-DD'),
  seed: z.string().trim().min(1).max(100).optional(),
  ratio: z.number().min(0.01).max(1).optional(),
});

/**
 * 县级抽查: the township-confirmed cases of a county decided in [from, to]; at least spotCheckRatio
 * of them (a higher ratio may be asked), drawn reproducibly; seed, population and sample stored.
 */
export async function drawSpotCheck(ctx: AppContext, actor: Actor, raw: unknown, opts: { isDemo?: boolean } = {}) {
  const i = parseInput(DrawInput, raw, fieldLabel);
  if (i.to < i.from) throw badRequest('VALIDATION_FAILED', '「截止日期」不能早于起始日期', { field: 'to' });
  const s = await readDibaoSettings(ctx.db);
  const ratio = Math.max(s.spotCheckRatio, i.ratio ?? 0);
  return withTx(ctx, async (tx) => {
    const county = await tx.db.selectFrom('core.area').select(['code', 'name', 'path', 'level']).where('code', '=', i.countyCode).executeTakeFirst();
    if (!county || county.level !== 3) throw badRequest('DIBAO_COUNTY_UNKNOWN', `「县（区）」${i.countyCode} 不是县级行政区划`, { field: 'countyCode' });
    if (!canSupervise(actor, county.path)) throw forbidden(`只有${county.name}或上级民政部门的低保经办、审批人员才能抽查`);
    const pop = (
      await sql<{
        case_id: string;
      }>`select case_id from dibao.application where county_code = ${i.countyCode} and authority = 'township' and not relative_of_staff
      and ((decision in ('确认', '不予确认') and decided_on between ${i.from}::date and ${i.to}::date) or not_accepted_on between ${i.from}::date and ${i.to}::date)
      order by case_id`.execute(tx.db)
    ).rows.map((r) => r.case_id);
    if (!pop.length)
      throw new AppError('DIBAO_SPOT_CHECK_EMPTY', 409, `${county.name}在 ${i.from} 至 ${i.to} 没有乡镇（街道）作出决定（确认、不予确认、不予受理）的低保案件`);
    const seed = i.seed ?? `${i.countyCode}:${i.from}:${i.to}:${chinaDate(tx.clock.now())}`;
    const sample = drawSample(pop, ratio, seed);
    const id = uuidv7();
    await sql`insert into dibao.spot_check (id, county_code, county_path, period_from, period_to, seed, ratio, population, sample, is_demo, created_by, created_at)
      values (${id}, ${county.code}, ${county.path}, ${i.from}::date, ${i.to}::date, ${seed}, ${ratio}, ${JSON.stringify(pop)}::jsonb, ${JSON.stringify(sample)}::jsonb, ${opts.isDemo ?? false}, ${actor.userId}, ${tx.clock.now()})`.execute(
      tx.db,
    );
    for (const caseId of sample) await sql`insert into dibao.spot_check_item (spot_check_id, case_id) values (${id}, ${caseId})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'dibao.spot_check.draw',
      entityType: 'dibao_spot_check',
      entityId: id,
      after: { seed, ratio, population: pop.length, sample: sample.length },
      areaCode: county.code,
      areaPath: county.path,
    });
    return { id, countyCode: county.code, seed, ratio, population: pop.length, sample };
  });
}

export const VisitInput = z.object({
  visitedOn: z.iso.date('入户日期格式应为 YYYY-MM-DD'),
  result: z.enum(['属实', '基本属实', '不属实'], { message: '请选择抽查结果' }),
  findings: z.string().trim().min(5, '请填写入户抽查情况（不少于 5 字）').max(5000),
});

export async function recordVisit(ctx: AppContext, actor: Actor, spotCheckId: string, caseId: string, raw: unknown) {
  const i = parseInput(VisitInput, raw, fieldLabel);
  return withTx(ctx, async (tx) => {
    const sc = (
      await sql<{ county_path: string; county_code: string }>`select county_path, county_code from dibao.spot_check where id = ${spotCheckId}`.execute(tx.db)
    ).rows[0];
    if (!sc || !recordInScope(actor, 'dibao.read', { areaPath: sc.county_path }))
      throw new AppError('DIBAO_SPOT_CHECK_NOT_FOUND', 404, '抽查批次不存在或无权查看');
    if (!canSupervise(actor, sc.county_path)) throw forbidden('只有县级及以上民政部门的低保经办、审批人员才能登记抽查结果');
    const r =
      await sql`update dibao.spot_check_item set visited_on = ${i.visitedOn}::date, result = ${i.result}, findings = ${i.findings}, visited_by = ${actor.userId}, visited_by_name = ${actor.displayName}
      where spot_check_id = ${spotCheckId} and case_id = ${caseId}`.execute(tx.db);
    if (!Number(r.numAffectedRows ?? 0)) throw new AppError('DIBAO_NOT_SAMPLED', 404, '该案件不在本次抽查样本中');
    // 不属实 opens a correction once (a later visit of the same case does not open another).
    const open = (
      await sql<{ correction: unknown }>`select correction from dibao.spot_check_item where spot_check_id = ${spotCheckId} and case_id = ${caseId}`.execute(
        tx.db,
      )
    ).rows[0]!;
    let correction: Awaited<ReturnType<typeof openCorrection>> | null = null;
    if (i.result === '不属实' && open.correction == null) {
      correction = await openCorrection(tx, actor, caseId, i.visitedOn, i.findings);
      await sql`update dibao.spot_check_item set correction = ${JSON.stringify(correction)}::jsonb where spot_check_id = ${spotCheckId} and case_id = ${caseId}`.execute(
        tx.db,
      );
    }
    await recordAudit(tx, {
      actor,
      action: 'dibao.spot_check.visit',
      entityType: 'dibao_spot_check',
      entityId: spotCheckId,
      after: { caseId, ...i, ...(correction ? { correction } : {}) },
      areaCode: sc.county_code,
      areaPath: sc.county_path,
    });
    return { ok: true as const };
  });
}

export async function listSpotChecks(ctx: AppContext, actor: Actor) {
  const rows = await (ctx.db as any)
    .selectFrom('dibao.spot_check as s')
    .innerJoin('core.area as a', 'a.code', 's.county_code')
    .where(inScope(actor, 'dibao.read', { areaPath: 's.county_path' }))
    .select([
      's.id',
      's.county_code',
      's.county_path',
      'a.name as county_name',
      sql<string>`s.period_from::text`.as('period_from'),
      sql<string>`s.period_to::text`.as('period_to'),
      's.seed',
      's.ratio',
      sql<number>`jsonb_array_length(s.population)`.as('population'),
      sql<number>`jsonb_array_length(s.sample)`.as('sample'),
      's.created_at',
      sql<number>`(select count(*)::int from dibao.spot_check_item i where i.spot_check_id = s.id and i.result is not null)`.as('visited'),
    ])
    .orderBy('s.created_at', 'desc')
    .limit(200)
    .execute();
  return {
    items: rows.map((r: any) => ({
      id: r.id,
      countyCode: r.county_code,
      areaPath: r.county_path,
      countyName: r.county_name,
      from: r.period_from,
      to: r.period_to,
      seed: r.seed,
      ratio: Number(r.ratio),
      population: Number(r.population),
      sample: Number(r.sample),
      visited: Number(r.visited),
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

export async function getSpotCheck(ctx: AppContext, actor: Actor, id: string) {
  const s = (
    await sql<any>`select s.*, s.period_from::text as pf, s.period_to::text as pt, a.name as county_name from dibao.spot_check s join core.area a on a.code = s.county_code where s.id = ${id}`.execute(
      ctx.db,
    )
  ).rows[0];
  if (!s || !recordInScope(actor, 'dibao.read', { areaPath: s.county_path })) throw new AppError('DIBAO_SPOT_CHECK_NOT_FOUND', 404, '抽查批次不存在或无权查看');
  const items = (
    await sql<any>`select i.case_id, i.visited_on::text as visited_on, i.result, i.findings, i.visited_by_name, i.correction, c.ref_no, c.title,
      coalesce(p.decided_on, p.not_accepted_on)::text as decided_on, case when p.not_accepted_on is not null then '不予受理' else p.decision end as decision, t.name as township
    from dibao.spot_check_item i join core.case c on c.id = i.case_id join dibao.application p on p.case_id = i.case_id join core.org_unit t on t.id = p.township_org_id
    where i.spot_check_id = ${id} order by c.ref_no`.execute(ctx.db)
  ).rows;
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as string[];
  return {
    id: s.id,
    countyCode: s.county_code,
    areaPath: s.county_path,
    countyName: s.county_name,
    from: s.pf,
    to: s.pt,
    seed: s.seed,
    ratio: Number(s.ratio),
    population: parse(s.population),
    sample: parse(s.sample),
    createdAt: new Date(s.created_at).toISOString(),
    items: items.map((i) => ({
      caseId: i.case_id,
      refNo: i.ref_no,
      title: i.title,
      township: i.township,
      decidedOn: dateText(i.decided_on),
      visitedOn: i.visited_on,
      result: i.result,
      findings: i.findings,
      visitedByName: i.visited_by_name,
      decision: i.decision,
      correction: i.correction == null ? null : typeof i.correction === 'string' ? JSON.parse(i.correction) : i.correction,
    })),
  };
}
