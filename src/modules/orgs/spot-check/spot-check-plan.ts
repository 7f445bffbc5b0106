import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { recordInScope, requirePermission, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { resolveAuthority } from '../registry/authority.ts';
import { commitmentOf, drawSpotCheck, inspectorOrder, planSize, ratioProblem, type Inspector } from './spot-check-rules.ts';
import { SPOT_DRAW_V2, freezePopulation, numberDrawn } from './draw-v2.ts';
import { conflictedUsccs, drawnIndexes, teamPlan } from './team-plan.ts';
import { InspectorInput, inspectorPool } from './inspector-pool.ts';

export const SpotCheckInput = z.object({
  kind: z.enum(['plan', 'adhoc'], '抽查类型应为 plan（定期抽查）或 adhoc（不定期抽查）').meta({ title: '抽查类型' }),
  year: z.number('请填写年度').int('年度应为整数').min(2000, '年度不正确').max(2999, '年度不正确').meta({ title: '年度' }),
  title: z.string().trim().min(2, '请填写抽查名称').max(200, '抽查名称不能超过200个字').meta({ title: '抽查名称' }),
  authorityId: z.uuid('登记管理机关 ID 格式不正确').nullable().optional().meta({ title: '登记管理机关' }),
  ratio: z.number('抽查比例应为数字').gt(0, '抽查比例应大于0').max(1, '抽查比例不能超过1').nullable().optional().meta({ title: '抽查比例（定期抽查）' }),
  count: z.number('抽查数量应为整数').int('抽查数量应为整数').min(1, '抽查数量至少为1').nullable().optional().meta({ title: '抽查数量（不定期抽查）' }),
  perTeam: z
    .number()
    .int('每组人数应为整数')
    .min(2, '每个检查组不少于2名检查人员')
    .max(10, '每个检查组不超过10人')
    .default(2)
    .meta({ title: '每组检查人员数' }),
  inspectors: z.array(InspectorInput).max(500, '检查人员名录不超过500人').default([]).meta({ title: '检查人员名录（不填：本机关持有效执法证的全部执法人员）' }),
});
export const SpotCheckCommitted = z.object({
  id: z.uuid(),
  commitment: z.string(),
  algorithm: z.string(),
  population: z.number(),
  fingerprint: z.string(),
  sampleSize: z.number(),
});
export const SpotCheckDrawn = z.object({
  id: z.uuid(),
  drawn: z.number().meta({ description: '抽中的社会组织数；名单及检查人员见 …/:id/items（分页）' }),
});
export const SpotCheckRevealed = z.object({ id: z.uuid(), seed: z.string(), commitment: z.string() });

/**
 * Step 1 — 公布承诺: freezes the population (the USCCs of the authority's organizations in good standing
 * today) and the inspector pool with their declared conflicts, makes a secret seed and publishes only its
 * SM3 commitment. A 定期抽查 below the minimum ratio of the authority's level is refused (400).
 */
export async function commitSpotCheck(ctx: AppContext, actor: Actor, input: z.infer<typeof SpotCheckInput>) {
  requirePermission(actor, 'orgs.register');
  return withTx(ctx, async (tx) => {
    const a = await resolveAuthority(tx, actor, 'orgs.register', input.authorityId);
    const today = chinaDate(tx.clock.now());
    const inspectors = await inspectorPool(tx, a, input.inspectors, today);
    if (input.perTeam > inspectors.length)
      throw new AppError('VALIDATION_FAILED', 400, `每组${input.perTeam}人，检查人员名录只有${inspectors.length}人。`, { field: 'perTeam' });
    let ratio: number | null = null;
    if (input.kind === 'plan') {
      if (input.ratio == null) throw new AppError('VALIDATION_FAILED', 400, '定期抽查须填写抽查比例。', { field: 'ratio' });
      const problem = ratioProblem(a.level, input.ratio);
      if (problem) throw new AppError('ORG_SPOT_CHECK_RATIO', 400, problem, { field: 'ratio' });
      ratio = input.ratio;
    } else if (input.count == null) throw new AppError('VALIDATION_FAILED', 400, '不定期抽查须填写抽查数量。', { field: 'count' });
    const seed = randomBytes(32).toString('hex');
    const commitment = commitmentOf(seed);
    const id = randomUUID();
    await sql`insert into orgs.spot_check (id, kind, year, title, authority_org_unit_id, authority_area_path, authority_level, ratio, sample_size, per_team,
        commitment, seed, algorithm, population_size, inspectors, committed_on, created_by)
      values (${id}, ${input.kind}, ${input.year}, ${input.title}, ${a.id}, ${a.areaPath}, ${a.level}, ${ratio}, 0, ${input.perTeam},
        ${commitment}, ${seed}, ${SPOT_DRAW_V2}, 0, ${JSON.stringify(inspectors)}::jsonb, ${today}::date, ${userRef(actor)})`.execute(tx.db);
    // the population's sorts (fingerprint, top-k ranks) in memory rather than on disk, for this transaction only
    await sql`set local work_mem = '128MB'`.execute(tx.db);
    const population = await freezePopulation(tx.db, id, a.id, today);
    if (!population.n) throw conflict('ORG_SPOT_CHECK_EMPTY', `${a.name}没有存续的登记社会组织，无法抽查。`);
    const size = ratio != null ? planSize(population.n, ratio) : input.count!;
    if (size > population.n)
      throw new AppError('VALIDATION_FAILED', 400, `抽查数量${size}超过${a.name}登记的存续社会组织数${population.n}。`, { field: 'count' });
    await numberDrawn(tx.db, id, size, seed);
    await sql`update orgs.spot_check set sample_size = ${size}, population_size = ${population.n}, population_hash = ${population.hash}
      where id = ${id}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'orgs.spot_check.commit',
      entityType: 'orgs_spot_check',
      entityId: id,
      areaPath: a.areaPath,
      orgUnitId: a.id,
      after: {
        kind: input.kind,
        year: input.year,
        ratio,
        sampleSize: size,
        population: population.n,
        fingerprint: population.hash,
        commitment,
        inspectors: inspectors.length,
        certified: inspectors.filter((i) => i.officerId).length,
      },
    });
    return { id, commitment, algorithm: SPOT_DRAW_V2, population: population.n, fingerprint: population.hash, sampleSize: size };
  });
}

/** The stored spot check in the actor's scope for `permission`, locked, or 404. */
export async function spotCheckInScope(ctx: AppContext, actor: Actor, id: string, permission: string) {
  const s = (
    await sql<any>`select *, committed_on::text as committed_t, drawn_on::text as drawn_t, revealed_on::text as revealed_t
      from orgs.spot_check where id = ${id} for update`.execute(ctx.db)
  ).rows[0];
  if (!s || !recordInScope(actor, permission, { areaPath: s.authority_area_path })) throw notFound('抽查', 'ORG_SPOT_CHECK_NOT_FOUND');
  return s;
}

const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/**
 * Step 2 — 抽取: draws organizations and teams from the frozen lists with the (still secret) seed; the list is published at once.
 * v2: the list is the population's positions 1…k (ranked at commit) and the teams a `TeamPlan` (team-plan.ts): only the drawn
 * organizations someone must 回避 are read, so the draw costs the same at 45,000 drawn as at 5.
 */
export async function runSpotCheckDraw(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'orgs.register');
  return withTx(ctx, async (tx) => {
    const s = await spotCheckInScope(tx, actor, id, 'orgs.register');
    if (s.drawn_t) throw conflict('ORG_SPOT_CHECK_DRAWN', `本次抽查已于${s.drawn_t}抽取。`);
    const pool = json<Inspector[]>(s.inspectors);
    const today = chinaDate(tx.clock.now());
    let teamsJson: string;
    try {
      if (s.algorithm === SPOT_DRAW_V2) {
        const conflicted = await drawnIndexes(tx.db, id, s.sample_size, conflictedUsccs(pool));
        teamsJson = JSON.stringify(teamPlan(conflicted, inspectorOrder(pool, s.seed), pool, s.per_team));
        await sql`update orgs.spot_check set drawn_on = ${today}::date, teams = ${teamsJson}::jsonb where id = ${id}`.execute(tx.db);
      } else teamsJson = await drawV1(tx.db, s, pool, today);
    } catch (e) {
      if (e instanceof RangeError) throw conflict('ORG_SPOT_CHECK_TEAM', e.message);
      throw e;
    }
    await recordAudit(tx, {
      actor,
      action: 'orgs.spot_check.draw',
      entityType: 'orgs_spot_check',
      entityId: id,
      areaPath: s.authority_area_path,
      orgUnitId: s.authority_org_unit_id,
      after: { drawnOn: today, algorithm: s.algorithm, drawn: s.sample_size, teamsSha256: createHash('sha256').update(teamsJson).digest('hex') },
    });
    return { id, drawn: s.sample_size as number };
  });
}

/** A v1 plan (jsonb population, kernel draw): the list and teams stored in full, an item row per drawn organization. */
async function drawV1(db: Kysely<any>, s: any, pool: Inspector[], today: string) {
  const d = drawSpotCheck(json<string[]>(s.population), s.sample_size, pool, s.per_team, s.seed);
  const ids = new Map(
    (
      await sql<{ id: string; uscc: string }>`select id, uscc from orgs.organization
        where authority_org_unit_id = ${s.authority_org_unit_id} and uscc = any(${d.objects.sample}::text[])`.execute(db)
    ).rows.map((o) => [o.uscc, o.id]),
  );
  const teamsJson = JSON.stringify(d.teams);
  await sql`update orgs.spot_check set drawn_on = ${today}::date, sample = ${JSON.stringify(d.objects.sample)}::jsonb, teams = ${teamsJson}::jsonb
    where id = ${s.id}`.execute(db);
  await sql`insert into orgs.spot_check_item (spot_check_id, organization_id, inspectors)
    select ${s.id}, t.organization_id, t.inspectors::jsonb
    from unnest(${d.teams.map((t) => ids.get(t.uscc)!)}::uuid[], ${d.teams.map((t) => JSON.stringify(t.inspectors))}::text[])
      as t(organization_id, inspectors)`.execute(db);
  return teamsJson;
}

/** Step 3 — 公布种子: after the draw the seed is published; anyone can check it against the commitment and draw again. */
export async function revealSpotCheckSeed(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'orgs.register');
  return withTx(ctx, async (tx) => {
    const s = await spotCheckInScope(tx, actor, id, 'orgs.register');
    if (!s.drawn_t) throw conflict('ORG_SPOT_CHECK_NOT_DRAWN', '尚未抽取，不能公布种子（先抽取、后公布种子）。');
    if (!s.revealed_t) {
      const today = chinaDate(tx.clock.now());
      await sql`update orgs.spot_check set revealed_on = ${today}::date where id = ${id}`.execute(tx.db);
      await recordAudit(tx, {
        actor,
        action: 'orgs.spot_check.reveal',
        entityType: 'orgs_spot_check',
        entityId: id,
        areaPath: s.authority_area_path,
        orgUnitId: s.authority_org_unit_id,
        after: { seed: s.seed, revealedOn: today },
      });
    }
    return { id, seed: s.seed as string, commitment: s.commitment as string };
  });
}
