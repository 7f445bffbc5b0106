import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { ENFORCEMENT_ERRORS, ENFORCEMENT_PERMISSIONS } from '../contracts/labels.ts';
import { OfficerInput, OfficerStatusInput } from '../contracts/inputs.ts';

const P = ENFORCEMENT_PERMISSIONS.officers;

async function orgOf(tx: AppContext, id: string) {
  const o = await tx.db.selectFrom('core.org_unit').select(['id', 'area_path', 'name']).where('id', '=', id).executeTakeFirst();
  if (!o) throw badRequest('VALIDATION_FAILED', '「所在单位」不存在', { field: 'orgUnitId' });
  return o;
}

/** 登记执法人员: the officer's 行政执法证 at a unit inside the actor's scope; a 法制审核 officer must give the 法律职业资格. */
export async function registerOfficer(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const input = parseInput(OfficerInput, raw);
  if (input.validTo < input.validFrom) throw badRequest('VALIDATION_FAILED', ENFORCEMENT_ERRORS.DATE_ORDER('有效期至'), { field: 'validTo' });
  if (input.legalReviewer && !input.legalQualification)
    throw badRequest('VALIDATION_FAILED', '法制审核人员须填写法律职业资格证书编号（《行政处罚法》第五十八条第二款）', { field: 'legalQualification' });
  return withTx(ctx, async (tx) => {
    const org = await orgOf(tx, input.orgUnitId ?? actor.orgUnitId);
    if (!opts.demo && !recordInScope(actor, P, { areaPath: org.area_path, orgUnitId: org.id })) throw forbidden('只能登记本单位及下级单位的执法人员');
    const dup = await sql`select 1 from enforcement.officer where cert_no = ${input.certNo}`.execute(tx.db);
    if (dup.rows.length) throw new AppError('ENFORCEMENT_CERT_DUPLICATE', 409, ENFORCEMENT_ERRORS.CERT_DUPLICATE, { field: 'certNo' });
    const id = uuidv7();
    await sql`insert into enforcement.officer (id, name, cert_no, user_id, org_unit_id, area_path, valid_from, valid_to, training_hours,
        legal_reviewer, legal_qualification, exam_applicant, is_demo, created_at)
      values (${id}, ${input.name}, ${input.certNo}, ${input.userId ?? null}, ${org.id}, ${org.area_path}, ${input.validFrom}::date, ${input.validTo}::date,
        ${input.trainingHours}, ${input.legalReviewer}, ${input.legalQualification ?? null}, ${input.examApplicant}, ${!!opts.demo}, ${tx.clock.now()})`.execute(
      tx.db,
    );
    return { id };
  });
}

/** 暂扣 / 吊销 / 恢复 a certificate, with the reason; audited. */
export async function setOfficerStatus(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(OfficerStatusInput, raw);
  return withTx(ctx, async (tx) => {
    const o = (
      await sql<{
        area_path: string;
        org_unit_id: string;
        status: string;
      }>`select area_path, org_unit_id, status from enforcement.officer where id = ${id} for update`.execute(tx.db)
    ).rows[0];
    if (!o || !recordInScope(actor, P, { areaPath: o.area_path, orgUnitId: o.org_unit_id }))
      throw new AppError('ENFORCEMENT_OFFICER_NOT_FOUND', 404, ENFORCEMENT_ERRORS.OFFICER_NOT_FOUND);
    if (o.status === 'revoked') throw new AppError('ENFORCEMENT_CERT_REVOKED', 409, '已吊销的行政执法证不能恢复或变更 (a revoked certificate is final)');
    await sql`update enforcement.officer set status = ${input.status}, status_reason = ${input.reason} where id = ${id}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'enforcement.officer.status',
      entityType: 'enforcement_officer',
      entityId: id,
      areaPath: o.area_path,
      orgUnitId: o.org_unit_id,
      before: { status: o.status },
      after: { status: input.status },
      reason: input.reason,
    });
    return { id, status: input.status };
  });
}
