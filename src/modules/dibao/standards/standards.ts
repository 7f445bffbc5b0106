import { sql } from 'kysely';
import { z } from 'zod';
import type { Standard } from '../contracts/money.ts';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { badRequest, conflict, forbidden } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, userRef, type Actor, recordInScope } from '../../../kernel/identity/index.ts';

import { dibaoDb } from '../db.ts';

export const ListStandardsQuery = z.object({
  areaCode: z
    .string()
    .regex(/^\d{6}$/, '「areaCode」应为 6 位区划代码')
    .optional(),
  kind: z.enum(['urban', 'rural'], { message: '「kind」应为 urban 或 rural' }).optional(),
});

export type StandardDto = Standard;

/**
 * 保障标准 (published, public reference data): every row with the date its successor takes over
 * (effectiveTo) and whether it is the one in force today for its area and kind.
 */
export async function listStandards(ctx: AppContext, q: z.infer<typeof ListStandardsQuery>): Promise<{ items: StandardDto[] }> {
  const today = chinaToday(ctx);
  const rows = (
    await sql<any>`select s.id, s.area_code, a.name as area_name, a.level, s.kind, to_char(s.effective_from, 'YYYY-MM-DD') as effective_from,
        to_char(lead(s.effective_from) over (partition by s.area_code, s.kind order by s.effective_from) - 1, 'YYYY-MM-DD') as effective_to,
        s.monthly_cents, s.method, s.bands, s.min_cents, s.document, s.is_demo
      from dibao.standard s join core.area a on a.code = s.area_code
      where (${q.areaCode ?? null}::text is null or s.area_code = ${q.areaCode ?? null}) and (${q.kind ?? null}::text is null or s.kind = ${q.kind ?? null})
      order by a.path, s.kind, s.effective_from desc`.execute(ctx.db)
  ).rows;
  return {
    items: rows.map((r) => ({
      id: r.id,
      areaCode: r.area_code,
      areaName: r.area_name,
      areaLevel: r.level,
      kind: r.kind,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      monthlyCents: r.monthly_cents,
      method: r.method,
      bands: typeof r.bands === 'string' ? JSON.parse(r.bands) : r.bands,
      minCents: r.min_cents,
      document: r.document,
      isDemo: r.is_demo,
      current: r.effective_from <= today && (r.effective_to === null || r.effective_to >= today),
    })),
  };
}

const cents = (field: string) => z.number({ message: `「${field}」应为整数（分）` }).int(`「${field}」应为整数（分）`);
export const CreateStandardBody = z.object({
  areaCode: z.string().regex(/^\d{6}$/, '「areaCode」应为 6 位自治区、市或县（区）区划代码'),
  kind: z.enum(['urban', 'rural'], { message: '「kind」城乡类别应为 urban 或 rural' }),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '「effectiveFrom」生效日期格式应为 YYYY-MM-DD'),
  monthlyCents: cents('monthlyCents').min(1, '「monthlyCents」保障标准应大于零').max(10_000_000),
  method: z.enum(['difference', 'banded'], { message: '「method」计发方式应为 difference（差额）或 banded（分档）' }).default('difference'),
  bands: z
    .array(z.object({ belowCents: cents('bands.belowCents').min(1), perPersonCents: cents('bands.perPersonCents').min(1) }))
    .max(10)
    .nullish(),
  minCents: cents('minCents').min(0, '「minCents」不能为负').default(0),
  document: z.string().trim().min(2, '「document」请填写依据文件（文号）').max(200),
});

/** A new standard row (never an edit of an old one): its effective date must be later than any existing for the area and kind. */
export async function createStandard(ctx: AppContext, actor: Actor, input: z.infer<typeof CreateStandardBody>): Promise<StandardDto> {
  requirePermission(actor, 'dibao.configure');
  const area = await ctx.db.selectFrom('core.area').select(['code', 'name', 'path', 'level']).where('code', '=', input.areaCode).executeTakeFirst();
  if (!area || area.level > 3) throw badRequest('AREA_INVALID', '「areaCode」应为已知的自治区、市或县（区）区划代码', { field: 'areaCode' });
  if (!recordInScope(actor, 'dibao.configure', { areaPath: area.path })) throw forbidden(`没有为「${area.name}」设定保障标准的权限`);
  if (Number.isNaN(Date.parse(input.effectiveFrom))) throw badRequest('DATE_INVALID', '「effectiveFrom」不是有效日期', { field: 'effectiveFrom' });
  let bands: Array<{ belowCents: number; perPersonCents: number }> | null = null;
  if (input.method === 'banded') {
    bands = [...(input.bands ?? [])].sort((a, b) => a.belowCents - b.belowCents);
    if (!bands.length) throw badRequest('BANDS_REQUIRED', '「bands」分档计发须至少设一档', { field: 'bands' });
    if (bands.at(-1)!.belowCents < input.monthlyCents)
      throw badRequest('BANDS_INCOMPLETE', '「bands」最高一档的上限应不低于保障标准，以覆盖所有符合条件的家庭', { field: 'bands' });
  }
  return withTx(ctx, async (tx) => {
    const latest = await dibaoDb(tx.db)
      .selectFrom('dibao.standard')
      .select((eb) => eb.fn.max('effective_from').as('d'))
      .where('area_code', '=', area.code)
      .where('kind', '=', input.kind)
      .executeTakeFirst();
    const last = latest?.d ? String(latest.d).slice(0, 10) : null;
    if (last && input.effectiveFrom <= last)
      throw conflict('STANDARD_DATE_NOT_LATER', `「effectiveFrom」应晚于现行标准的生效日期 ${last}（历史标准不可改写，调整请新增一条）`, {
        field: 'effectiveFrom',
      });
    const id = uuidv7();
    await dibaoDb(tx.db)
      .insertInto('dibao.standard')
      .values({
        id,
        area_code: area.code,
        kind: input.kind,
        effective_from: input.effectiveFrom,
        monthly_cents: input.monthlyCents,
        method: input.method,
        bands: bands ? JSON.stringify(bands) : null,
        min_cents: input.minCents,
        document: input.document,
        created_by: userRef(actor),
      })
      .execute();
    await recordAudit(tx, {
      actor,
      action: 'dibao.standard.create',
      entityType: 'dibao_standard',
      entityId: id,
      areaCode: area.code,
      areaPath: area.path,
      after: { ...input, bands },
    });
    return (await listStandards(tx, { areaCode: area.code, kind: input.kind })).items.find((s) => s.id === id)!;
  });
}

function chinaToday(ctx: AppContext): string {
  return chinaDate(ctx.clock.now());
}
