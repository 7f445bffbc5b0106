import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { CERT_STATUS_LABELS, ENFORCEMENT_ERRORS, type CertStatus } from '../contracts/labels.ts';

export type OfficerRow = {
  id: string;
  name: string;
  cert_no: string;
  user_id: string | null;
  org_unit_id: string;
  area_path: string;
  valid_from: string;
  valid_to: string;
  status: CertStatus;
  legal_reviewer: boolean;
  legal_qualification: string | null;
};

const COLS = sql`id, name, cert_no, user_id, org_unit_id, area_path, valid_from::text as valid_from, valid_to::text as valid_to, status, legal_reviewer, legal_qualification`;

/** Why an officer may not act on `day` ('YYYY-MM-DD'), or null when the certificate is valid. */
export function certificateProblem(o: Pick<OfficerRow, 'status' | 'valid_from' | 'valid_to' | 'cert_no'>, day: string): string | null {
  if (o.status !== 'valid') return `行政执法证（${o.cert_no}）处于「${CERT_STATUS_LABELS[o.status]}」状态`;
  if (day < o.valid_from) return `行政执法证（${o.cert_no}）自 ${o.valid_from} 起有效`;
  if (day > o.valid_to) return `行政执法证（${o.cert_no}）已于 ${o.valid_to} 过期`;
  return null;
}

const refuse = (o: OfficerRow, why: string) =>
  new AppError('ENFORCEMENT_NOT_CERTIFIED', 422, ENFORCEMENT_ERRORS.NOT_CERTIFIED(o.name, why), { officerId: o.id });

/** The named officers, each a valid certificate holder of the case's unit on `day` (else 422 with the reason). */
export async function certifiedOfficers(tx: AppContext, ids: readonly string[], orgUnitId: string, day: string): Promise<OfficerRow[]> {
  const unique = [...new Set(ids)];
  const rows = (await sql<OfficerRow>`select ${COLS} from enforcement.officer where id = any(${unique}::uuid[])`.execute(tx.db)).rows;
  if (rows.length !== unique.length) throw new AppError('ENFORCEMENT_OFFICER_NOT_FOUND', 404, ENFORCEMENT_ERRORS.OFFICER_NOT_FOUND);
  for (const o of rows) {
    if (o.org_unit_id !== orgUnitId) throw new AppError('ENFORCEMENT_OFFICER_OTHER_UNIT', 422, `${o.name}：${ENFORCEMENT_ERRORS.OFFICER_OTHER_UNIT}`);
    const why = certificateProblem(o, day);
    if (why) throw refuse(o, why);
  }
  return rows;
}

/** The acting user's own officer record, which must hold a valid certificate on `day` (403 otherwise). */
export async function actingOfficer(tx: AppContext, actor: Actor, day: string): Promise<OfficerRow> {
  const o = (await sql<OfficerRow>`select ${COLS} from enforcement.officer where user_id = ${actor.userId} order by valid_to desc limit 1`.execute(tx.db))
    .rows[0];
  if (!o) throw new AppError('ENFORCEMENT_NOT_OFFICER', 403, ENFORCEMENT_ERRORS.ACTOR_NOT_OFFICER);
  const why = certificateProblem(o, day);
  if (why) throw new AppError('ENFORCEMENT_NOT_CERTIFIED', 403, ENFORCEMENT_ERRORS.NOT_CERTIFIED(o.name, why), { officerId: o.id });
  return o;
}

export async function officerOfUser(tx: AppContext, userId: string): Promise<OfficerRow | undefined> {
  return (await sql<OfficerRow>`select ${COLS} from enforcement.officer where user_id = ${userId} order by valid_to desc limit 1`.execute(tx.db)).rows[0];
}
