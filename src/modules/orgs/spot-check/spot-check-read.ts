import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import { recordInScope, requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { commitmentOf, drawSpotCheck, populationFingerprint, type Inspector, type Team } from './spot-check-rules.ts';
import { SPOT_DRAW_V2, drawV2InDb, frozenPopulation, populationHashV2 } from './draw-v2.ts';

const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

const ItemDto = z.object({
  organizationId: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  inspectors: z.array(z.string()),
  method: z.enum(['desk', 'onsite']).nullable(),
  inspectedOn: z.string().nullable(),
  findings: z.string().nullable(),
  problems: z.boolean().nullable(),
  noticeNo: z.string().nullable(),
  rectifyBy: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  listed: z.boolean(),
});
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
  population: z.array(z.string()),
  fingerprint: z.string(),
  inspectors: z.array(z.object({ name: z.string(), conflicts: z.array(z.string()) })),
  items: z.array(ItemDto),
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
  teamsMatch: z.boolean(),
  matches: z.boolean(),
  teams: z.array(z.object({ uscc: z.string(), inspectors: z.array(z.string()) })),
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

async function full(ctx: AppContext, s: any, withFindings: boolean): Promise<z.infer<typeof SpotCheckDto>> {
  const v2 = s.algorithm === SPOT_DRAW_V2;
  // v2: the drawn list is the population's first k positions; an item row exists once the organization was inspected.
  const items = (
    v2
      ? await sql<any>`select i.*, p.organization_id, p.uscc, p.name, i.inspected_on::text as inspected_t, i.rectify_by::text as rectify_t,
            i.rectified_on::text as rectified_t
          from orgs.spot_check_population p left join orgs.spot_check_item i on i.spot_check_id = p.spot_check_id and i.organization_id = p.organization_id
          where p.spot_check_id = ${s.id} and p.pos <= ${s.sample_size} and ${s.drawn_t != null} order by p.uscc collate "C"`.execute(ctx.db)
      : await sql<any>`select i.*, o.uscc, o.name, i.inspected_on::text as inspected_t, i.rectify_by::text as rectify_t, i.rectified_on::text as rectified_t
          from orgs.spot_check_item i join orgs.organization o on o.id = i.organization_id where i.spot_check_id = ${s.id} order by o.uscc`.execute(ctx.db)
  ).rows;
  const teams = new Map(json<Team[] | null>(s.teams)?.map((x) => [x.uscc, x.inspectors]) ?? []);
  const population = s.algorithm === SPOT_DRAW_V2 ? await frozenPopulation(ctx.db, s.id) : json<string[]>(s.population);
  return {
    ...head(s),
    ratio: s.ratio == null ? null : Number(s.ratio),
    perTeam: s.per_team,
    commitment: s.commitment,
    seed: s.revealed_t ? s.seed : null,
    algorithm: s.algorithm,
    populationSize: s.population_size,
    population,
    fingerprint: s.algorithm === SPOT_DRAW_V2 ? s.population_hash : populationFingerprint(population),
    inspectors: json<Inspector[]>(s.inspectors),
    items: items.map((i) => ({
      organizationId: i.organization_id,
      uscc: i.uscc,
      name: i.name,
      inspectors: i.inspectors == null ? (teams.get(i.uscc) ?? []) : json<string[]>(i.inspectors),
      method: i.method,
      inspectedOn: i.inspected_t,
      findings: withFindings ? i.findings : null,
      problems: i.problems ?? null,
      noticeNo: i.notice_no,
      rectifyBy: i.rectify_t,
      rectifiedOn: i.rectified_t,
      listed: i.listing_id != null,
    })),
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
  return full(ctx, s, true);
}

/** 公开: every spot check (the commitment from the start, the list once drawn, the seed once revealed, results). */
export async function publicSpotChecks(ctx: AppContext) {
  return { items: (await sql<any>`${HEAD} order by s.committed_on desc, s.created_at desc limit 200`.execute(ctx.db)).rows.map(head) };
}

export async function publicSpotCheck(ctx: AppContext, id: string) {
  const s = (await sql<any>`${HEAD} where s.id = ${id}`.execute(ctx.db)).rows[0];
  if (!s) throw notFound('抽查', 'ORG_SPOT_CHECK_NOT_FOUND');
  return full(ctx, s, false);
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
  if (s.algorithm === SPOT_DRAW_V2) {
    again = await drawV2InDb(ctx.db, s, pool, true);
    populationMatches = populationHashV2(await frozenPopulation(ctx.db, s.id)) === s.population_hash;
  } else {
    const v1 = drawSpotCheck(json<string[]>(s.population), s.sample_size, pool, s.per_team, s.seed);
    again = { sample: v1.objects.sample, teams: v1.teams };
  }
  const stored = json<Team[]>(s.teams);
  const commitmentMatches = commitmentOf(s.seed) === s.commitment && populationMatches;
  const sampleMatches = again.sample.join('\n') === json<string[]>(s.sample).join('\n');
  const teamsMatch = JSON.stringify(again.teams) === JSON.stringify(stored);
  const matches = commitmentMatches && sampleMatches && teamsMatch;
  const message = matches
    ? '种子与事先公布的承诺一致，按公布的名录重新抽取，抽查对象和检查人员与公布结果一致。'
    : !populationMatches
      ? '抽查对象名录与事先公布的指纹不一致。'
      : !commitmentMatches
        ? '公布的种子与事先公布的承诺不一致。'
        : !sampleMatches
          ? '重新抽取的抽查对象与公布结果不一致。'
          : '重新抽取的检查人员与公布结果不一致。';
  return { id, commitment: s.commitment, seed: s.seed, commitmentMatches, sampleMatches, teamsMatch, matches, teams: again.teams, message };
}
