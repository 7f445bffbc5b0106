import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { safeEqual } from '../../../platform/crypto/sm3.ts';
import { SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { applyTransition, attachmentStore } from '../../../kernel/workflow/index.ts';
import { ANSWER_KINDS, DISCLOSURE_ERRORS as E, REQUEST_TYPE, type AnswerKind } from '../contracts/labels.ts';
import type { RequestTrack } from '../contracts/http.ts';
import { queryCodeHash } from './register-request.ts';

type Found = { id: string; ref_no: string; state: string; org_unit_id: string; area_path: string; area_code: string; version: number; office: string };

/** The request behind ref + query code, or one indistinct 404 (no hint which part was wrong). */
export async function findRequest(ctx: AppContext, refNo: string, code: string): Promise<Found> {
  const c = (
    await sql<Found & { hash: string | null }>`select c.id, c.ref_no, c.state, c.org_unit_id, c.area_path, c.area_code, c.version, o.name as office,
      r.query_code_hash as hash from core.case c join disclosure.request r on r.case_id = c.id join core.org_unit o on o.id = c.org_unit_id
      where c.ref_no = ${refNo.trim()} and c.type = ${REQUEST_TYPE}`.execute(ctx.db)
  ).rows[0];
  if (!c || !c.hash || !safeEqual(c.hash, queryCodeHash(c.ref_no, code))) throw new AppError('DISCLOSURE_QUERY_FAILED', 404, E.QUERY_FAILED);
  return c;
}

const CITIZEN_STATE: Record<string, string> = {
  received: '已收到，正在办理',
  correcting: '等待您补正申请',
  consulting: '正在书面征求第三方意见（这段时间不计入答复期限）',
  answered: '已答复，可下载答复书',
};
const CITIZEN_ACTION: Record<string, string> = {
  create: '收到申请，已登记',
  ask_correction: '告知补正（一次性告知）',
  correct: '收到补正后的申请，答复期限重新计算',
  consult: '书面征求第三方意见，期间不计入答复期限',
  consulted: '收到第三方意见，答复期限继续计算',
  answer: '作出答复',
  'clock.extend': '经政府信息公开工作机构负责人同意，延长答复期限',
};

type Clock = {
  name: string;
  state: string;
  due: string | null;
  suspensions: Array<{ label: string; from: string; to: string | null }>;
  extensions: Array<{ n: number; reason: string; at: string }>;
};

/** What the applicant sees: the state in plain words, the answer due date, why it pauses, the extension notice, the steps and the answer. */
export async function trackRequest(ctx: AppContext, refNo: string, code: string): Promise<RequestTrack> {
  const c = await findRequest(ctx, refNo, code);
  const r = (
    await sql<{ received_on: string; content: string; correction_text: string | null; answer_kind: string | null; answered_on: string | null }>`
    select received_on::text as received_on, content, correction_text, answer_kind, answered_on::text as answered_on from disclosure.request where case_id = ${c.id}`.execute(
      ctx.db,
    )
  ).rows[0]!;
  const clocks = (
    await sql<Clock>`select name, state, due_date::text as due, suspensions, extensions from core.deadline_clock where case_id = ${c.id}`.execute(ctx.db)
  ).rows;
  const answer = clocks.find((k) => k.name === 'answer');
  const open = answer?.suspensions.find((s) => s.to === null);
  const correction = clocks.find((k) => k.name === 'correction_period' && k.state === 'running');
  const events = (await sql<{ at: Date; transition: string }>`select at, transition from core.case_event where case_id = ${c.id} order by seq`.execute(ctx.db))
    .rows;
  const doc = (
    await sql<{ docNo: string; verifyCode: string; issuedOn: string }>`select doc_no as "docNo", verify_code as "verifyCode", issued_on::text as "issuedOn"
      from core.document where case_id = ${c.id} and type = 'disclosure_request.answer' order by version desc limit 1`.execute(ctx.db)
  ).rows[0];
  return {
    refNo: c.ref_no,
    office: c.office,
    state: c.state,
    stateLabel: CITIZEN_STATE[c.state] ?? c.state,
    receivedOn: r.received_on,
    content: r.content,
    answerDue: answer && answer.state !== 'met' && answer.state !== 'missed' ? answer.due : null,
    paused: open ? { reason: open.label, since: open.from } : null,
    extensions: (answer?.extensions ?? []).map((x) => ({ workdays: x.n, reason: x.reason, approvedOn: String(x.at).slice(0, 10) })),
    correction: c.state === 'correcting' ? { text: r.correction_text ?? '', due: correction?.due ?? null } : null,
    steps: events.map((e) => ({ at: e.at.toISOString(), label: CITIZEN_ACTION[e.transition] ?? '办理' })),
    answer: r.answer_kind
      ? { kind: ANSWER_KINDS[r.answer_kind as AnswerKind].label, answeredOn: r.answered_on!, docNo: doc?.docNo ?? null, verifyCode: doc?.verifyCode ?? null }
      : null,
  };
}

/** The applicant acting through the portal: only disclosure.correct at the org holding this one request. */
function portalActor(c: Found): Actor {
  const grant = {
    assignmentId: 'portal',
    roleCode: 'portal',
    roleName: '申请人',
    orgUnitId: c.org_unit_id,
    orgUnitName: '',
    areaCode: c.area_code,
    areaPath: c.area_path,
  };
  return {
    ...SYSTEM_ACTOR,
    username: 'portal',
    displayName: '申请人（网上）',
    orgUnitId: c.org_unit_id,
    areaCode: c.area_code,
    areaPath: c.area_path,
    grants: [{ ...grant, scope: 'org', permissions: ['disclosure.read', 'disclosure.correct'], delegatedBy: null, validTo: null }],
  };
}

/** 补正 sent on the portal: the request returns to 办理 and its answer period counts afresh. */
export async function correctOnPortal(ctx: AppContext, refNo: string, code: string, text: string) {
  const c = await findRequest(ctx, refNo, code);
  if (c.state !== 'correcting') throw new AppError('DISCLOSURE_NOT_CORRECTING', 409, E.NOT_CORRECTING);
  await applyTransition(ctx, portalActor(c), { caseId: c.id, transition: 'correct', input: { text }, expectedVersion: c.version });
  return trackRequest(ctx, refNo, code);
}

const NO_DOCUMENT = { answer: '尚未答复，答复后可在此下载答复书', correction: '本申请没有补正告知书', extension: '本申请的答复期限没有延长' } as const;

/** The 答复书 (补正告知书, 延期告知书) PDF for the applicant holding ref + query code; none yet → 409. */
export async function requestDocumentPdf(ctx: AppContext, refNo: string, code: string, which: 'answer' | 'correction' | 'extension') {
  const c = await findRequest(ctx, refNo, code);
  const d = (
    await sql<{ title: string; docNo: string; storageKey: string; sm3: string }>`select title, doc_no as "docNo", storage_key as "storageKey", sm3
      from core.document where case_id = ${c.id} and type = ${`disclosure_request.${which}`} order by version desc limit 1`.execute(ctx.db)
  ).rows[0];
  if (!d) throw new AppError('DISCLOSURE_NO_DOCUMENT', 409, NO_DOCUMENT[which]);
  return { doc: d, bytes: await attachmentStore(ctx).get(d.storageKey) };
}
