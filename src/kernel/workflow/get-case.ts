import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../identity/actor.ts';
import { caseParts, partOf } from './co-handling.ts';
import { actorOrgIds, caseReadable, needsHistory, partyFacts, priorActs } from './case-access.ts';
import { caseClockViews } from './case-clocks.ts';
import { availableTransitions } from './decide.ts';
import { workflowOf, type CaseRow } from './define-workflow.ts';
import { caseNotFound } from './errors.ts';
import { nextStepOf } from './next-step.ts';
import { mayActOn } from './may-act.ts';
import { HANDOFF_KINDS, handoffRefusal } from './handoff-rule.ts';
import { transitionLabel } from './step-labels.ts';
import type { CaseDetail } from './contract.ts';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything the case page shows, filtered by scope; out of scope answers 404. */
export async function getCase(ctx: AppContext, actor: Actor, caseId: string): Promise<CaseDetail> {
  const type = await ctx.db.selectFrom('core.case').select('type').where('id', '=', caseId).executeTakeFirst();
  if (!type) throw caseNotFound();
  const def = workflowOf(type.type);
  const c = (await ctx.db
    .selectFrom('core.case as c')
    .selectAll('c')
    .where('c.id', '=', caseId)
    .where(caseReadable(actor, def.readPermission))
    .executeTakeFirst()) as CaseRow | undefined;
  if (!c) throw caseNotFound();
  const orgName = async (id: string | null) =>
    id ? ((await ctx.db.selectFrom('core.org_unit').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null) : null;
  const [events, handoffs, signoffs, comments, attachments, supervisions, clocks, parts, parent] = await Promise.all([
    ctx.db.selectFrom('core.case_event').selectAll().where('case_id', '=', c.id).orderBy('seq').execute(),
    ctx.db
      .selectFrom('core.case_handoff as h')
      .innerJoin('core.org_unit as f', 'f.id', 'h.from_org_id')
      .innerJoin('core.org_unit as t', 't.id', 'h.to_org_id')
      .select([
        'h.id',
        'h.kind',
        'h.status',
        'h.sent_at',
        'h.acknowledged_at',
        'h.note',
        'f.name as from_name',
        't.name as to_name',
        'h.from_org_id',
        'h.to_org_id',
      ])
      .where('h.case_id', '=', c.id)
      .orderBy('h.sent_at')
      .execute(),
    ctx.db.selectFrom('core.case_signoff').selectAll().where('case_id', '=', c.id).orderBy('round').orderBy('id').execute(),
    ctx.db.selectFrom('core.case_comment').selectAll().where('case_id', '=', c.id).orderBy('created_at').execute(),
    // Who uploaded each file; no user means it came from the public portal with the submission.
    ctx.db
      .selectFrom('core.attachment as a')
      .leftJoin('core.app_user as u', 'u.id', 'a.uploaded_by')
      .select(['a.id', 'a.file_name', 'a.mime_type', 'a.size_bytes', 'a.sm3', 'a.uploaded_at', 'u.display_name as uploaded_by_name'])
      .where('a.case_id', '=', c.id)
      .orderBy('a.uploaded_at')
      .execute(),
    ctx.db
      .selectFrom('core.case_supervision as s')
      .innerJoin('core.org_unit as f', 'f.id', 's.from_org_id')
      .innerJoin('core.org_unit as t', 't.id', 's.to_org_id')
      .select([
        's.id',
        's.kind',
        's.reason',
        's.issued_at',
        's.feedback_due',
        's.feedback',
        's.feedback_at',
        'f.name as from_name',
        't.name as to_name',
        's.to_org_id',
      ])
      .where('s.case_id', '=', c.id)
      .orderBy('s.issued_at')
      .execute(),
    caseClockViews(ctx, c),
    caseParts(ctx, c.id),
    partOf(ctx, c.id),
  ]);
  const orgs = actorOrgIds(actor);
  const pending = handoffs.find((h) => h.status === 'pending');
  const facts = partyFacts(actor, c, needsHistory(Object.values(def.transitions).map((t) => t.who)) ? await priorActs(ctx, c.id) : undefined);
  const isHolder = orgs.includes(c.org_unit_id);
  const lastEvent = events[events.length - 1];
  const transitions = availableTransitions(def, { state: c.state, terminal: c.terminal, pendingHandoff: c.pending_handoff }, facts);
  // 签收 by whom the worklist's 「待我处理」 lists it for: the same rule (may-act.ts).
  const canAcknowledge = !!pending && orgs.includes(pending.to_org_id) && mayActOn(actor, c);
  const nextStep = await nextStepOf(ctx, def, c, {
    pendingToOrg: pending?.to_name ?? null,
    mayAcknowledge: canAcknowledge,
    available: transitions.map((t) => t.name),
  });
  // 转办/交办 by the rule the command enforces (handoff-rule.ts); the dialog offers the kinds no module command owns.
  const handoffOpen = await Promise.all(HANDOFF_KINDS.map(async (k) => ({ kind: k, open: !(await handoffRefusal(ctx, actor, c, k)) })));
  const viaModule = { transfer: def.handoff?.transferOnlyVia, assign: def.handoff?.assignOnlyVia };
  const returnTargets =
    def.returnable && def.returnable.from.includes(c.state) && !c.terminal && !c.pending_handoff && facts.holds(def.returnable.permission, 'holder')
      ? def.returnable.to.filter((s) => s !== c.state && events.some((e) => e.to_state === s)).map((s) => ({ state: s, label: def.states[s]!.label }))
      : [];
  return {
    id: c.id,
    type: c.type,
    typeLabel: def.label,
    refNo: c.ref_no,
    title: c.title,
    state: c.state,
    stateLabel: def.states[c.state]?.label ?? c.state,
    terminal: c.terminal,
    pendingHandoff: c.pending_handoff,
    version: c.version,
    areaCode: c.area_code,
    orgUnitId: c.org_unit_id,
    orgUnitName: await orgName(c.org_unit_id),
    supervisingOrgName: await orgName(c.supervising_org_id),
    dueDate: c.due_date,
    clockState: c.clock_state,
    data: def.readFacts ? await def.readFacts(ctx, c) : c.data,
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
    closedAt: isoOrNull(c.closed_at),
    events: events.map((e) => ({
      seq: e.seq,
      at: iso(e.at),
      actorName: e.actor_name,
      transition: e.transition,
      transitionLabel: transitionLabel(def, e.transition),
      fromState: e.from_state,
      toState: e.to_state,
      toStateLabel: def.states[e.to_state]?.label ?? e.to_state,
      input: e.input,
      comment: e.comment,
      auditEventId: e.audit_event_id,
    })),
    handoffs: handoffs.map((h) => ({
      id: h.id,
      kind: h.kind,
      status: h.status,
      sentAt: iso(h.sent_at),
      acknowledgedAt: isoOrNull(h.acknowledged_at),
      note: h.note,
      fromOrgName: h.from_name,
      toOrgName: h.to_name,
    })),
    signoffs: signoffs.map((s) => ({
      id: s.id,
      step: s.step,
      mode: s.mode,
      required: s.required,
      round: s.round,
      partyOrgId: s.party_org_id,
      partyUserId: s.party_user_id,
      decision: s.decision,
      comment: s.comment,
      decidedAt: isoOrNull(s.decided_at),
    })),
    comments: comments.map((m) => ({ id: m.id, authorName: m.author_name, body: m.body, createdAt: iso(m.created_at) })),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mimeType: a.mime_type,
      sizeBytes: a.size_bytes,
      sm3: a.sm3,
      uploadedAt: iso(a.uploaded_at),
      uploadedBy: a.uploaded_by_name ?? null,
    })),
    supervisions: supervisions.map((s) => ({
      id: s.id,
      kind: s.kind,
      reason: s.reason,
      issuedAt: iso(s.issued_at),
      feedbackDue: s.feedback_due,
      feedback: s.feedback,
      feedbackAt: isoOrNull(s.feedback_at),
      fromOrgName: s.from_name,
      toOrgName: s.to_name,
      awaitingMyFeedback: !s.feedback && orgs.includes(s.to_org_id),
    })),
    clocks,
    // 主办/协办/会办: the parts of this case with their states, or the case this one is a part of.
    parts,
    partOf: parent,
    actions: {
      transitions,
      canHandoff: handoffOpen.some((h) => h.open),
      handoffKinds: handoffOpen.filter((h) => h.open && !viaModule[h.kind]).map((h) => h.kind),
      canAcknowledge,
      canObject: !!pending && orgs.includes(pending.to_org_id) && !!def.handoff?.objectWithin && !def.handoff.objectionNeedsAgreement,
      canWithdrawHandoff: !!pending && orgs.includes(pending.from_org_id),
      canWithdraw: !!lastEvent && lastEvent.actor_id === actor.userId && !!def.transitions[lastEvent.transition]?.withdrawable && !c.terminal,
      returnTargets,
      canComment: true,
      canSupervise: !c.terminal && !isHolder && facts.holds(def.readPermission, 'supervisor'),
    },
    nextStep,
  };
}
