import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { badRequest, conflict } from '../../../platform/errors.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { userRef, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { residentIdProblem, validateUscc } from '../../../kernel/codes/index.ts';

const req = (label: string, max = 200) =>
  z
    .string({ error: `${label}必须填写` })
    .trim()
    .min(1, `${label}必须填写`)
    .max(max, `${label}不能超过${max}个字`);

/** 行政检查行为 (regulations.md §8): what enforcement and social-organization inspections report. */
export const InspectionRecordInput = z.object({
  number: req('检查行为编号', 64),
  name: req('检查行为名称'),
  planId: z.uuid('双随机一公开计划 ID 格式不正确').nullable().default(null),
  /** 检查实施清单编码 (33); the 14-digit 目录编码 is taken from the approved list item. */
  inspectionCode: req('检查实施清单编码', 33),
  entrustedBody: z.string().trim().max(100).nullable().default(null),
  objectType: req('监管对象类型', 50),
  objectName: req('监管对象'),
  partyName: req('行政相对人'),
  partyNature: z.enum(['法人', '非法人组织', '自然人', '个体工商户'], { error: '相对人性质应为法人、非法人组织、自然人或个体工商户' }),
  partyIdType: z.enum(['统一社会信用代码', '居民身份证', '其他'], { error: '证件类型应为统一社会信用代码、居民身份证或其他' }),
  partyCode: req('相对人编码', 32),
  registeredAddress: z.string().trim().max(200).nullable().default(null),
  businessAddress: z.string().trim().max(200).nullable().default(null),
  areaCode: z.string({ error: '行政区划代码必须填写' }).regex(/^\d{6}(\d{3}(\d{3})?)?$/, '行政区划代码应为6、9或12位数字'),
  checkForm: req('检查形式', 50),
  checkCategory: req('检查类别', 50),
  checkMethod: req('检查方式', 50),
  checkResult: req('检查结果', 200),
  /** 处理措施 (责令改正、立案调查 …), when the check found something. */
  measures: z.string().trim().max(500, '处理措施不能超过500个字').nullable().default(null),
  checkedAt: z.iso.datetime({ offset: true, error: '检查时间应为带时区的时间' }),
  inspectors: z
    .array(z.object({ name: req('检查人员', 50), certificateNo: req('执法证号', 50) }), { error: '检查人员应为列表' })
    .min(2, '行政检查应由两名以上执法人员实施'),
  reportedAt: z.iso.datetime({ offset: true, error: '报送时间应为带时区的时间' }),
  sourceModule: z.string().max(40).nullable().default(null),
  sourceId: z.string().max(64).nullable().default(null),
});

/**
 * Writes one 检查行为 against an approved 检查实施清单 item. Other modules call it inside their own
 * transaction (withTx reuses it): `recordInspection(tx, actor, {...})`.
 */
export async function recordInspection(ctx: AppContext, actor: Actor, raw: unknown) {
  const r = parseInput(InspectionRecordInput, raw);
  const party = partyCodeProblem(r.partyIdType, r.partyCode);
  if (party) throw badRequest('VALIDATION_FAILED', `相对人编码：${party}`, { field: 'partyCode' });
  if (new Date(r.reportedAt) <= new Date(r.checkedAt))
    throw badRequest('VALIDATION_FAILED', '报送时间必须晚于检查时间（report after the inspection）', { field: 'reportedAt' });
  return withTx(ctx, async (tx) => {
    const item = (
      await sql<{ catalogue_code: string; office_id: string; area_path: string }>`select catalogue_code, office_id, area_path from catalogue.supervision_item
        where code = ${r.inspectionCode} and kind = '检查实施清单' and status = 'approved'`.execute(tx.db)
    ).rows[0];
    if (!item) throw badRequest('CATALOGUE_INSPECTION_CODE_UNKNOWN', `检查实施清单编码 ${r.inspectionCode} 不存在或未审核通过`, { field: 'inspectionCode' });
    if ((await sql`select 1 from catalogue.inspection_record where number = ${r.number}`.execute(tx.db)).rows.length)
      throw conflict('CATALOGUE_INSPECTION_EXISTS', `检查行为编号 ${r.number} 已存在`);
    const id = randomUUID();
    await sql`insert into catalogue.inspection_record (id, number, name, plan_id, catalogue_code, inspection_code, office_id, area_path, entrusted_body,
        object_type, object_name, party_name, party_nature, party_id_type, party_code, registered_address, business_address, area_code,
        check_form, check_category, check_method, check_result, measures, checked_at, inspectors, reported_at, reported_by_name, entered_by, source_module, source_id, created_at)
      values (${id}, ${r.number}, ${r.name}, ${r.planId}, ${item.catalogue_code}, ${r.inspectionCode}, ${item.office_id}, ${item.area_path}, ${r.entrustedBody},
        ${r.objectType}, ${r.objectName}, ${r.partyName}, ${r.partyNature}, ${r.partyIdType}, ${r.partyCode}, ${r.registeredAddress}, ${r.businessAddress},
        ${r.areaCode}, ${r.checkForm}, ${r.checkCategory}, ${r.checkMethod}, ${r.checkResult}, ${r.measures}, ${r.checkedAt}, ${JSON.stringify(r.inspectors)},
        ${r.reportedAt}, ${actor.displayName}, ${userRef(actor)}, ${r.sourceModule}, ${r.sourceId}, ${tx.clock.now()})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'catalogue.inspection.record',
      entityType: 'catalogue_inspection',
      entityId: id,
      after: { number: r.number },
      areaPath: item.area_path,
    });
    return { id, status: 'pending' as const };
  });
}

/** The party's code checked by its kind: a 统一社会信用代码 by its check character, a 身份证号 likewise; 其他 as written. */
function partyCodeProblem(kind: string, code: string): string | null {
  if (kind === '统一社会信用代码') {
    const u = validateUscc(code);
    return u.valid ? null : u.reason;
  }
  return kind === '居民身份证' ? residentIdProblem(code) : null;
}
