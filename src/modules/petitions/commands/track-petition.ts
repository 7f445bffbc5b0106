import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { forwardedTo } from '../queries/forwarding.ts';
import { workflowOf } from '../../../kernel/workflow/index.ts';
import { PETITION_TYPE } from '../contract.ts';
import { requestWindow, withinWindow } from './review-window.ts';
import { servedOpinionOf, type ServedOpinion } from './served-opinion.ts';
import { citizenMaterials, findByRefAndCode, isSettled } from './portal-access.ts';
import type { PetitionTrack } from '../contracts/portal.ts';

/** Each state in the words a citizen would use. */
export const CITIZEN_STATE: Record<string, string> = {
  registered: '已收到，正在审查是否受理',
  accepted: '已受理，等待办理',
  refused: '不予受理',
  forwarded_out: '已转送有权处理的机关办理',
  simple: '已受理，按简易程序办理中',
  handling: '已受理，正在办理',
  drafted: '正在办理（处理意见待审批）',
  approved: '处理意见已审批，等待送达',
  delivered: '已答复（处理意见书已送达）',
  closed: '已办结',
  review_requested: '已申请复查，等待上一级机关受理',
  review_referred: '已转请上一级机关（本平台外）复查',
  reviewing: '复查中',
  reviewed: '复查意见已作出，等待送达',
  review_delivered: '复查意见已送达',
  recheck_requested: '已申请复核，等待受理',
  rechecking: '复核中',
  recheck_referred: '已转请上一级机关（本平台外）复核',
  rechecked: '复核意见已作出，等待送达',
  final: '复核终结',
};

/** What happened, in citizen terms (no staff names). */
const CITIZEN_ACTION: Record<string, string> = {
  create: '收到网上信访事项，已登记',
  transfer: '转送',
  assign: '交办',
  acknowledge: '签收',
  object: '认为不属本单位职责，退回',
  withdraw_handoff: '撤回转送',
  return: '退回重新办理',
  withdraw: '撤回上一步',
  supervise: '上级机关督办',
  accept: '受理，并书面告知',
  refuse: '不予受理',
  forward_out: '转送有权处理的机关',
  simplify: '转为简易办理',
  start: '开始办理',
  draft: '拟定处理意见',
  approve: '处理意见经负责人审批同意',
  deliver: '送达处理意见书',
  close: '办结',
  request_review: '您申请了复查',
  start_review: '上一级机关受理复查',
  conclude_review: '作出复查意见',
  refer_review: '转请上一级机关（本平台外）复查',
  record_review_outcome: '收到上一级机关的复查意见',
  deliver_review: '送达复查意见',
  request_recheck: '您申请了复核',
  start_recheck: '复核机关受理复核',
  conclude_recheck: '作出复核意见',
  refer_recheck: '转请上一级机关（本平台外）复核',
  record_recheck_outcome: '收到上一级机关的复核意见',
  deliver_recheck: '送达复核意见，信访事项终结',
  to_ordinary: '由简易办理转为普通程序办理',
  raise_objection: '接收单位提出异议，待转送、交办单位核实',
  decide_objection: '转送、交办单位核实异议',
  serve_notice: '告知书已送达',
  route_procedure: '导入相应法定程序办理',
  // Case actions (no state change) that the petitioner may read about.
  rate: '您作出了满意度评价',
  record_rating: '记录了您的满意度评价',
  lead: '机关负责人包案办理',
  // The kernel's own acts on a case.
  'clock.extend': '经机关负责人批准，延长办理期限',
  'clock.suspend': '期限中止计算',
  'clock.resume': '期限恢复计算',
  'supervise.feedback': '承办机关向督办机关反馈',
  'parts.open': '分送有关单位协办、会办',
};

/** Acts kept from the citizen's progress: the 包案领导's 回头看 scheduling and internal 会签. */
const INTERNAL_ACTIONS = new Set(['follow_up', 'follow_up_result', 'signoff.open', 'signoff.decide']);

/** The official name of the kernel's own moves (the workflow's transitions carry their labels). */
const BUILTIN: Record<string, string> = {
  create: '登记',
  transfer: '转送',
  assign: '交办',
  acknowledge: '签收',
  object: '异议退回',
  return: '退回',
  withdraw: '撤回',
  withdraw_handoff: '撤回转送',
  supervise: '督办',
  'clock.extend': '延长期限',
  'clock.suspend': '中止计时',
  'clock.resume': '恢复计时',
  'supervise.feedback': '督办反馈',
  'parts.open': '协办、会办',
};

/** Clocks the citizen is told about (not the internal 签收 clocks). */
const CITIZEN_CLOCKS = new Set(['triage', 'handle', 'simple', 'review', 'recheck']);

type EventRow = { at: Date; transition: string; to_state: string; input: Record<string, unknown> | null; org_name: string | null };
type Ext = { n: number; unit: string; reason: string; at: string };
type ClockRow = { name: string; label: string; legal_basis: string | null; due_date: string | null; state: string; extensions: Ext[] | string };

const UNIT: Record<string, string> = { days: '日', workdays: '个工作日', months: '个月' };

/**
 * Office names as a citizen should read them: a division (处室) carries its department's name,
 * e.g. 政策法规处 → 宁夏回族自治区民政厅政策法规处.
 */
async function officeNames(ctx: AppContext, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = (
    await sql<{ id: string; name: string; kind: string; parent_name: string | null }>`select o.id, o.name, o.kind, p.name as parent_name
    from core.org_unit o left join core.org_unit p on p.id = o.parent_id where o.id in (${sql.join(unique)})`.execute(ctx.db)
  ).rows;
  return new Map(rows.map((r) => [r.id, r.kind === 'division' && r.parent_name && !r.name.startsWith(r.parent_name) ? `${r.parent_name}${r.name}` : r.name]));
}

/**
 * Progress for the citizen: what happened and where (offices, never staff), who holds it now,
 * the statutory deadline with any extension and its reason, the reply once delivered, the 复查 /
 * 复核 opinions, the served 处理意见书's, 复查意见书's and 复核意见书's number and verification code (their PDF: servedOpinionPdf), and what the citizen may still do (评价; 复查 and 复核
 * each within 30 日 of receiving the reply / 复查意见: the day of receipt and the window's last day are shown).
 */
export async function trackPetition(ctx: AppContext, refNo: string, code: string): Promise<PetitionTrack> {
  const c = await findByRefAndCode(ctx, refNo, code);
  const def = workflowOf(PETITION_TYPE);
  const raw = (
    await sql<Omit<EventRow, 'org_name'> & { org_unit_id: string | null }>`select e.at, e.transition, e.to_state, e.input, e.org_unit_id
    from core.case_event e where e.case_id = ${c.id} order by e.seq`.execute(ctx.db)
  ).rows;
  const pendingRow = (
    await sql<{ from_org_id: string; to_org_id: string }>`select from_org_id, to_org_id from core.case_handoff
    where case_id = ${c.id} and status = 'pending' order by sent_at desc limit 1`.execute(ctx.db)
  ).rows[0];
  const toOrgIds = raw.flatMap((e) => (typeof e.input?.toOrgId === 'string' ? [e.input.toOrgId] : []));
  const names = await officeNames(ctx, [
    c.org_unit_id,
    ...raw.flatMap((e) => (e.org_unit_id ? [e.org_unit_id] : [])),
    ...toOrgIds,
    ...(pendingRow ? [pendingRow.from_org_id, pendingRow.to_org_id] : []),
  ]);
  const events: EventRow[] = raw.map((e) => ({ ...e, org_name: e.org_unit_id ? (names.get(e.org_unit_id) ?? null) : null }));
  const org = { name: names.get(c.org_unit_id) ?? null };
  const pending = pendingRow ? { from_name: names.get(pendingRow.from_org_id)!, to_name: names.get(pendingRow.to_org_id)! } : null;
  const clocks = (
    await sql<ClockRow>`select name, label, legal_basis, due_date::text as due_date, state, extensions from core.deadline_clock
    where case_id = ${c.id} order by created_at`.execute(ctx.db)
  ).rows.filter((k) => CITIZEN_CLOCKS.has(k.name));
  const open = clocks.filter((k) => k.state === 'running' || k.state === 'paused');
  const current = open[open.length - 1] ?? null;
  const extensions = clocks.flatMap((k) => {
    const list: Ext[] = typeof k.extensions === 'string' ? JSON.parse(k.extensions) : (k.extensions ?? []);
    return list.map((e) => ({ clock: k.label, length: `${e.n} ${UNIT[e.unit] ?? e.unit}`, reason: e.reason, approvedOn: e.at }));
  });

  const materials = await citizenMaterials(ctx, c.id);
  const delivered = !!c.delivered_at;
  const served = await servedOpinionOf(ctx, c);
  const shown = (d: ServedOpinion | null) =>
    d ? { title: d.title, docNo: d.docNo, version: d.version, verifyCode: d.verifyCode, issuedOn: d.issuedOn, issuer: d.issuer } : null;
  const document = shown(served);
  const [reviewDoc, recheckDoc] = await Promise.all([servedOpinionOf(ctx, c, 'review'), servedOpinionOf(ctx, c, 'recheck')]);
  const last = (...names: string[]) => [...events].reverse().find((e) => names.includes(e.transition));
  const reviewDone = last('conclude_review', 'record_review_outcome');
  const recheckDone = last('conclude_recheck', 'record_recheck_outcome');
  const today = chinaDate(ctx.clock.now());
  // The windows count from the day the petitioner received the reply / 复查意见 (review-window.ts).
  const [reviewWin, recheckWin] = await Promise.all([requestWindow(ctx, c.id, '复查'), requestWindow(ctx, c.id, '复核')]);
  const reviewOpen = c.state === 'delivered' && withinWindow(reviewWin, today);
  const recheckOpen = c.state === 'review_delivered' && withinWindow(recheckWin, today);
  const outside = (
    await sql<{ review_referred_to: string | null; recheck_referred_to: string | null; recheck_delivered_on: string | null }>`select review_referred_to,
      recheck_referred_to, recheck_delivered_on::text as recheck_delivered_on from petitions.petition where case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  const opinionOf = (e: EventRow | undefined, receivedOn: string | null, doc: ServedOpinion | null) => {
    const i = (e?.input ?? null) as { opinion?: string; text?: string } | null;
    // An outside body's opinion is recorded by the department: the office is the outside body.
    const referred =
      e?.transition === 'record_review_outcome'
        ? outside?.review_referred_to
        : e?.transition === 'record_recheck_outcome'
          ? outside?.recheck_referred_to
          : null;
    return e && i
      ? { opinion: i.opinion ?? null, text: i.text ?? null, at: new Date(e.at).toISOString(), office: referred ?? e.org_name, receivedOn, document: shown(doc) }
      : null;
  };

  return {
    refNo: c.ref_no,
    state: c.state,
    stateLabel: def.states[c.state as keyof typeof def.states]?.label ?? c.state,
    statePlain: CITIZEN_STATE[c.state] ?? c.state,
    holderOrgName: org?.name ?? null,
    pendingTransfer: pending ? { from: pending.from_name, to: pending.to_name } : null,
    forwardedTo: await forwardedTo(ctx, c.id),
    statutoryDueDate: current?.due_date ?? c.due_date,
    deadline: current ? { label: current.label, dueDate: current.due_date, legalBasis: current.legal_basis, paused: current.state === 'paused' } : null,
    extensions,
    materials,
    canAddMaterials: !isSettled(c.state),
    progress: events
      .filter((e) => !INTERNAL_ACTIONS.has(e.transition))
      .map((e) => {
        const toOrg = typeof e.input?.toOrgId === 'string' ? (names.get(e.input.toOrgId) ?? null) : null;
        return {
          at: new Date(e.at).toISOString(),
          action: def.transitions[e.transition]?.label ?? def.actions?.[e.transition]?.label ?? BUILTIN[e.transition] ?? e.transition,
          detail: (CITIZEN_ACTION[e.transition] ?? def.transitions[e.transition]?.label ?? e.transition) + (toOrg ? `至${toOrg}` : ''),
          office: e.transition === 'request_review' || e.transition === 'request_recheck' ? null : e.org_name,
          stateLabel: CITIZEN_STATE[e.to_state] ?? def.states[e.to_state as keyof typeof def.states]?.label ?? e.to_state,
        };
      }),
    reply: delivered
      ? { opinion: c.opinion, text: c.opinion_text, deliveredAt: c.delivered_at!.toISOString(), receivedOn: reviewWin.receivedOn, document }
      : null,
    reviewOpinion: opinionOf(reviewDone, recheckWin.receivedOn, reviewDoc),
    recheckOpinion: opinionOf(recheckDone, outside?.recheck_delivered_on ?? null, recheckDoc),
    satisfaction: c.satisfaction,
    canRate: delivered && !c.satisfaction,
    canRequestReview: reviewOpen,
    requestDays: reviewWin.days,
    reviewReceivedOn: reviewWin.receivedOn,
    reviewDeadline: reviewWin.lastDay,
    canRequestRecheck: recheckOpen,
    recheckReceivedOn: recheckWin.receivedOn,
    recheckDeadline: recheckWin.lastDay,
  };
}
