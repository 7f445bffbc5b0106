import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { issueDocument } from '../../../kernel/documents/index.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';
import { HALL_ERRORS } from '../contract.ts';
import { applicationOf } from '../db.ts';
import { hallCertificate, hallCorrectionNotice } from '../documents/index.ts';
import { materialState, materialsOf } from './materials.ts';
import { checkRegistrarDecided, handOverAtAcceptance } from './handover.ts';

const today = (tx: AppContext) => chinaDate(tx.clock.now());
const handler = (actor: Actor) => (['system', 'portal'].includes(actor.username) ? { id: null, name: null } : { id: actor.userId, name: actor.displayName });

/** 一次性告知: the required materials with no file, plus any the office names (from the list), all at once; the notice is issued. */
export async function storeCorrection(tx: AppContext, actor: Actor, c: CaseRow, input: { missing?: string[]; note: string }) {
  const a = await applicationOf(tx, c.id);
  if (a.corrections > 0) throw conflict('HALL_CORRECTION_ONCE', '补正告知应当一次性告知全部内容，该申请已经告知过一次，不能再次要求补正');
  const list = await materialsOf(tx, a.item_code, c.id);
  const names = new Set(list.map((m) => m.name));
  const more = input.missing ?? [];
  const bad = more.find((m) => !names.has(m));
  if (bad) throw badRequest('HALL_MATERIAL_UNKNOWN', `「需补正材料」“${bad}”不在该事项的材料清单中`, { field: 'missing' });
  const { missing: noFile } = await materialState(tx, c.id, list);
  const missing = [...new Set([...noFile, ...more])];
  if (!missing.length && !input.note.trim()) throw badRequest('HALL_CORRECTION_EMPTY', '请写明需要补正的内容', { field: 'note' });
  await sql`update hall.application set missing = ${JSON.stringify(missing)}::jsonb, correction_note = ${input.note} where case_id = ${c.id}`.execute(tx.db);
  await issueDocument(tx, { type: hallCorrectionNotice, caseId: c.id, actor });
}

/** 补正完毕: every material the notice listed now has a file uploaded after the notice or before; the clock restarts. */
export async function storeResubmission(tx: AppContext, c: CaseRow) {
  const a = await applicationOf(tx, c.id);
  const list = await materialsOf(tx, a.item_code, c.id);
  const { present } = await materialState(tx, c.id, list);
  const still = a.missing.filter((m) => !present.includes(m));
  if (still.length) throw badRequest('HALL_CORRECTION_INCOMPLETE', `补正材料仍不齐全，请先上传：${still.join('、')}`, { field: 'materials' });
  await sql`update hall.application set materials = ${JSON.stringify(present)}::jsonb, missing = '[]'::jsonb,
    corrections = corrections + 1 where case_id = ${c.id}`.execute(tx.db);
}

/** 受理: only a complete application (else 补正 first). The back-office person taking it handles it. */
export async function storeAcceptance(tx: AppContext, actor: Actor, c: CaseRow) {
  const a = await applicationOf(tx, c.id);
  if (a.missing.length) throw conflict('HALL_MATERIALS_MISSING', `${HALL_ERRORS.MATERIALS_MISSING}（${a.missing.join('、')}），请先一次性告知补正`);
  const h = handler(actor);
  await sql`update hall.application set accepted_on = ${today(tx)}, handled_by = ${h.id}, handled_by_name = ${h.name} where case_id = ${c.id}`.execute(tx.db);
  await handOverAtAcceptance(tx, actor, c, a, today(tx));
}

export async function storeNotAccepted(tx: AppContext, c: CaseRow, reason: string) {
  await sql`update hall.application set not_accepted_reason = ${reason} where case_id = ${c.id}`.execute(tx.db);
}

/**
 * The decision: 准予 issues the 电子证照 (PDF with its verification code); 不予 keeps the reasons. A handed-over
 * 社会团体成立登记 follows the registrar's decision, and its result is the registrar's 登记证书.
 */
export async function storeDecision(tx: AppContext, actor: Actor, c: CaseRow, decision: '准予' | '不予', reason: string | null) {
  const a = await applicationOf(tx, c.id);
  await checkRegistrarDecided(tx, a, decision);
  const h = handler(actor);
  await sql`update hall.application set decision = ${decision}, decision_reason = ${reason}, decided_on = ${today(tx)},
    handled_by = coalesce(handled_by, ${h.id}::uuid), handled_by_name = coalesce(handled_by_name, ${h.name}) where case_id = ${c.id}`.execute(tx.db);
  if (decision === '准予' && !a.orgs_case_id) await issueDocument(tx, { type: hallCertificate, caseId: c.id, actor });
}

/** 送达: 窗口领取 is a visit; 电子送达 / 邮寄 are not. */
export async function storeDelivery(tx: AppContext, c: CaseRow, way: string) {
  await sql`update hall.application set delivery_way = ${way}, delivered_on = ${today(tx)}, visits = visits + ${way === '窗口领取' ? 1 : 0}
    where case_id = ${c.id}`.execute(tx.db);
}

/** 现场核验 or any other visit the applicant made (counts against 不见面). */
export async function storeVisit(tx: AppContext, c: CaseRow) {
  const a = await applicationOf(tx, c.id);
  if (!a) throw new AppError('HALL_NOT_FOUND', 404, HALL_ERRORS.NOT_FOUND);
  await sql`update hall.application set visits = visits + 1 where case_id = ${c.id}`.execute(tx.db);
  return { visits: a.visits + 1 };
}
