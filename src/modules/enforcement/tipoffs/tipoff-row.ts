import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, notFound } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { recordInScope, type Actor } from '../../../kernel/identity/index.ts';
import { TIPOFF_ERRORS as E, TIPOFF_STATES, type TipoffState } from '../contracts/tipoff-labels.ts';

export type TipoffRow = {
  id: string;
  ref_no: string;
  org_unit_id: string;
  area_path: string;
  state: TipoffState;
  received_on: string;
  verified_on: string | null;
  decided_on: string | null;
  informant_name: string | null;
  informant_phone: string | null;
};

/** The 举报 locked for a step, in the actor's scope for `permission` (else 404), in the state the step needs (else 409). */
export async function lockTipoff(tx: AppContext, actor: Actor, id: string, permission: string, need?: [TipoffState, string]): Promise<TipoffRow> {
  const r = (
    await sql<TipoffRow>`select id, ref_no, org_unit_id, area_path, state, received_on::text as received_on, verified_on::text as verified_on,
        decided_on::text as decided_on, informant_name, informant_phone
      from enforcement.tipoff where id = ${id} for update`.execute(tx.db)
  ).rows[0];
  if (!r || !recordInScope(actor, permission, { areaPath: r.area_path, orgUnitId: r.org_unit_id })) throw notFound('举报', 'ENFORCEMENT_TIPOFF_NOT_FOUND');
  if (need && r.state !== need[0]) throw new AppError('ENFORCEMENT_TIPOFF_STATE', 409, E.STATE(TIPOFF_STATES[r.state], need[1]));
  return r;
}

/** A step's date: not before `earliest` (named), not after today. */
export function stepDate(tx: AppContext, value: string, field: string, label: string, earliest: [string, string]) {
  if (value > chinaDate(tx.clock.now())) throw badRequest('VALIDATION_FAILED', E.FUTURE(label), { field });
  if (value < earliest[0]) throw badRequest('VALIDATION_FAILED', E.BEFORE(label, earliest[1]), { field });
}

export async function setTipoff(tx: AppContext, id: string, values: Record<string, unknown>) {
  const sets = Object.entries(values).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
  await sql`update enforcement.tipoff set ${sql.join(sets)} where id = ${id}`.execute(tx.db);
}

export async function auditTipoff(tx: AppContext, actor: Actor, r: TipoffRow, action: string, after: Record<string, unknown>) {
  await recordAudit(tx, {
    actor,
    action: `enforcement.tipoff.${action}`,
    entityType: 'enforcement_tipoff',
    entityId: r.id,
    areaPath: r.area_path,
    orgUnitId: r.org_unit_id,
    after: { refNo: r.ref_no, ...after },
  });
}
