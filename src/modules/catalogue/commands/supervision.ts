import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordInScope, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { inspectionCodeProblem, supervisionCodeProblem } from '../contracts/codes.ts';
import { officeInScope } from './offices.ts';

const text = (label: string, max = 1000) =>
  z
    .string({ error: `${label}必须填写` })
    .trim()
    .min(2, `${label}至少2个字`)
    .max(max, `${label}不能超过${max}个字`);
const opt = (max = 500) => z.string().trim().max(max).nullable().default(null);

export const SupervisionInput = z.object({
  kind: z.enum(['目录清单', '检查实施清单'], { error: '清单类型应为目录清单或检查实施清单' }),
  catalogueCode: z.string({ error: '监管事项目录编码必须填写' }).trim(),
  name: text('监管事项名称', 200),
  powerId: z.uuid('对应权力事项 ID 格式不正确'),
  officeId: z.uuid('实施机构 ID 格式不正确'),
  objects: text('监管对象', 500),
  basis: text('设定依据'),
  checkCategory: opt(),
  checkMethod: opt(),
  content: opt(2000),
  frequency: opt(),
});

/** 谁监管、谁录入: the supervising office's own staff enter the item; it waits for review. */
export async function enterSupervisionItem(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const s = parseInput(SupervisionInput, raw);
  const p14 = supervisionCodeProblem(s.catalogueCode);
  if (p14) throw badRequest('VALIDATION_FAILED', p14, { field: 'catalogueCode' });
  const office = await officeInScope(ctx, actor, s.officeId, 'catalogue.supervise');
  const code = s.kind === '目录清单' ? s.catalogueCode : `${office.uscc}${office.level}${s.catalogueCode}`;
  if (s.kind === '检查实施清单') {
    const p = inspectionCodeProblem(code);
    if (p) throw badRequest('VALIDATION_FAILED', p, { field: 'officeId' });
  }
  return withTx(ctx, async (tx) => {
    const power = await sql`select 1 from catalogue.power where id = ${s.powerId}`.execute(tx.db);
    if (!power.rows.length) throw badRequest('CATALOGUE_POWER_UNKNOWN', '对应的权力事项不存在（power item not found）', { field: 'powerId' });
    if ((await sql`select 1 from catalogue.supervision_item where code = ${code}`.execute(tx.db)).rows.length)
      throw conflict('CATALOGUE_SUPERVISION_EXISTS', `监管事项编码 ${code} 已录入（supervision item exists）`);
    const id = randomUUID();
    await sql`insert into catalogue.supervision_item (id, kind, code, catalogue_code, name, power_id, office_id, area_path, objects, basis,
        check_category, check_method, content, frequency, status, entered_by, entered_by_name, is_demo, created_at)
      values (${id}, ${s.kind}, ${code}, ${s.catalogueCode}, ${s.name}, ${s.powerId}, ${office.id}, ${office.area_path}, ${s.objects}, ${s.basis},
        ${s.checkCategory}, ${s.checkMethod}, ${s.content}, ${s.frequency}, 'pending', ${userRef(actor)}, ${actor.displayName}, ${!!opts.demo},
        ${tx.clock.now()})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'catalogue.supervision.enter',
      entityType: 'catalogue_supervision',
      entityId: id,
      after: { code, name: s.name },
      areaPath: office.area_path,
    });
    return { id, code, status: 'pending' };
  });
}

export const SupervisionReviewInput = z
  .object({
    approve: z.boolean({ error: '请选择通过或退回' }),
    note: z.string().trim().max(1000).nullable().default(null),
  })
  .refine((r) => r.approve || (r.note ?? '').length >= 2, { message: '退回须说明理由（至少2个字）', path: ['note'] });

/** 谁审核: the office's reviewer approves or returns; the person who entered the item cannot review it. */
export async function reviewSupervisionItem(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(SupervisionReviewInput, raw);
  return withTx(ctx, async (tx) => {
    const r = await sql<{ area_path: string; org_unit_id: string; status: string; entered_by: string | null }>`
      select s.area_path, o.org_unit_id, s.status, s.entered_by from catalogue.supervision_item s join catalogue.office o on o.id = s.office_id
      where s.id = ${id} for update of s`.execute(tx.db);
    const s = r.rows[0];
    if (!s || !recordInScope(actor, 'catalogue.supervise_review', { areaPath: s.area_path, orgUnitId: s.org_unit_id }))
      throw new AppError('CATALOGUE_SUPERVISION_NOT_FOUND', 404, '监管事项不存在或不在本人审核范围内（supervision item not found）');
    if (s.status !== 'pending') throw new AppError('CATALOGUE_SUPERVISION_NOT_PENDING', 409, '该监管事项不在待审核状态（not awaiting review）');
    if (s.entered_by && s.entered_by === actor.userId)
      throw new AppError('CATALOGUE_SUPERVISION_SELF_REVIEW', 403, '录入人不能审核自己录入的监管事项：谁监管、谁录入、谁审核，录入与审核须由不同人员完成');
    const status = input.approve ? 'approved' : 'rejected';
    await sql`update catalogue.supervision_item set status = ${status}, reviewed_by = ${userRef(actor)}, reviewed_by_name = ${actor.displayName},
      reviewed_at = ${tx.clock.now()}, review_note = ${input.note} where id = ${id}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: `catalogue.supervision.${status}`,
      entityType: 'catalogue_supervision',
      entityId: id,
      after: input,
      areaPath: s.area_path,
    });
    return { id, status };
  });
}
