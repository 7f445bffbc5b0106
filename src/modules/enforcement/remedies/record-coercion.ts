import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { badRequest, forbidden } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import { recordInScope, userRef, type Actor } from '../../../kernel/identity/index.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { ENFORCEMENT_PERMISSIONS, PENALTY_TYPE } from '../contracts/labels.ts';
import { REMEDY_ERRORS as E } from '../contracts/remedy-labels.ts';
import { CoercionInput } from '../contracts/remedy-inputs.ts';
import { linkedCase } from './record-remedy.ts';

/** 登记 a 行政强制 decision (《行政强制法》第九条 措施 / 加处罚款), on a penalty case of the office or on its own; audited. */
export async function createCoercion(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const input = parseInput(CoercionInput, raw);
  if (input.decidedOn > chinaDate(ctx.clock.now())) throw badRequest('VALIDATION_FAILED', E.FUTURE('决定日期'), { field: 'decidedOn' });
  return withTx(ctx, async (tx) => {
    let orgId = actor.orgUnitId;
    if (input.penaltyCaseId) {
      const c = await linkedCase(tx, actor, input.penaltyCaseId, 'penaltyCaseId', E.PENALTY_NOT_FOUND);
      if (c.type !== PENALTY_TYPE) throw badRequest('VALIDATION_FAILED', E.PENALTY_NOT_FOUND, { field: 'penaltyCaseId' });
      orgId = c.org_unit_id;
    }
    const u = await tx.db.selectFrom('core.org_unit').select('area_path').where('id', '=', orgId).executeTakeFirstOrThrow();
    if (!recordInScope(actor, ENFORCEMENT_PERMISSIONS.handle, { areaPath: u.area_path, orgUnitId: orgId })) throw forbidden(E.NO_RIGHT);
    const id = uuidv7();
    await sql`insert into enforcement.coercion (id, org_unit_id, area_path, penalty_case_id, party, measure, object, basis, document_no, decided_on,
        is_demo, created_by, created_at)
      values (${id}, ${orgId}, ${u.area_path}, ${input.penaltyCaseId ?? null}, ${input.party}, ${input.measure}, ${input.object}, ${input.basis},
        ${input.documentNo ?? null}, ${input.decidedOn}::date, ${!!opts.demo}, ${userRef(actor)}, ${tx.clock.now()})`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'enforcement.coercion.record',
      entityType: 'enforcement_coercion',
      entityId: id,
      areaPath: u.area_path,
      orgUnitId: orgId,
      after: { measure: input.measure, decidedOn: input.decidedOn },
    });
    return { id };
  });
}
