import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { recordInScope, requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { commitmentOf, drawSpotCheck, populationFingerprint, type Inspector, type Team } from './spot-check-rules.ts';
import { SPOT_DRAW_V2, frozenPopulationHash, redrawV2InDb, sampleV2InDb } from './draw-v2.ts';
import { expandTeams, type TeamPlan } from './team-plan.ts';

const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export const SpotCheckDto = z.object({
  id: z.uuid(),
  kind: z.enum(['plan', 'adhoc']),
  year: z.number(),
  title: z.string(),
  authority: z.string(),
  areaPath: z.string(),
  ratio: z.number().nullable(),
  sampleSize: z.number(),
  perTeam: z.number(),
  commitment: z.string(),
  committedOn: z.string(),
  drawnOn: z.string().nullable(),
  revealedOn: z.string().nullable(),
  seed: z.string().nullable(),
  algorithm: z.string().meta({ description: '抽取算法：sm3-mulberry32-fisher-yates/1（旧计划）或 sha256-rank/2' }),
  populationSize: z.number(),
  fingerprint: z.string(),
  inspectors: z.array(
    z.object({
      name: z.string(),
      conflicts: z.array(z.string()),
      certNo: z.string().optional().meta({ description: '行政执法证号（从执法人员中选定的检查人员）' }),
    }),
  ),
  results: z
    .object({ drawn: z.number(), inspected: z.number(), notices: z.number(), rectified: z.number(), listed: z.number() })
    .meta({ description: '抽中、已检查、发放整改通知书、已整改、逾期未整改列入活动异常名录的数目；名单分页见 …/items，名录见 …/population' }),
});
export const SpotCheckList = z.object({
  items: z.array(
    SpotCheckDto.pick({
      id: true,
      kind: true,
      year: true,
      title: true,
      authority: true,
      areaPath: true,
      sampleSize: true,
      committedOn: true,
      drawnOn: true,
      revealedOn: true,
    }),
  ),
});
export const VerifyDto = z.object({
  id: z.uuid(),
  commitment: z.string(),
  seed: z.string(),
  commitmentMatches: z.boolean(),
  sampleMatches: z.boolean(),
  populationMatches: z.boolean(),
  teamsMatch: z.boolean(),
  matches: z.boolean(),
  drawn: z.number(),
  listDigest: z.string().meta({
    description: '重新抽取的名单（每行“统一社会信用代码<TAB>检查人员、检查人员”，按代码排序，以换行连接）的 SHA-256',
  }),
  message: z.string(),
});

const HEAD = sql`select s.*, u.name as authority, s.committed_on::text as committed_t, s.drawn_on::text as drawn_t, s.revealed_on::text as revealed_t
  from orgs.spot_check s join core.org_unit u on u.id = s.authority_org_unit_id`;

const head = (s: any) => ({
  id: s.id,
  kind: s.kind,
  year: s.year,
  title: s.title,
  authority: s.authority,
  areaPath: s.authority_area_path,
  sampleSize: s.sample_size,
  committedOn: s.committed_t,
  drawnOn: s.drawn_t,
  revealedOn: s.revealed_t,
});

async function full(ctx: AppContext, s: any): Promise<z.infer<typeof SpotCheckDto>> {
  const r = (
    await sql<any>`select count(*) filter (where method is not null)::int as inspected, count(*) filter (where notice_no is not null)::int as notices,
        count(*) filter (where rectified_on is not null)::int as rectified, count(*) filter (where listing_id is not null)::int as listed
      from orgs.spot_check_item where spot_check_id = ${s.id}`.execute(ctx.db)
  ).rows[0];
  return {
    ...head(s),
    ratio: s.ratio == null ? null : Number(s.ratio),
    perTeam: s.per_team,
    commitment: s.commitment,
    seed: s.revealed_t ? s.seed : null,
    algorithm: s.algorithm,
    populationSize: s.population_size,
    fingerprint: s.algorithm === SPOT_DRAW_V2 ? s.population_hash : populationFingerprint(json<string[]>(s.population)),
    inspectors: json<Inspector[]>(s.inspectors),
    results: { drawn: s.drawn_t ? s.sample_size : 0, ...r },
  };
}

/** Spot checks of the authorities in the actor's scope, newest first. */
export async function listSpotChecks(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'orgs.read');
  const rows = (await sql<any>`${HEAD} order by s.committed_on desc, s.created_at desc limit 500`.execute(ctx.db)).rows;
  return { items: rows.filter((s) => recordInScope(actor, 'orgs.read', { areaPath: s.authority_area_path })).map(head) };
}

export async function getSpotCheck(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'orgs.read');
  const s = (await sql<any>`${HEAD} where s.id = ${id}`.execute(ctx.db)).rows[0];
  if (!s || !recordInScope(actor, 'orgs.read', { areaPath: s.authority_area_path })) throw notFound('抽查', 'ORG_SPOT_CHECK_NOT_FOUND');
  return full(ctx, s);
}

/** 公开: every spot check (the commitment from the start, the list once drawn, the seed once revealed, results). */
export async function publicSpotChecks(ctx: AppContext) {
  return { items: (await sql<any>`${HEAD} order by s.committed_on desc, s.created_at desc limit 200`.execute(ctx.db)).rows.map(head) };
}

export async function publicSpotCheck(ctx: AppContext, id: string) {
  const s = (await sql<any>`${HEAD} where s.id = ${id}`.execute(ctx.db)).rows[0];
  if (!s) throw notFound('抽查', 'ORG_SPOT_CHECK_NOT_FOUND');
  return full(ctx, s);
}

/** 复核: re-runs the draw from the published population, inspector pool and the revealed seed and compares. */
export async function verifySpotCheck(ctx: AppContext, id: string): Promise<z.infer<typeof VerifyDto>> {
  const s = (await sql<any>`${HEAD} where s.id = ${id}`.execute(ctx.db)).rows[0];
  if (!s) throw notFound('抽查', 'ORG_SPOT_CHECK_NOT_FOUND');
  if (!s.drawn_t) throw conflict('ORG_SPOT_CHECK_NOT_DRAWN', '本次抽查尚未抽取。');
  if (!s.revealed_t) throw conflict('ORG_SPOT_CHECK_NOT_REVEALED', '本次抽查的种子尚未公布，公布后即可复核。');
  const pool = json<Inspector[]>(s.inspectors);
  let again: { sample: string[]; teams: Team[] };
  let populationMatches = true;
  // the published list: v2 — the frozen positions 1…k (and the teams as a plan since the compact form); v1 — as stored
  let sample = json<string[] | null>(s.sample);
  let stored = json<Team[] | TeamPlan>(s.teams);
  if (s.algorithm === SPOT_DRAW_V2) {
    again = await redrawV2InDb(ctx.db, s, pool);
    populationMatches = (await frozenPopulationHash(ctx.db, s.id)) === s.population_hash;
    sample = await sampleV2InDb(ctx.db, s.id, s.sample_size);
    if (!Array.isArray(stored)) stored = expandTeams(stored, sample);
  } else {
    const v1 = drawSpotCheck(json<string[]>(s.population), s.sample_size, pool, s.per_team, s.seed);
    again = { sample: v1.objects.sample, teams: v1.teams };
  }
  const commitmentMatches = commitmentOf(s.seed) === s.commitment;
  const sampleMatches = again.sample.join('\n') === (sample ?? []).join('\n');
  const teamsMatch = JSON.stringify(again.teams) === JSON.stringify(stored);
  const matches = commitmentMatches && populationMatches && sampleMatches && teamsMatch;
  const message = matches
    ? '种子与事先公布的承诺一致，按公布的名录重新抽取，抽查对象和检查人员与公布结果一致。'
    : !populationMatches
      ? '抽查对象名录与事先公布的指纹不一致。'
      : !commitmentMatches
        ? '公布的种子与事先公布的承诺不一致。'
        : !sampleMatches
          ? '重新抽取的抽查对象与公布结果不一致。'
          : '重新抽取的检查人员与公布结果不一致。';
  const listDigest = createHash('sha256')
    .update(again.teams.map((t) => `${t.uscc}\t${t.inspectors.join('、')}`).join('\n'), 'utf8')
    .digest('hex');
  return {
    id,
    commitment: s.commitment,
    seed: s.seed,
    commitmentMatches,
    populationMatches,
    sampleMatches,
    teamsMatch,
    matches,
    drawn: again.sample.length,
    listDigest,
    message,
  };
}
