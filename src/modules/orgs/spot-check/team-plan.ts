import { sql, type Kysely } from 'kysely';
import { conflictsOf, teamFrom, type Inspector, type Team } from './spot-check-rules.ts';

/**
 * The teams of a v2 draw, stored compactly. `assignTeams` gives the i-th drawn organization (by USCC) the next
 * `perTeam` names of the shuffled pool, so its team follows from i alone — except where an organization someone
 * declared a conflict with (回避) was drawn: there names are skipped and every later team shifts. The plan keeps
 * the pool order and one break per such organization (its index, team and the position after it); `teamAt` gives
 * any index's team, the same as the full `assignTeams` list, which at 45,000 drawn organizations is ~3 MB to write.
 */
export type TeamPlan = { perTeam: number; order: string[]; breaks: { i: number; uscc: string; inspectors: string[]; next: number }[] };

/** The plan from the drawn organizations that have a conflict, each with its index in the drawn list (by USCC). */
export function teamPlan(conflicted: readonly { uscc: string; i: number }[], order: readonly string[], pool: readonly Inspector[], perTeam: number): TeamPlan {
  const conflicts = conflictsOf(pool);
  const breaks: TeamPlan['breaks'] = [];
  let next = 0;
  let from = 0;
  for (const c of [...conflicted].sort((a, b) => a.i - b.i)) {
    const t = teamFrom(c.uscc, (next + (c.i - from) * perTeam) % order.length, order, conflicts, perTeam);
    breaks.push({ i: c.i, uscc: c.uscc, inspectors: t.inspectors, next: t.next });
    next = t.next;
    from = c.i + 1;
  }
  return { perTeam, order: [...order], breaks };
}

/** The team of the i-th drawn organization (0-based, by USCC). */
export function teamAt(plan: TeamPlan, i: number): string[] {
  let lo = 0;
  let hi = plan.breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (plan.breaks[mid]!.i <= i) lo = mid + 1;
    else hi = mid;
  }
  const b = plan.breaks[lo - 1];
  if (b?.i === i) return b.inspectors;
  const m = plan.order.length;
  const p = ((b ? b.next : 0) + (i - (b ? b.i + 1 : 0)) * plan.perTeam) % m;
  return Array.from({ length: plan.perTeam }, (_, j) => plan.order[(p + j) % m]!);
}

/** The union of the pool's declared conflicts (the USCCs whose teams may break the pattern). */
export const conflictedUsccs = (pool: readonly Inspector[]) => [...new Set([...conflictsOf(pool).values()].flatMap((s) => [...s]))];

/**
 * Index (0-based, by USCC in code-point order) in the drawn list of a v2 plan — population positions 1…k — of each
 * of `usccs` that was drawn. Numbers the k drawn rows inside the database; only the asked ones come back.
 */
export async function drawnIndexes(db: Kysely<any>, spotCheckId: string, k: number, usccs: readonly string[]): Promise<{ uscc: string; i: number }[]> {
  if (!usccs.length) return [];
  return (
    await sql<{ uscc: string; i: number }>`select uscc, i from (
        select uscc, (row_number() over (order by uscc collate "C") - 1)::int as i from orgs.spot_check_population
        where spot_check_id = ${spotCheckId} and pos <= ${k}) d
      where uscc = any(${[...usccs]}::text[])`.execute(db)
  ).rows;
}

/**
 * The stored teams of these drawn organizations: a list (v1, and v2 drawn before the compact plan) or a `TeamPlan`.
 * `teams` is the stored jsonb value as read.
 */
export async function storedTeams(db: Kysely<any>, s: { id: string; sample_size: number; teams: unknown }, usccs: readonly string[]) {
  const stored = (typeof s.teams === 'string' ? JSON.parse(s.teams) : s.teams) as Team[] | TeamPlan | null;
  if (!stored) return new Map<string, string[]>();
  if (Array.isArray(stored)) return new Map(stored.map((t) => [t.uscc, t.inspectors]));
  return new Map((await drawnIndexes(db, s.id, s.sample_size, usccs)).map((d) => [d.uscc, teamAt(stored, d.i)]));
}

/** The whole team list of a plan (for 复核): every drawn USCC (sorted) with its team. */
export const expandTeams = (plan: TeamPlan, sample: readonly string[]): Team[] => sample.map((uscc, i) => ({ uscc, inspectors: teamAt(plan, i) }));
