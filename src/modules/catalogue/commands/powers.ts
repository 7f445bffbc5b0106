import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { POWER_TYPE_CODES, baseCodeProblem } from '../contracts/codes.ts';
import { officeInScope } from './offices.ts';

const text = (label: string, max = 2000) =>
  z
    .string({ error: `${label}必须填写` })
    .trim()
    .min(2, `${label}至少2个字`)
    .max(max, `${label}不能超过${max}个字`);

export const PowerInput = z.object({
  code: z
    .string({ error: '权力事项编码必须填写' })
    .trim()
    .toUpperCase()
    .superRefine((v, c) => {
      const p = baseCodeProblem(v);
      if (p) c.addIssue({ code: 'custom', message: p.replace('基本编码', '权力事项编码') });
    }),
  name: text('权力事项名称', 200),
  typeCode: z.enum(POWER_TYPE_CODES, { error: '权力类型代码应为01–10' }),
  legalBasis: text('设定依据'),
  duties: text('责任事项'),
  accountability: text('追责情形'),
  officeId: z.uuid('实施主体 ID 格式不正确'),
  validFrom: z.iso.date('生效日期应为日期（YYYY-MM-DD）'),
});

export const TransferInput = z.object({
  toBody: text('承接单位', 100),
  transferredOn: z.iso.date('划转日期应为日期（YYYY-MM-DD）'),
  basis: text('划转依据', 500),
});

/** 权责清单: one power with its 责任事项 and 追责情形, exercised by an office. */
export async function createPower(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const p = parseInput(PowerInput, raw);
  const office = await officeInScope(ctx, actor, p.officeId, 'catalogue.draft');
  return withTx(ctx, async (tx) => {
    const dup = await sql`select 1 from catalogue.power where code = ${p.code}`.execute(tx.db);
    if (dup.rows.length) throw conflict('CATALOGUE_POWER_EXISTS', `权力事项编码 ${p.code} 已存在（power code exists）`);
    const id = randomUUID();
    await sql`insert into catalogue.power (id, code, name, type_code, legal_basis, duties, accountability, office_id, area_path, valid_from, is_demo, created_at)
      values (${id}, ${p.code}, ${p.name}, ${p.typeCode}, ${p.legalBasis}, ${p.duties}, ${p.accountability}, ${office.id}, ${office.area_path},
        ${p.validFrom}, ${!!opts.demo}, ${tx.clock.now()})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'catalogue.power.create',
      entityType: 'catalogue_power',
      entityId: id,
      after: { code: p.code, name: p.name },
      areaPath: office.area_path,
    });
    return { id };
  });
}

/** 划转: the power passes to another body on a date (it leaves the list from that date); audited. */
export async function transferPower(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const t = parseInput(TransferInput, raw);
  return withTx(ctx, async (tx) => {
    const r = await sql<{ id: string; area_path: string; valid_from: string; transferred_on: string | null; name: string }>`
      select p.id, p.area_path, p.valid_from::text as valid_from, p.transferred_on::text as transferred_on, p.name
      from catalogue.power p where p.id = ${id} for update`.execute(tx.db);
    const p = r.rows[0];
    if (!p || !recordInScope(actor, 'catalogue.draft', { areaPath: p.area_path }))
      throw new AppError('CATALOGUE_POWER_NOT_FOUND', 404, '权力事项不存在或不在本人数据范围内（power not found）');
    if (p.transferred_on) throw conflict('CATALOGUE_POWER_TRANSFERRED', `该权力事项已于 ${p.transferred_on} 划转，不能重复划转`);
    if (t.transferredOn <= p.valid_from)
      throw badRequest('VALIDATION_FAILED', `划转日期应晚于该事项生效日期 ${p.valid_from}(transfer date after the start)`, { field: 'transferredOn' });
    await sql`update catalogue.power set transferred_on = ${t.transferredOn}, transferred_to = ${t.toBody} where id = ${id}`.execute(tx.db);
    await sql`insert into catalogue.power_transfer (id, power_id, to_body, transferred_on, basis, by_name, created_at)
      values (${randomUUID()}, ${id}, ${t.toBody}, ${t.transferredOn}, ${t.basis}, ${actor.displayName}, ${tx.clock.now()})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'catalogue.power.transfer',
      entityType: 'catalogue_power',
      entityId: id,
      before: { transferredTo: null },
      after: t,
      areaPath: p.area_path,
    });
    return { id, transferredOn: t.transferredOn, toBody: t.toBody };
  });
}
