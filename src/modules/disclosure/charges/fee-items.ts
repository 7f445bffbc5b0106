import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { plainText } from '../../../platform/http/input-schemas.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { inScope, recordInScope, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';

/** 行政事业性收费项目 of a year, amount collected in 万元 (four decimals: to the 元). */
export const FeeItemInput = z.object({
  year: z.number({ message: '「年度」应为四位年份' }).int('「年度」应为四位年份').min(2000, '「年度」不早于 2000 年').max(2100, '「年度」不晚于 2100 年'),
  name: plainText('收费项目名称', 100, { kind: 'line' }),
  basis: plainText('收费依据（批准文件）', 200),
  amount: z
    .number({ message: '「本年收费金额（万元）」应为数字' })
    .min(0, '「本年收费金额（万元）」不能为负数')
    .max(1e9, '「本年收费金额（万元）」过大')
    .refine((n) => Math.abs(Math.round(n * 1e4) - n * 1e4) < 1e-6, '「本年收费金额（万元）」最多保留四位小数'),
});
export const FeeItemsQuery = z.object({ year: z.coerce.number({ message: '「year」须为四位年份' }).int().min(2000).max(2100).optional() });

type FeeRow = { id: string; org_unit_id: string; area_path: string; year: number; name: string; basis: string; amount: string };
const feeDb = (db: Kysely<DB>) => db as unknown as Kysely<DB & { 'disclosure.fee_item': FeeRow }>;

/** 登记 a fee item of the actor's office (disclosure.handle); the same name twice in a year is refused 409. */
export async function createFeeItem(ctx: AppContext, actor: Actor, raw: unknown) {
  const input = parseInput(FeeItemInput, raw);
  if (!recordInScope(actor, 'disclosure.handle', { areaPath: actor.areaPath, orgUnitId: actor.orgUnitId }))
    throw forbidden('没有登记行政事业性收费项目的权限（disclosure.handle）');
  return withTx(ctx, async (tx) => {
    const dup = await sql`select 1 from disclosure.fee_item where org_unit_id = ${actor.orgUnitId} and year = ${input.year} and name = ${input.name}`.execute(
      tx.db,
    );
    if (dup.rows.length) throw new AppError('DISCLOSURE_FEE_DUPLICATE', 409, `本单位 ${input.year} 年已登记收费项目「${input.name}」`, { field: 'name' });
    const u = await tx.db.selectFrom('core.org_unit').select('area_path').where('id', '=', actor.orgUnitId).executeTakeFirstOrThrow();
    const id = uuidv7();
    await sql`insert into disclosure.fee_item (id, org_unit_id, area_path, year, name, basis, amount, created_by, created_at)
      values (${id}, ${actor.orgUnitId}, ${u.area_path}, ${input.year}, ${input.name}, ${input.basis}, ${input.amount}, ${userRef(actor)}, ${tx.clock.now()})`.execute(
      tx.db,
    );
    await recordAudit(tx, {
      actor,
      action: 'disclosure.fee.record',
      entityType: 'disclosure_fee_item',
      entityId: id,
      areaPath: u.area_path,
      orgUnitId: actor.orgUnitId,
      after: { year: input.year, name: input.name, amount: input.amount },
    });
    return { id };
  });
}

/** The fee items (of a year, when given) under an area path (its subtree) that the actor may read. */
export async function feeItems(ctx: AppContext, actor: Actor, year?: number, areaPath?: string) {
  let b = feeDb(ctx.db)
    .selectFrom('disclosure.fee_item as f')
    .innerJoin('core.org_unit as u', 'u.id', 'f.org_unit_id')
    .where(inScope(actor, 'disclosure.read', { areaPath: 'f.area_path', orgUnitId: 'f.org_unit_id' }))
    .where((eb) => (year ? eb('f.year', '=', year) : eb.lit(true)));
  if (areaPath) b = b.where(sql<boolean>`(f.area_path = ${areaPath} or f.area_path like ${areaPath.replace(/[\\%_]/g, '\\$&') + '.%'})`);
  const rows = await b
    .select([
      'f.id',
      'f.org_unit_id as orgUnitId',
      'f.area_path as areaPath',
      'u.name as org',
      'f.year',
      'f.name',
      'f.basis',
      sql<string>`f.amount::text`.as('amount'),
    ])
    .orderBy('f.year', 'desc')
    .orderBy('f.area_path')
    .orderBy('f.name')
    .execute();
  return { items: rows.map((r) => ({ ...r, amount: Number(r.amount) })) };
}
