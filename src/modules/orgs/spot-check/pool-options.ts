import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { requirePermission, type Actor } from '../../../kernel/identity/index.ts';
import { unitOfficers } from '../../enforcement/contract.ts';
import { resolveAuthority } from '../registry/authority.ts';

export const PoolOptionsQuery = z.object({
  authorityId: z.uuid('登记管理机关 ID 格式不正确').optional().meta({ title: '登记管理机关（默认：本人所在单位）' }),
});
export const PoolOptions = z.object({
  authority: z.string(),
  day: z.string().meta({ description: '计划日期（承诺公布之日，执法证须在该日有效）' }),
  officers: z.array(z.object({ id: z.uuid(), name: z.string(), certNo: z.string().meta({ description: '行政执法证号' }) })),
});

/**
 * What a new plan's inspector pool is picked from: the registering authority's officers with a 行政执法证 valid on the
 * plan's day (today: the day the commitment is published) — the officers `inspectorPool` accepts.
 */
export async function poolOptions(ctx: AppContext, actor: Actor, q: z.infer<typeof PoolOptionsQuery>) {
  requirePermission(actor, 'orgs.register');
  const a = await resolveAuthority(ctx, actor, 'orgs.register', q.authorityId);
  const day = chinaDate(ctx.clock.now());
  const officers = await unitOfficers(ctx, { areaPath: a.areaPath, day });
  return { authority: a.name, day, officers: officers.map((o) => ({ id: o.id, name: o.name, certNo: o.certNo })) };
}
