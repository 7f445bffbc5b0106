import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';

/** The hall.application row of a case (snake case, as stored). */
export type ApplicationRow = {
  case_id: string;
  item_code: string;
  item_name: string;
  channel: '窗口' | '网上';
  applicant: string;
  phone: string;
  form: Record<string, unknown>;
  materials: string[];
  missing: string[];
  correction_note: string | null;
  corrections: number;
  window: string;
  handled_by: string | null;
  handled_by_name: string | null;
  accepted_on: string | null;
  not_accepted_reason: string | null;
  decision: '准予' | '不予' | null;
  decision_reason: string | null;
  decided_on: string | null;
  delivery_way: string | null;
  delivered_on: string | null;
  visits: number;
  /** 社会团体成立登记: the registrar's 成立登记 case (filed at 受理), its decision, the 登记证书 issued. */
  orgs_case_id: string | null;
  registrar_decision: '准予登记' | '不予登记' | null;
  result_document_id: string | null;
};

export async function applicationOf(tx: AppContext, caseId: string): Promise<ApplicationRow> {
  const r = (
    await sql<ApplicationRow>`select case_id, item_code, item_name, channel, applicant, phone, form, materials, missing, correction_note, corrections, service_window as window,
      handled_by, handled_by_name, accepted_on::text, not_accepted_reason, decision, decision_reason, decided_on::text, delivery_way, delivered_on::text, visits,
      orgs_case_id, registrar_decision, result_document_id
      from hall.application where case_id = ${caseId}`.execute(tx.db)
  ).rows[0];
  if (!r) throw new Error(`hall.application ${caseId} missing`);
  return r;
}
