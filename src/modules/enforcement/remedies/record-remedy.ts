import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest, forbidden } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordInScope, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { ENFORCEMENT_PERMISSIONS as P } from '../contracts/labels.ts';
import { REMEDY_ERRORS as E, type RemedyMatter } from '../contracts/remedy-labels.ts';
import { RemedyInput } from '../contracts/remedy-inputs.ts';

/** The matter of a linked decision, by its case type (the 30号 table 四 counts 政府信息公开 only). */
export function matterOfCaseType(type: string): RemedyMatter {
  if (type === 'disclosure_request') return '政府信息公开';
  if (type === 'enforcement_penalty') return '行政处罚';
  if (type.startsWith('orgs')) return '行政许可';
  if (type.startsWith('dibao')) return '最低生活保障';
  return '其他';
}

/** A linked case the actor may act on (its area and unit inside the grant), else 400 naming the field. */
export async function linkedCase(tx: AppContext, actor: Actor, id: string, field: string, message: string) {
  const c = await tx.db.selectFrom('core.case').select(['id', 'type', 'area_path', 'org_unit_id']).where('id', '=', id).executeTakeFirst();
  if (!c || !recordInScope(actor, P.handle, { areaPath: c.area_path, orgUnitId: c.org_unit_id })) throw badRequest('VALIDATION_FAILED', message, { field });
  return c;
}

function check(tx: AppContext, input: RemedyInput) {
  const today = chinaDate(tx.clock.now());
  if (input.acceptedOn > today) throw badRequest('VALIDATION_FAILED', E.FUTURE('受理日期'), { field: 'acceptedOn' });
  if ((input.result === '尚未审结') !== !input.resultOn) throw badRequest('VALIDATION_FAILED', E.RESULT_DATE, { field: 'resultOn' });
  if (input.resultOn && input.resultOn < input.acceptedOn) throw badRequest('VALIDATION_FAILED', E.RESULT_BEFORE, { field: 'resultOn' });
  if (input.resultOn && input.resultOn > today) throw badRequest('VALIDATION_FAILED', E.FUTURE('结果日期'), { field: 'resultOn' });
  if (input.afterReview && input.kind !== '行政诉讼') throw badRequest('VALIDATION_FAILED', E.AFTER_REVIEW, { field: 'afterReview' });
  if (!input.decisionCaseId && !input.decisionText) throw badRequest('VALIDATION_FAILED', E.DECISION_NEEDED, { field: 'decisionText' });
}

/** The row's values: the office is the linked decision's, else the actor's; the matter follows the linked case. */
async function values(tx: AppContext, actor: Actor, input: RemedyInput) {
  check(tx, input);
  let org = { id: actor.orgUnitId, path: actor.areaPath };
  let matter = input.matter;
  if (input.decisionCaseId) {
    const c = await linkedCase(tx, actor, input.decisionCaseId, 'decisionCaseId', E.DECISION_NOT_FOUND);
    org = { id: c.org_unit_id, path: c.area_path };
    matter = matterOfCaseType(c.type);
  }
  if (!matter) throw badRequest('VALIDATION_FAILED', '请选择「事项类别」', { field: 'matter' });
  const u = await tx.db.selectFrom('core.org_unit').select('area_path').where('id', '=', org.id).executeTakeFirstOrThrow();
  if (!recordInScope(actor, P.handle, { areaPath: u.area_path, orgUnitId: org.id })) throw forbidden(E.NO_RIGHT);
  return { org: { id: org.id, path: u.area_path }, matter };
}

/** 登记 a 行政复议 or 行政诉讼 case (enforcement.handle, in scope); audited. */
export async function createRemedy(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const input = parseInput(RemedyInput, raw);
  return withTx(ctx, async (tx) => {
    const { org, matter } = await values(tx, actor, input);
    const id = uuidv7();
    const now = tx.clock.now();
    await sql`insert into enforcement.remedy (id, org_unit_id, area_path, kind, after_review, matter, decision_case_id, decision_text, applicant, body,
        case_no, accepted_on, result, result_on, result_note, is_demo, created_by, created_at, updated_at)
      values (${id}, ${org.id}, ${org.path}, ${input.kind}, ${input.afterReview}, ${matter}, ${input.decisionCaseId ?? null}, ${input.decisionText ?? null},
        ${input.applicant}, ${input.body}, ${input.caseNo ?? null}, ${input.acceptedOn}::date, ${input.result}, ${input.resultOn ?? null}::date,
        ${input.resultNote ?? null}, ${!!opts.demo}, ${userRef(actor)}, ${now}, ${now})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'enforcement.remedy.record',
      entityType: 'enforcement_remedy',
      entityId: id,
      areaPath: org.path,
      orgUnitId: org.id,
      after: { kind: input.kind, matter, result: input.result },
    });
    return { id };
  });
}

/** 更新 a case (typically its result once decided); out of scope → 404. */
export async function updateRemedy(ctx: AppContext, actor: Actor, id: string, raw: unknown) {
  const input = parseInput(RemedyInput, raw);
  return withTx(ctx, async (tx) => {
    const old = (
      await sql<{
        area_path: string;
        org_unit_id: string;
        result: string;
      }>`select area_path, org_unit_id, result from enforcement.remedy where id = ${id} for update`.execute(tx.db)
    ).rows[0];
    if (!old || !recordInScope(actor, P.handle, { areaPath: old.area_path, orgUnitId: old.org_unit_id }))
      throw new AppError('ENFORCEMENT_REMEDY_NOT_FOUND', 404, E.NOT_FOUND);
    const { org, matter } = await values(tx, actor, input);
    await sql`update enforcement.remedy set org_unit_id = ${org.id}, area_path = ${org.path}, kind = ${input.kind}, after_review = ${input.afterReview},
        matter = ${matter}, decision_case_id = ${input.decisionCaseId ?? null}, decision_text = ${input.decisionText ?? null}, applicant = ${input.applicant},
        body = ${input.body}, case_no = ${input.caseNo ?? null}, accepted_on = ${input.acceptedOn}::date, result = ${input.result},
        result_on = ${input.resultOn ?? null}::date, result_note = ${input.resultNote ?? null}, updated_at = ${tx.clock.now()}
      where id = ${id}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'enforcement.remedy.update',
      entityType: 'enforcement_remedy',
      entityId: id,
      areaPath: org.path,
      orgUnitId: org.id,
      before: { result: old.result },
      after: { result: input.result },
    });
    return { id };
  });
}
