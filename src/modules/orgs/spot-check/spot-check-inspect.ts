import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, conflict, notFound } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { requirePermission, SYSTEM_ACTOR, type Actor } from '../../../kernel/identity/index.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';
import { Day } from '../contracts/http.ts';
import { issueSubjectDocument } from '../../../kernel/documents/index.ts';
import { rectificationNotice, rectificationNoticeFill } from '../documents/rectification-notice.ts';
import { spotCheckInScope } from './spot-check-plan.ts';
import { announceListing } from '../credit/credit-store.ts';
import { reportSpotInspection } from './report-inspection.ts';
import { storedTeams } from './team-plan.ts';

export const RECTIFICATION_JOB = 'orgs.spot_check.rectification';

export const SpotInspectionInput = z.object({
  organizationId: z.uuid('社会组织 ID 格式不正确').meta({ title: '社会组织' }),
  method: z.enum(['desk', 'onsite'], '检查方式应为 desk（书面检查）或 onsite（现场检查）').meta({ title: '检查方式' }),
  inspectedOn: Day.meta({ title: '检查日期' }),
  findings: z.string().trim().min(2, '请填写检查情况').max(5000, '检查情况不能超过5000个字').meta({ title: '检查情况' }),
  problems: z.boolean('请说明是否发现问题').meta({ title: '发现问题，发放整改文书' }),
  rectifyBy: Day.nullable().optional().meta({ title: '整改期限' }),
  inspectionCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{33}$/, '检查实施清单编码应为33位')
    .nullable()
    .optional()
    .meta({ title: '执行的检查实施清单事项（不填：本机关唯一的社会组织检查事项）' }),
  officerIds: z
    .array(z.uuid('执法人员 ID 格式不正确'))
    .min(2, '行政检查应由两名以上执法人员实施')
    .max(10, '检查人员不超过10名')
    .nullable()
    .optional()
    .meta({ title: '实施检查的执法人员（不填：抽取的检查人员）' }),
});
export const FollowUpInput = z.object({
  organizationId: z.uuid('社会组织 ID 格式不正确').meta({ title: '社会组织' }),
  rectifiedOn: Day.meta({ title: '整改完成日期' }),
  followUp: z.string().trim().min(2, '请填写复查情况').max(2000, '复查情况不能超过2000个字').meta({ title: '复查情况' }),
});
export const SpotItemRecorded = z.object({
  organizationId: z.uuid(),
  noticeNo: z.string().nullable(),
  noticeDocumentId: z.uuid().nullable(),
  rectifyBy: z.string().nullable(),
  inspectionRecordId: z.uuid().nullable().meta({ description: '报送互联网+监管的检查行为（待审核）' }),
  supervisionNote: z.string().nullable().meta({ description: '未报送互联网+监管的原因' }),
});

/**
 * The item of a drawn organization, locked. A v2 draw stores the list (population positions ≤ k, teams) and no
 * item rows; the row is made here, with the organization's team, the first time it is inspected.
 */
async function itemOf(ctx: AppContext, spotCheckId: string, organizationId: string) {
  const drawn = (
    await sql<{ id: string; sample_size: number; teams: unknown; uscc: string }>`select s.id, s.sample_size, s.teams, p.uscc
      from orgs.spot_check s join orgs.spot_check_population p on p.spot_check_id = s.id and p.pos <= s.sample_size
      where s.id = ${spotCheckId} and s.drawn_on is not null and p.organization_id = ${organizationId}
        and not exists (select 1 from orgs.spot_check_item i where i.spot_check_id = s.id and i.organization_id = p.organization_id)`.execute(ctx.db)
  ).rows[0];
  if (drawn) {
    const team = (await storedTeams(ctx.db, drawn, [drawn.uscc])).get(drawn.uscc) ?? [];
    await sql`insert into orgs.spot_check_item (spot_check_id, organization_id, inspectors)
      values (${spotCheckId}, ${organizationId}, ${JSON.stringify(team)}::jsonb) on conflict (spot_check_id, organization_id) do nothing`.execute(ctx.db);
  }
  const it = (
    await sql<any>`select i.*, i.rectify_by::text as rectify_t, i.rectified_on::text as rectified_t, o.name, o.uscc
      from orgs.spot_check_item i join orgs.organization o on o.id = i.organization_id
      where i.spot_check_id = ${spotCheckId} and i.organization_id = ${organizationId} for update of i`.execute(ctx.db)
  ).rows[0];
  if (!it) throw notFound('本次抽查中的该社会组织', 'ORG_SPOT_ITEM_NOT_FOUND');
  return it;
}

/**
 * 检查记录: desk or on-site inspection of a drawn organization; problems found issue a 整改通知书 (a kernel subject
 * document, documents/rectification-notice.ts: 文号, verification code, PDF) with the deadline; the organization must
 * rectify by then. A team of certified officers reports it to 互联网+监管 as a 检查行为 (report-inspection.ts).
 */
export async function recordSpotInspection(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof SpotInspectionInput>) {
  requirePermission(actor, 'orgs.register');
  const today = chinaDate(ctx.clock.now());
  if (input.inspectedOn > today) throw new AppError('VALIDATION_FAILED', 400, '检查日期不能晚于今天。', { field: 'inspectedOn' });
  if (input.problems && !input.rectifyBy) throw new AppError('VALIDATION_FAILED', 400, '发现问题须写明整改期限。', { field: 'rectifyBy' });
  if (input.problems && input.rectifyBy! <= input.inspectedOn) throw new AppError('VALIDATION_FAILED', 400, '整改期限应晚于检查日期。', { field: 'rectifyBy' });
  return withTx(ctx, async (tx) => {
    const s = await spotCheckInScope(tx, actor, id, 'orgs.register');
    if (!s.drawn_t) throw conflict('ORG_SPOT_CHECK_NOT_DRAWN', '尚未抽取，不能登记检查结果。');
    if (input.inspectedOn < s.drawn_t) throw new AppError('VALIDATION_FAILED', 400, `检查日期早于抽取日期${s.drawn_t}。`, { field: 'inspectedOn' });
    const it = await itemOf(tx, id, input.organizationId);
    if (it.method) throw conflict('ORG_SPOT_ITEM_RECORDED', `${it.name}的检查结果已登记。`);
    await sql`update orgs.spot_check_item set method = ${input.method}, inspected_on = ${input.inspectedOn}::date, findings = ${input.findings},
        problems = ${input.problems} where spot_check_id = ${id} and organization_id = ${input.organizationId}`.execute(tx.db);
    let noticeNo: string | null = null;
    let noticeDocumentId: string | null = null;
    if (input.problems) {
      const authority = (await sql<{ name: string }>`select name from core.org_unit where id = ${s.authority_org_unit_id}`.execute(tx.db)).rows[0]!.name;
      const doc = await issueSubjectDocument(tx, {
        type: rectificationNotice,
        subject: { id: `${id}:${input.organizationId}`, areaPath: s.authority_area_path, orgUnitId: s.authority_org_unit_id },
        fill: rectificationNoticeFill({
          organization: it.name,
          uscc: it.uscc,
          authority,
          spotCheckTitle: s.title,
          method: input.method,
          inspectedOn: input.inspectedOn,
          findings: input.findings,
          rectifyBy: input.rectifyBy!,
        }),
        actor,
      });
      noticeNo = doc.docNo;
      noticeDocumentId = doc.id;
      await sql`update orgs.spot_check_item set notice_no = ${doc.docNo}, notice_document_id = ${doc.id}, notice_on = ${input.inspectedOn}::date,
          rectify_by = ${input.rectifyBy!}::date where spot_check_id = ${id} and organization_id = ${input.organizationId}`.execute(tx.db);
    }
    const rep = await reportSpotInspection(tx, actor, s, it, { ...input, noticeNo, rectifyBy: input.problems ? input.rectifyBy! : null });
    await sql`update orgs.spot_check_item set inspection_code = ${rep.code}, inspection_record_id = ${rep.recordId}, supervision_note = ${rep.note},
        inspected_by = ${rep.inspectedBy && JSON.stringify(rep.inspectedBy)}::jsonb
      where spot_check_id = ${id} and organization_id = ${input.organizationId}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'orgs.spot_check.inspect',
      entityType: 'orgs_organization',
      entityId: input.organizationId,
      areaPath: s.authority_area_path,
      orgUnitId: s.authority_org_unit_id,
      after: { spotCheck: id, ...input, noticeNo, inspectionRecord: rep.recordId, supervisionNote: rep.note },
    });
    return {
      organizationId: input.organizationId,
      noticeNo,
      noticeDocumentId,
      rectifyBy: input.problems ? input.rectifyBy! : null,
      inspectionRecordId: rep.recordId,
      supervisionNote: rep.note,
    };
  });
}

/** 复查: the organization rectified (on or before the deadline; a later date is recorded too, but the listing stays). */
export async function recordFollowUp(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof FollowUpInput>) {
  requirePermission(actor, 'orgs.register');
  if (input.rectifiedOn > chinaDate(ctx.clock.now())) throw new AppError('VALIDATION_FAILED', 400, '整改完成日期不能晚于今天。', { field: 'rectifiedOn' });
  return withTx(ctx, async (tx) => {
    const s = await spotCheckInScope(tx, actor, id, 'orgs.register');
    const it = await itemOf(tx, id, input.organizationId);
    if (!it.notice_no) throw conflict('ORG_SPOT_NO_NOTICE', `${it.name}未被要求整改。`);
    if (it.rectified_t) throw conflict('ORG_SPOT_RECTIFIED', `${it.name}已于${it.rectified_t}完成整改。`);
    await sql`update orgs.spot_check_item set rectified_on = ${input.rectifiedOn}::date, follow_up = ${input.followUp}
      where spot_check_id = ${id} and organization_id = ${input.organizationId}`.execute(tx.db);
    await recordAudit(tx, {
      actor,
      action: 'orgs.spot_check.follow_up',
      entityType: 'orgs_organization',
      entityId: input.organizationId,
      areaPath: s.authority_area_path,
      orgUnitId: s.authority_org_unit_id,
      after: { spotCheck: id, ...input, late: input.rectifiedOn > it.rectify_t },
    });
    return {
      organizationId: input.organizationId,
      noticeNo: it.notice_no as string,
      noticeDocumentId: it.notice_document_id ?? null,
      rectifyBy: it.rectify_t as string,
      inspectionRecordId: it.inspection_record_id ?? null,
      supervisionNote: it.supervision_note ?? null,
    };
  });
}

/**
 * 未按期完成整改 → 活动异常名录 (民政部令第60号: 在抽查和其他监督检查中发现问题，发放整改文书要求限期整改，
 * 未按期完成整改), daily: every 整改通知 whose deadline passed before `day` without rectification recorded by
 * the deadline is listed the day after the deadline, with the obligation to rectify; once per notice.
 */
export async function sweepRectification(ctx: AppContext, day: string): Promise<number> {
  const due = await sql<{ spot_check_id: string; organization_id: string; notice_no: string; rectify_t: string; path: string; unit: string }>`
    select i.spot_check_id, i.organization_id, i.notice_no, i.rectify_by::text as rectify_t, s.authority_area_path as path, s.authority_org_unit_id as unit
    from orgs.spot_check_item i join orgs.spot_check s on s.id = i.spot_check_id
    where i.notice_no is not null and i.listing_id is null and i.rectify_by < ${day}::date
      and (i.rectified_on is null or i.rectified_on > i.rectify_by)`.execute(ctx.db);
  for (const r of due.rows)
    await withTx(ctx, async (tx) => {
      const id = randomUUID();
      const listedOn = addDaysIso(r.rectify_t, 1);
      const detail = `${r.notice_no}要求于${r.rectify_t}前完成整改，未按期完成`;
      await sql`insert into orgs.credit_listing (id, organization_id, list, reason, detail, obligation, listed_on)
        values (${id}, ${r.organization_id}, 'abnormal', 'rectification', ${detail}, true, ${listedOn}::date)`.execute(tx.db);
      await announceListing(tx, id);
      await sql`update orgs.spot_check_item set listing_id = ${id} where spot_check_id = ${r.spot_check_id} and organization_id = ${r.organization_id}`.execute(
        tx.db,
      );
      await recordAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'orgs.credit.auto_list',
        entityType: 'orgs_credit_listing',
        entityId: id,
        areaPath: r.path,
        orgUnitId: r.unit,
        after: { organization: r.organization_id, list: 'abnormal', reason: 'rectification', listedOn, detail },
      });
    });
  return due.rows.length;
}
