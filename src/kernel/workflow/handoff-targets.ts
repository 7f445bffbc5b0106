import { sql } from 'kysely';
import { withTx, type AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/actor.ts';
import { partyFacts } from './case-access.ts';
import { lockCase } from './case-tx.ts';
import { decide } from './decide.ts';
import { workflowOf } from './define-workflow.ts';

export type TargetRelation = 'above' | 'same' | 'below';
export type HandoffTarget = { id: string; name: string; areaName: string; relation: TargetRelation; relationLabel: string };
export type HandoffTargets = {
  targets: HandoffTarget[];
  /** A hand-over to a body outside the platform (人社局 …): the transition that records it, when the actor may take it now. */
  outside: { transition: string; label: string; suggestions: string[] } | null;
};

const RELATION_LABEL: Record<TargetRelation, string> = { above: '上一级', same: '本级', below: '下级' };
type Unit = { id: string; name: string; area_name: string; area_code: string; area_path: string; area_level: number; parent_id: string | null; kind: string };

// 村(居)民委员会 are self-governing bodies, not 有权处理的机关: never a hand-off target.
const unitsWhere = (where: ReturnType<typeof sql>) => sql<Unit>`
  select o.id, o.name, a.name as area_name, o.area_code, o.area_path, a.level as area_level, o.parent_id, o.kind
  from core.org_unit o join core.area a on a.code = o.area_code
  where o.active and o.kind <> 'community_committee' and ${where}
  order by a.level, o.sort, o.code`;

/** The 民政 unit of the nearest area above `path` that has one (a unit's parent first, when it has one). */
async function levelAbove(tx: AppContext, unit: Unit): Promise<Unit[]> {
  if (unit.parent_id) return (await unitsWhere(sql`o.id = ${unit.parent_id}`).execute(tx.db)).rows;
  const codes = unit.area_path.split('.').slice(0, -1).reverse();
  for (const code of codes) {
    const rows = (await unitsWhere(sql`o.area_code = ${code} and o.parent_id is null and o.kind in ('department', 'bureau')`).execute(tx.db)).rows;
    if (rows.length) return rows;
  }
  return [];
}

/**
 * Names of the usual competent bodies outside the platform (《信访工作条例》第二十二条: 转送有权处理的机关),
 * filled with the area the holding unit answers to (a township's county): suggestions, the clerk may type another.
 */
function outsideSuggestions(areaName: string, level: number): string[] {
  const bureau = level === 1 ? '厅' : '局';
  const court = level === 1 ? '高级人民法院' : level === 2 ? '中级人民法院' : '人民法院';
  const names = [
    `人力资源和社会保障${bureau}`,
    `住房和城乡建设${bureau}`,
    '卫生健康委员会',
    '医疗保障局',
    `公安${bureau}`,
    `教育${bureau}`,
    `自然资源${bureau}`,
    `退役军人事务${bureau}`,
    '信访局',
    court,
    '纪律检查委员会、监察委员会',
  ].map((n) => `${areaName}${n}`);
  return level === 1 ? [...names, '中华人民共和国民政部'] : names;
}

/**
 * 转送/交办 targets of a case for its holding unit: the competent bodies on the platform — the level
 * above first, then the other units of its own level, then those one level down — never the holding
 * unit itself, never a 村(居)委会; and the hand-over to a body outside the platform, when the type has one.
 */
export async function handoffTargets(ctx: AppContext, actor: Actor, caseId: string): Promise<HandoffTargets> {
  return withTx(ctx, async (tx) => {
    const c = await lockCase(tx, actor, caseId);
    const def = workflowOf(c.type);
    const [unit] = (await unitsWhere(sql`o.id = ${c.org_unit_id}`).execute(tx.db)).rows;
    if (!unit) return { targets: [], outside: null };
    const above = await levelAbove(tx, unit);
    const same = (await unitsWhere(sql`o.area_code = ${unit.area_code} and o.id <> ${unit.id}`).execute(tx.db)).rows;
    const below = (
      await unitsWhere(
        sql`o.id <> ${unit.id} and (o.parent_id = ${unit.id} or (o.parent_id is null and o.kind in ('department', 'bureau', 'township_office')
          and a.parent_code = ${unit.area_code}))`,
      ).execute(tx.db)
    ).rows;
    const seen = new Set<string>([unit.id]);
    const targets: HandoffTarget[] = [];
    for (const [relation, rows] of [
      ['above', above],
      ['same', same],
      ['below', below],
    ] as const) {
      for (const o of rows) {
        if (seen.has(o.id)) continue;
        seen.add(o.id);
        targets.push({ id: o.id, name: o.name, areaName: o.area_name, relation, relationLabel: RELATION_LABEL[relation] });
      }
    }
    const name = def.handoff?.outside;
    const facts = { state: c.state, terminal: c.terminal, pendingHandoff: c.pending_handoff };
    const outside =
      name && decide(def, facts, name, partyFacts(actor, c)).ok
        ? { transition: name, label: def.transitions[name]!.label, suggestions: await suggestionsFor(tx, unit) }
        : null;
    return { targets, outside };
  });
}

/** Outside bodies are named after the county (or city, region) the unit answers to. */
async function suggestionsFor(tx: AppContext, unit: Unit): Promise<string[]> {
  if (unit.area_level <= 3) return outsideSuggestions(unit.area_name, unit.area_level);
  const code = unit.area_path.split('.')[2]!;
  const a = await tx.db.selectFrom('core.area').select(['name', 'level']).where('code', '=', code).executeTakeFirst();
  return a ? outsideSuggestions(a.name, a.level) : [];
}
