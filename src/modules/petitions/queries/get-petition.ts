import { petitionsDb } from '../db.ts';
import type { AppContext } from '../../../platform/context.ts';
import { decryptPii } from '../../../platform/crypto/pii.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { recordPiiRead } from '../../../kernel/audit/index.ts';
import { actorOrgIds, getCase, caseNotFound } from '../../../kernel/workflow/index.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { simpleRefusals } from '../policies.ts';
import { REFUSAL_CODES, REFUSAL_REASONS } from '../contract.ts';
import { simpleFacts } from '../workflow.ts';
import { petitionLawToday } from '../law.ts';
import { HIDDEN_INFORMANT, informantHidden } from '../commands/informant.ts';
import { intakeFacts } from './intake-facts.ts';

/** A `date` column as YYYY-MM-DD whichever driver returned it (text or a Date at UTC midnight). */
const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const dateText = (v: unknown): string | null => (v == null ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/**
 * The case page plus the petition and its petitioners. 身份证号/phone are shown in full only to
 * handlers (members of the org holding the case, with petition.handle), and each such read is logged.
 */
export async function getPetition(ctx: AppContext, actor: Actor, id: string, opts: { masked?: boolean } = {}) {
  const c = await getCase(ctx, actor, id);
  if (c.type !== 'petition') throw caseNotFound();
  const db = petitionsDb(ctx.db);
  const p = await db.selectFrom('petitions.petition').selectAll().where('case_id', '=', id).executeTakeFirst();
  if (!p) throw caseNotFound();
  const area = await db.selectFrom('core.area').select('name').where('code', '=', p.concerned_area_code).executeTakeFirst();
  const people = await db.selectFrom('petitions.petitioner').selectAll().where('case_id', '=', id).orderBy('created_at').execute();
  const [assignments, followUps, reviewRequests] = await Promise.all([
    db
      .selectFrom('petitions.assignment as a')
      .innerJoin('core.case_handoff as h', 'h.id', 'a.handoff_id')
      .innerJoin('core.org_unit as o', 'o.id', 'a.to_org_id')
      .select(['a.handoff_id', 'a.report_due', 'a.report_days', 'a.reported_at', 'a.created_at', 'h.status', 'h.acknowledged_at', 'o.name as to_name'])
      .where('a.case_id', '=', id)
      .orderBy('a.created_at')
      .execute(),
    db.selectFrom('petitions.follow_up').selectAll().where('case_id', '=', id).orderBy('due_date').orderBy('id').execute(),
    db.selectFrom('petitions.review_request').selectAll().where('case_id', '=', id).orderBy('recorded_at').execute(),
  ]);
  const today = chinaDate(ctx.clock.now());
  // 简易办理 eligibility before the handler asks (the facts check is theirs to confirm).
  const simpleF = c.state === 'accepted' ? await simpleFacts(ctx, id) : null;
  const simpleReasons = simpleF ? simpleRefusals({ ...simpleF, factsClear: true }) : null;
  const piiAllowed =
    actorOrgIds(actor).includes(c.orgUnitId) && actor.grants.some((g) => g.orgUnitId === c.orgUnitId && g.permissions.includes('petition.handle'));
  // 检举控告: the informant stays with the handler (第三十条第三款).
  const hidden = informantHidden(actor, p.category, c.orgUnitId);
  const intake = await intakeFacts(ctx, p);
  // masked: the case page's facts view; the full identity is fetched (and logged) only on request.
  const handler = piiAllowed && !opts.masked;
  const petitioners = [];
  for (const x of people) {
    if (hidden) {
      petitioners.push({ id: x.id, name: HIDDEN_INFORMANT, role: x.role, address: null, idNumberMasked: null, phoneMasked: null });
      continue;
    }
    petitioners.push({
      id: x.id,
      name: x.name,
      role: x.role,
      address: x.address,
      idNumberMasked: x.id_number_masked,
      phoneMasked: x.phone_masked,
      ...(handler
        ? { idNumber: x.id_number_enc ? await decryptPii(ctx, x.id_number_enc) : null, phone: x.phone_enc ? await decryptPii(ctx, x.phone_enc) : null }
        : {}),
    });
  }
  if (handler && people.some((x) => x.id_number_enc || x.phone_enc)) {
    await recordPiiRead(ctx, actor, { entityType: 'petition', entityId: id, areaPath: p.concerned_area_path, fields: ['idNumber', 'phone'] });
  }
  return {
    ...c,
    petition: {
      channel: p.channel,
      sourceBody: p.source_body,
      sourceRef: p.source_ref,
      category: p.category,
      subject: p.subject,
      concernedAreaCode: p.concerned_area_code,
      concernedAreaName: area?.name ?? null,
      content: p.content,
      visitBatch: p.visit_batch,
      visitPersons: p.visit_persons,
      representatives: p.representatives,
      anonymous: p.anonymous,
      opinion: p.opinion,
      opinionText: p.opinion_text,
      deliveredAt: isoOrNull(p.delivered_at),
      satisfaction: p.satisfaction,
      ratedAt: isoOrNull(p.rated_at),
      isRepeat: p.is_repeat,
      repeatOf: p.repeat_of,
      isSkipLevel: p.is_skip_level,
      firstTime: p.first_time,
      /** 受理告知书 (written notice of acceptance). */
      acceptanceNotice: p.acceptance_notice,
      acceptedAt: isoOrNull(p.accepted_at),
      /** 不予受理: the statutory reason, its basis and the guidance told to the petitioner. */
      refusal: p.refusal_code
        ? {
            reasonCode: p.refusal_code,
            reason: p.refusal_reason,
            legalBasis: p.refusal_basis,
            guidance: p.refusal_guidance,
            detail: p.refusal_detail,
            refusedAt: isoOrNull(p.refused_at),
            auto: p.refused_auto,
          }
        : null,
      /** 网上 when rated on the portal; 电话 / 信函 / 当面 when recorded by staff. */
      satisfactionChannel: p.satisfaction ? (p.satisfaction_channel ?? ('网上' as const)) : null,
      satisfactionComment: p.satisfaction_comment,
      /** 领导包案. */
      lead: p.lead_user_id && p.lead_at ? { userId: p.lead_user_id, name: p.lead_user_name, at: iso(p.lead_at), note: p.lead_note } : null,
      ...intake.facts,
    },
    /** 转送、交办去向 (told to the petitioner, 第二十三条第一款) and the receivers' 异议. */
    forwarding: intake.forwarding,
    objections: intake.objections,
    /** While 已受理: may it take the 简易办理 track (besides 事实清楚, which the handler confirms)? */
    simpleEligibility: simpleReasons ? { eligible: simpleReasons.length === 0, reasons: simpleReasons } : null,
    /** While 甄别中: the statutory 不予受理 reasons for the refuse form (its input `reasonCode`). */
    refusalReasons:
      c.state === 'registered'
        ? REFUSAL_CODES.map((code) => ({
            code,
            label: REFUSAL_REASONS[code].label,
            legalBasis: petitionLawToday(ctx).refusal[code],
            guidance: REFUSAL_REASONS[code].guidance,
          }))
        : [],
    /** 延期 of the 办理期限 (reason told to the petitioner, 第三十四条); stored in core.deadline_clock.extensions. */
    extensions: c.clocks.flatMap((k) =>
      k.extensions.map((e) => ({
        clock: k.name,
        clockLabel: k.label,
        days: e.n,
        unit: e.unit,
        reason: e.reason,
        at: e.at,
        approvedByName: e.approvedByName,
        dueDate: k.dueDate,
      })),
    ),
    /** 交办 with 报告期限; reported when the receiver delivered its reply. */
    assignments: assignments.map((a) => ({
      handoffId: a.handoff_id,
      toOrgName: a.to_name,
      handoffStatus: a.status,
      acknowledgedAt: isoOrNull(a.acknowledged_at),
      assignedAt: iso(a.created_at),
      reportDueDate: dateText(a.report_due),
      reportDays: a.report_days,
      reportedAt: isoOrNull(a.reported_at),
      reportOverdue: !a.reported_at && a.status !== 'objected' && a.status !== 'withdrawn' && dateText(a.report_due)! < today,
    })),
    /** 回头看 scheduled by the 包案领导. */
    followUps: followUps.map((f) => ({
      id: f.id,
      dueDate: dateText(f.due_date),
      note: f.note,
      leaderName: f.leader_name,
      notifiedAt: isoOrNull(f.notified_at),
      result: f.result,
      resultAt: isoOrNull(f.result_at),
      resultByName: f.result_by_name,
    })),
    /** 复查/复核 requests received by letter and registered by staff. */
    reviewRequests: reviewRequests.map((r) => ({
      id: r.id,
      which: r.which,
      channel: r.channel,
      reason: r.reason,
      receivedOn: dateText(r.received_on),
      postmarkOn: dateText(r.postmark_on),
      recordedByName: r.recorded_by_name,
      recordedAt: iso(r.recorded_at),
    })),
    petitioners,
    informantHidden: hidden,
    piiShown: handler,
    piiAllowed,
  };
}
