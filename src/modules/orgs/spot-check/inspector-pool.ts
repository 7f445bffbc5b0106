import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { unitOfficers } from '../../enforcement/contract.ts';
import type { Inspector } from './spot-check-rules.ts';

export const InspectorInput = z.object({
  officerId: z.uuid('执法人员 ID 格式不正确').optional().meta({ title: '执法人员（行政执法证持有人）' }),
  name: z.string().trim().min(2, '检查人员姓名至少2个字').max(40, '检查人员姓名不能超过40个字').optional().meta({ title: '检查人员（未选执法人员时填写）' }),
  conflicts: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '回避的社会组织应以18位统一社会信用代码填写'),
    )
    .max(200)
    .default([])
    .meta({ title: '需回避的社会组织（统一社会信用代码）' }),
});

/**
 * The inspector pool of a spot check, frozen at commit. Drawn from the authority's certified officers (enforcement's
 * 执法人员 of its area with a 行政执法证 valid on `day`): named by `officerId`, or — when no pool is given — all of
 * them, so each inspector carries a 执法证号 and the inspection can be reported as a 检查行为. A name without an
 * officer stays possible (a pool as before: such a team's inspection is not reported). Names must be unique: the
 * draw shuffles them.
 */
export async function inspectorPool(
  ctx: AppContext,
  authority: { name: string; areaPath: string },
  input: readonly z.infer<typeof InspectorInput>[],
  day: string,
): Promise<Inspector[]> {
  let pool: Inspector[];
  if (!input.length) {
    pool = (await unitOfficers(ctx, { areaPath: authority.areaPath, day })).map((o) => ({ name: o.name, conflicts: [], officerId: o.id, certNo: o.certNo }));
    if (pool.length < 2)
      throw new AppError('VALIDATION_FAILED', 400, `${authority.name}持有效行政执法证的执法人员不足2人，请填写检查人员名录。`, { field: 'inspectors' });
  } else {
    const ids = input.flatMap((i) => (i.officerId ? [i.officerId] : []));
    const officers = new Map((ids.length ? await unitOfficers(ctx, { ids, day }) : []).map((o) => [o.id, o]));
    pool = input.map((i) => {
      const conflicts = [...new Set(i.conflicts)].sort();
      if (!i.officerId) {
        if (!i.name) throw new AppError('VALIDATION_FAILED', 400, '请选择执法人员或填写检查人员姓名。', { field: 'inspectors' });
        return { name: i.name, conflicts };
      }
      const o = officers.get(i.officerId);
      if (!o || o.areaPath !== authority.areaPath)
        throw new AppError('VALIDATION_FAILED', 400, `所选执法人员不是${authority.name}的执法人员。`, { field: 'inspectors' });
      if (o.problem) throw new AppError('ORG_INSPECTOR_NOT_CERTIFIED', 422, `${o.name}：${o.problem}，不能列入检查人员名录。`, { field: 'inspectors' });
      return { name: o.name, conflicts, officerId: o.id, certNo: o.certNo };
    });
  }
  if (pool.length < 2) throw new AppError('VALIDATION_FAILED', 400, '检查人员名录至少2人。', { field: 'inspectors' });
  const names = pool.map((i) => i.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new AppError('VALIDATION_FAILED', 400, `检查人员“${dup}”重复填写。`, { field: 'inspectors' });
  return pool;
}
