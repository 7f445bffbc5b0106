import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { safeEqual } from '../../../platform/crypto/sm3.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { attachmentStore, caseLink, workflowOf } from '../../../kernel/workflow/index.ts';
import { APPLICATION_TYPE, HALL_ERRORS, indicatorsOf, type Channel } from '../contract.ts';
import { queryCodeHash } from './register.ts';
import { rateService } from './rate.ts';
import { materialList } from './materials.ts';

type PortalCase = { id: string; ref_no: string; state: string; due_date: string | null; query_code_hash: string | null; channel: Channel };

/** The application behind ref + query code; one indistinct 404 whichever was wrong. */
export async function findByRefAndCode(ctx: AppContext, refNo: string, code: string): Promise<PortalCase> {
  const c = (
    await sql<PortalCase>`select c.id, c.ref_no, c.state, c.due_date::text as due_date, a.query_code_hash, a.channel from core.case c
      join hall.application a on a.case_id = c.id where c.ref_no = ${refNo.trim()} and c.type = ${APPLICATION_TYPE}`.execute(ctx.db)
  ).rows[0];
  if (!c || !c.query_code_hash || !safeEqual(c.query_code_hash, queryCodeHash(c.ref_no, code)))
    throw new AppError('HALL_QUERY_FAILED', 404, HALL_ERRORS.QUERY_FAILED);
  return c;
}

/** The applicant acting on the portal (recorded as such on the case's timeline). */
export const applicantActor: Actor = { ...SYSTEM_ACTOR, username: 'portal', displayName: '申请人（网上）' };

/** 查询进度: state, 承诺办结日期, the materials and their files, the 补正 notice (everything missing), the result and whether it can be rated. */
export async function trackApplication(ctx: AppContext, refNo: string, code: string) {
  const c = await findByRefAndCode(ctx, refNo, code);
  const a = (
    await sql<any>`select a.item_name, a.missing, a.correction_note, a.not_accepted_reason, a.decision, a.decision_reason, a.decided_on::text as decided_on,
      a.delivery_way, a.delivered_on::text as delivered_on, a.accepted_on::text as accepted_on, o.name as office, a.service_window as window,
      (select r.level from hall.rating r where r.application_id = a.case_id) as rating, a.orgs_case_id
      from hall.application a join core.case k on k.id = a.case_id join core.org_unit o on o.id = k.org_unit_id where a.case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  const def = workflowOf(APPLICATION_TYPE);
  const events = (
    await sql<{
      transition: string;
      to_state: string;
      at: Date;
    }>`select transition, to_state, at from core.case_event where case_id = ${c.id} order by seq`.execute(ctx.db)
  ).rows;
  const delivered = c.state === 'delivered';
  const result = delivered ? await resultDocument(ctx, c.id) : null;
  const registration = await caseLink(ctx, a.orgs_case_id);
  return {
    refNo: c.ref_no,
    itemName: a.item_name as string,
    office: a.office as string,
    window: a.window as string,
    state: c.state,
    stateLabel: def.states[c.state as never]?.label ?? c.state,
    dueDate: ['submitted', 'correcting', 'accepted'].includes(c.state) ? c.due_date : null,
    acceptedOn: a.accepted_on as string | null,
    correction: c.state === 'correcting' ? { missing: a.missing as string[], note: a.correction_note as string } : null,
    notAcceptedReason: a.not_accepted_reason as string | null,
    decision: a.decision as string | null,
    decisionReason: a.decision_reason as string | null,
    deliveredOn: a.delivered_on as string | null,
    certificate: result ? { docNo: result.docNo, verifyCode: result.verifyCode } : null,
    // 社会团体成立登记: the registrar's 成立登记 case filed at 受理 (its reference and state).
    registration: registration ? { refNo: registration.refNo, typeLabel: registration.typeLabel, stateLabel: registration.stateLabel } : null,
    rating: a.rating as string | null,
    rateable: (c.state === 'delivered' || c.state === 'not_accepted') && !a.rating,
    indicators: [...indicatorsOf(c.channel)],
    materials: (await materialList(ctx, c.id)).map((m) => ({ ...m, files: m.files.map((f) => ({ fileName: f.fileName, sizeBytes: f.sizeBytes })) })),
    steps: events.map((e) => ({
      at: e.at.toISOString(),
      label: e.transition === 'create' ? '提交申请' : (def.transitions[e.transition]?.label ?? def.actions?.[e.transition]?.label ?? e.transition),
    })),
  };
}

/**
 * The result the applicant receives, latest version: the hall's 电子证照, or for a handed-over 社会团体成立登记
 * the registrar's 登记证书 (the document its decision issued).
 */
async function resultDocument(ctx: AppContext, caseId: string) {
  return (
    await sql<{ title: string; docNo: string; version: number; sm3: string; storageKey: string; verifyCode: string }>`
      select d.title, d.doc_no as "docNo", d.version, d.sm3, d.storage_key as "storageKey", d.verify_code as "verifyCode"
      from hall.application a
      left join core.document r on r.id = a.result_document_id
      join core.document d on d.case_id = coalesce(r.case_id, a.case_id) and d.type = coalesce(r.type, 'hall.certificate')
      where a.case_id = ${caseId} order by d.version desc limit 1`.execute(ctx.db)
  ).rows[0];
}

/** The delivered 电子证照 PDF for the holder of ref + query code. */
export async function certificatePdf(ctx: AppContext, refNo: string, code: string) {
  const c = await findByRefAndCode(ctx, refNo, code);
  const d = c.state === 'delivered' ? await resultDocument(ctx, c.id) : undefined;
  if (!d) throw new AppError('HALL_NOT_DELIVERED', 409, HALL_ERRORS.NOT_DELIVERED);
  const { storageKey, verifyCode: _, ...doc } = d;
  return { doc, bytes: await attachmentStore(ctx).get(storageKey) };
}

/** 好差评 on the portal (一事一评). */
export async function rateOnline(ctx: AppContext, body: { refNo: string; queryCode: string } & Record<string, unknown>) {
  const { refNo, queryCode, ...rating } = body;
  const c = await findByRefAndCode(ctx, refNo, queryCode);
  const r = await rateService(ctx, c.id, rating);
  return {
    level: r.level,
    negative: r.negative,
    notice: r.negative ? `已转办差评整改（${r.complaintRefNo}），办理单位将回访核实并向您反馈。` : '感谢您的评价。',
  };
}
