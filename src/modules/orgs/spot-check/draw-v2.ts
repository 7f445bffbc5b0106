import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { DRAW_ALGORITHM } from '../../../kernel/sampling/index.ts';
import { SPOT_CHECK_PURPOSE, assignTeams, inspectorOrder, type Inspector, type Team } from './spot-check-rules.ts';

/** v1: the kernel's draw over a jsonb population (plans committed before 2026-12-10). */
export const SPOT_DRAW_V1 = DRAW_ALGORITHM;
/**
 * v2: the population frozen as rows; each USCC ranks by SHA-256(`orgs-spot-check:objects:<seed>:<USCC>`)
 * (bytes compared in order; ties, never met in practice, by the USCC), the first k are the sample, sorted.
 * The same ranking runs in SQL (PostgreSQL and PGlite both have sha256()) and here in plain JS.
 */
export const SPOT_DRAW_V2 = 'sha256-rank/2';

export const rankPrefix = (seed: string) => `${SPOT_CHECK_PURPOSE}:objects:${seed}:`;
const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** SHA-256 of the USCCs sorted (code-point order) and joined by '\n': the published fingerprint of a v2 population. */
export const populationHashV2 = (population: readonly string[]) => sha256Hex([...population].sort(byCode).join('\n'));

/** The v2 sample in plain JS — what anyone holding the published population and seed computes. */
export function sampleV2(population: readonly string[], k: number, seed: string): string[] {
  const prefix = rankPrefix(seed);
  return population
    .map((uscc) => ({ uscc, rank: sha256Hex(prefix + uscc) }))
    .sort((a, b) => byCode(a.rank, b.rank) || byCode(a.uscc, b.uscc))
    .slice(0, k)
    .map((x) => x.uscc)
    .sort(byCode);
}

/** Algorithm v2 in plain JS: the sample, then the same 回避 teams as v1. */
export function drawSpotCheckV2(population: readonly string[], k: number, pool: readonly Inspector[], perTeam: number, seed: string) {
  const sample = sampleV2(population, k, seed);
  return { sample, teams: assignTeams(sample, inspectorOrder(pool, seed), pool, perTeam) };
}

const rankSql = (seed: string) => sql`sha256(convert_to(${rankPrefix(seed)} || uscc, 'UTF8'))`;

/**
 * Freezes the v2 population of a plan: the authority's organizations in good standing on `day` become rows of
 * `orgs.spot_check_population` — USCC and organization id only, written in USCC order (the key's order). Returns the
 * count and the fingerprint (over the USCCs). The drawn order is `numberDrawn`'s, once the plan's size is known.
 */
export async function freezePopulation(db: Kysely<any>, spotCheckId: string, authorityId: string, day: string) {
  return (
    await sql<{ n: number; hash: string }>`with ins as (
        insert into orgs.spot_check_population (spot_check_id, uscc, organization_id)
        select ${spotCheckId}, uscc, id from orgs.organization
        where authority_org_unit_id = ${authorityId} and status = 'normal' and registered_on <= ${day}::date
        order by uscc collate "C"
        returning uscc)
      select count(*)::int as n,
        encode(sha256(convert_to(coalesce(string_agg(uscc, E'\\n' order by uscc collate "C"), ''), 'UTF8')), 'hex') as hash
      from ins`.execute(db)
  ).rows[0]!;
}

/**
 * Numbers the first k of the frozen population in drawn order under the plan's seed — ascending SHA-256 rank, ties by
 * USCC, `pos` 1…k — and keeps their names on the day, so the draw reads positions 1…k from an index. The seed is fixed
 * by the commitment, so the draw is too; the positions after k are never read (the re-run ranks from the seed).
 * A top-k sort: no full ordering of the population.
 */
export async function numberDrawn(db: Kysely<any>, spotCheckId: string, k: number, seed: string) {
  const top = (
    await sql<{ uscc: string; name: string }>`select t.uscc, o.name from (select uscc, organization_id, ${rankSql(seed)} as r
        from orgs.spot_check_population where spot_check_id = ${spotCheckId} order by r, uscc collate "C" limit ${k}) t
      join orgs.organization o on o.id = t.organization_id order by t.r, t.uscc collate "C"`.execute(db)
  ).rows;
  // From arrays, joined through the population's USCC key: the rows just written have no statistics yet.
  await sql`update orgs.spot_check_population p set pos = u.pos, name = u.name
    from unnest(${top.map((t) => t.uscc)}::text[], ${top.map((t) => t.name)}::text[]) with ordinality u(uscc, name, pos)
    where p.spot_check_id = ${spotCheckId} and p.uscc collate "C" = u.uscc`.execute(db);
}

/** The v2 list of a committed plan as stored: the first k positions frozen at commit, sorted by USCC. */
export async function sampleV2InDb(db: Kysely<any>, spotCheckId: string, k: number): Promise<string[]> {
  const rows = (await sql<{ uscc: string }>`select uscc from orgs.spot_check_population where spot_check_id = ${spotCheckId} and pos <= ${k}`.execute(db)).rows;
  return rows.map((r) => r.uscc).sort(byCode);
}

/** The v2 sample recomputed from the frozen USCCs and the seed alone (the stored ranks are not trusted): for 复核. */
export async function rerankV2InDb(db: Kysely<any>, spotCheckId: string, k: number, seed: string): Promise<string[]> {
  const rows = (
    await sql<{ uscc: string }>`select uscc from orgs.spot_check_population where spot_check_id = ${spotCheckId}
      order by ${rankSql(seed)}, uscc collate "C" limit ${k}`.execute(db)
  ).rows;
  return rows.map((r) => r.uscc).sort(byCode);
}

/** The fingerprint of the frozen v2 population recomputed in SQL (the same text as at commit; nothing shipped out). */
export async function frozenPopulationHash(db: Kysely<any>, spotCheckId: string): Promise<string> {
  return (
    await sql<{ hash: string }>`select encode(sha256(convert_to(coalesce(string_agg(uscc, E'\\n' order by uscc collate "C"), ''), 'UTF8')), 'hex') as hash
      from orgs.spot_check_population where spot_check_id = ${spotCheckId}`.execute(db)
  ).rows[0]!.hash;
}

/** The v2 draw of a stored plan recomputed from the frozen USCCs and the seed alone (复核): sample in SQL, teams in JS. */
export async function redrawV2InDb(db: Kysely<any>, s: { id: string; sample_size: number; per_team: number; seed: string }, pool: Inspector[]) {
  const sample = await rerankV2InDb(db, s.id, s.sample_size, s.seed);
  const teams: Team[] = assignTeams(sample, inspectorOrder(pool, s.seed), pool, s.per_team);
  return { sample, teams };
}
