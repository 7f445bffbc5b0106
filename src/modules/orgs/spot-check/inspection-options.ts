import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { notFound } from '../../../platform/errors.ts';
import { recordInScope, requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { unitOfficers } from '../../enforcement/contract.ts';
import { inspectionItemsOf } from '../../catalogue/contract.ts';
import { Day } from '../contracts/http.ts';
import type { Inspector } from './spot-check-rules.ts';
import { storedTeams } from './team-plan.ts';

const json = <T>(v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export const InspectionOptionsQuery = z.object({
  organizationId: z.uuid('社会组织 ID 格式不正确').optional().meta({ title: '抽中的社会组织（标明其抽取的检查人员和须回避的人员）' }),
  day: Day.optional().meta({ title: '检查日期（执法证在该日有效；默认今天）' }),
});
export const InspectionOptions = z.object({
  officers: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      certNo: z.string().meta({ description: '行政执法证号' }),
      drawn: z.boolean().meta({ description: '抽取的本组织检查人员' }),
      conflict: z.boolean().meta({ description: '已声明须回避本组织' }),
    }),
  ),
  items: z.array(z.object({ code: z.string(), name: z.string(), objects: z.string() })),
});

/**
 * What the clerk picks from when recording a drawn organization's inspection: the registering authority's officers
 * with a 行政执法证 valid on the day (the drawn team marked, declared 回避 marked), and its approved 检查实施清单
 * items (社会组织 ones first) — the choices recordSpotInspection accepts.
 */
export async function inspectionOptions(ctx: AppContext, actor: Actor, id: string, q: z.infer<typeof InspectionOptionsQuery>) {
  requirePermission(actor, 'orgs.register');
  const s = (
    await sql<{ authority_area_path: string; authority_org_unit_id: string; inspectors: unknown }>`select authority_area_path, authority_org_unit_id, inspectors
      from orgs.spot_check where id = ${id}`.execute(ctx.db)
  ).rows[0];
  if (!s || !recordInScope(actor, 'orgs.register', { areaPath: s.authority_area_path })) throw notFound('抽查', 'ORG_SPOT_CHECK_NOT_FOUND');
  const team = q.organizationId ? await drawnTeam(ctx, id, q.organizationId) : { uscc: '', inspectors: [] };
  if (!team) throw notFound('本次抽查中的该社会组织', 'ORG_SPOT_ITEM_NOT_FOUND');
  const drawn = new Set(team.inspectors);
  const pool = json<Inspector[]>(s.inspectors);
  const officers = await unitOfficers(ctx, { areaPath: s.authority_area_path, day: q.day ?? chinaDate(ctx.clock.now()) });
  const items = await inspectionItemsOf(ctx, { orgUnitId: s.authority_org_unit_id });
  return {
    officers: officers.map((o) => {
      const inPool = pool.find((i) => i.officerId === o.id);
      return {
        id: o.id,
        name: o.name,
        certNo: o.certNo,
        drawn: !!inPool && drawn.has(inPool.name),
        conflict: !!team.uscc && !!inPool?.conflicts?.includes(team.uscc),
      };
    }),
    items: [...items.filter((i) => i.objects === '社会组织'), ...items.filter((i) => i.objects !== '社会组织')].map((i) => ({
      code: i.code,
      name: i.name,
      objects: i.objects,
    })),
  };
}

/** The drawn organization's team: its item's once inspected, else from the draw's stored teams (a list or a v2 plan). */
async function drawnTeam(ctx: AppContext, id: string, organizationId: string): Promise<{ uscc: string; inspectors: string[] } | null> {
  const d = (
    await sql<{ id: string; sample_size: number; teams: unknown; uscc: string; item_inspectors: unknown }>`select s.id, s.sample_size, s.teams, p.uscc,
        (select i.inspectors from orgs.spot_check_item i where i.spot_check_id = s.id and i.organization_id = p.organization_id) as item_inspectors
      from orgs.spot_check s join orgs.spot_check_population p on p.spot_check_id = s.id and p.pos <= s.sample_size
      where s.id = ${id} and s.drawn_on is not null and p.organization_id = ${organizationId}`.execute(ctx.db)
  ).rows[0];
  if (!d) return null;
  if (d.item_inspectors != null) return { uscc: d.uscc, inspectors: json<string[]>(d.item_inspectors) };
  return { uscc: d.uscc, inspectors: (await storedTeams(ctx.db, d, [d.uscc])).get(d.uscc) ?? [] };
}
