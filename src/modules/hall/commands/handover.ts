import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseLink, runTransition, type CaseRow } from '../../../kernel/workflow/index.ts';
import { fileEstablishmentHandover, type EstablishmentDecided } from '../../orgs/contract.ts';
import type { ApplicationRow } from '../db.ts';
import { SOCIAL_GROUP_REGISTRATION } from '../items.ts';

/** 活动资金 (万元, as the form has it) in 分. */
const tenThousandYuanInCents = (v: string | undefined) => Math.round(Number(v ?? 0) * 1_000_000);

/** The hall form of 社会团体成立登记 as the registrar's 成立登记 particulars. */
function establishmentOf(form: Record<string, string>, acceptedOn: string) {
  return {
    kind: 'social_group',
    name: form.orgName,
    supervisorUnit: form.sponsor || null,
    domicile: form.residence,
    legalRepresentative: form.leader,
    businessScope: form.businessScope,
    capitalCents: tenThousandYuanInCents(form.funds),
    // 全部有效文件收齐: 受理 needs every required material, so the day of 受理 is that day.
    documentsCompleteOn: acceptedOn,
  };
}

/**
 * 社会团体成立登记 at 受理: the registrar's 成立登记 case is filed at the same bureau in this transaction
 * (the orgs module's own checks: particulars, then the name rules — a refusal refuses the 受理, nothing
 * written). Other items hand nothing over.
 */
export async function handOverAtAcceptance(tx: AppContext, actor: Actor, c: CaseRow, a: ApplicationRow, acceptedOn: string) {
  if (a.item_code !== SOCIAL_GROUP_REGISTRATION) return;
  const filed = await fileEstablishmentHandover(tx, actor, {
    authorityOrgUnitId: c.org_unit_id,
    origin: { caseId: c.id, refNo: c.ref_no },
    application: establishmentOf(a.form as Record<string, string>, acceptedOn),
  });
  await sql`update hall.application set orgs_case_id = ${filed.id} where case_id = ${c.id}`.execute(tx.db);
}

/**
 * The hall's own 准予/不予 on a handed-over application only follows the registrar's decision
 * (reflectRegistrarDecision records it first); by hand it is refused, naming the registrar's case.
 */
export async function checkRegistrarDecided(tx: AppContext, a: ApplicationRow, decision: '准予' | '不予') {
  if (!a.orgs_case_id) return;
  if (a.registrar_decision === `${decision}登记`) return;
  const link = await caseLink(tx, a.orgs_case_id);
  throw conflict(
    'HALL_AWAITS_REGISTRAR',
    `本件已移交登记管理机关办理成立登记（${link?.refNo ?? ''}，${link?.stateLabel ?? ''}），由其作出准予或者不予登记的决定，决定后本件自动办理，不能在此${decision === '准予' ? '准予' : '不予'}办理`,
  );
}

/**
 * The registrar decided a 成立登记 case (orgs event, in its transaction): when the hall handed it over, the
 * application records the decision and the 登记证书 and moves to 准予办理 / 不予办理 under the deciding
 * registrar's name, ready for 送达; the 承诺时限 clock stops there.
 */
export async function reflectRegistrarDecision(tx: AppContext, d: EstablishmentDecided) {
  if (!d.originCaseId) return;
  const a = (await sql<{ case_id: string }>`select case_id from hall.application where orgs_case_id = ${d.caseId}`.execute(tx.db)).rows[0];
  if (!a) return;
  await sql`update hall.application set registrar_decision = ${d.decision}, result_document_id = ${d.certificateDocumentId}
    where case_id = ${a.case_id}`.execute(tx.db);
  const approved = d.decision === '准予登记';
  await runTransition(tx, d.by, {
    caseId: a.case_id,
    name: approved ? 'approve' : 'refuse',
    input: approved
      ? { note: `登记管理机关准予登记（${d.refNo}），登记证书号：${d.certificateNo}` }
      : { reason: `登记管理机关不予登记（${d.refNo}）：${d.reason}` },
    skipWho: true,
  });
}
