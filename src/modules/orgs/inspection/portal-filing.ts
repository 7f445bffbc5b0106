import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { notify } from '../../../kernel/notify/index.ts';
import { addDaysIso, currentCalendar } from '../../../kernel/calendar/index.ts';
import { orgsDb } from '../db.ts';
import { ORG_KIND_LABEL, dateText } from '../contract.ts';
import type { AnnualReportSubmission, FilingAccepted, FilingStatus } from '../contracts/annual-report.ts';
import { orgByFilingCode, type FilingOrg } from './filing-code.ts';
import { noticesOf } from '../spot-check/portal-notices.ts';
import { inspectionRequired, inspectionYearProblem, registrarDeadline, supervisorDeadline } from './inspection-rules.ts';

/** A deadline on the kernel calendar: a rest-day last day rolls forward to the next working day. */
export async function rolled(ctx: AppContext, day: string): Promise<string> {
  const cal = await currentCalendar(ctx);
  return cal.addDays(addDaysIso(day, -1), 1, '640000');
}

const facts = (o: FilingOrg) => ({ registeredOn: o.registered_on, status: o.status, statusOn: o.status_on });

/** What the organization sees after logging in: each of the last three inspections, with deadlines, submission, 初审, result. */
export async function filingStatus(ctx: AppContext, uscc: string, code: string): Promise<FilingStatus> {
  const o = await orgByFilingCode(ctx, uscc, code);
  const today = chinaDate(ctx.clock.now());
  const last = Number(today.slice(0, 4)) - 1;
  const first = Math.max(Number(o.registered_on.slice(0, 4)), last - 2);
  const rows = await orgsDb(ctx.db).selectFrom('orgs.inspection').selectAll().where('organization_id', '=', o.id).execute();
  const reminders = await orgsDb(ctx.db).selectFrom('orgs.annual_reminder').selectAll().where('organization_id', '=', o.id).execute();
  const years: FilingStatus['years'] = [];
  for (let y = last; y >= first; y--) {
    const i = rows.find((r) => r.year === y);
    const sup = supervisorDeadline(o.kind, y);
    const published = dateText(i?.published_on);
    const reminded = reminders.filter((r) => r.year === y).map((r) => dateText(r.reminded_on)!);
    years.push({
      year: y,
      required: inspectionRequired(facts(o), y),
      why: inspectionRequired(facts(o), y) ? null : inspectionYearProblem(facts(o), y, today),
      supervisorDeadline: sup && o.supervisor_unit ? await rolled(ctx, sup) : null,
      registrarDeadline: await rolled(ctx, registrarDeadline(o.kind, y)),
      submittedOn: dateText(i?.submitted_on),
      reviewedOn: dateText(i?.reviewed_on),
      // The conclusion is the organization's own: shown at once; its publication is the public notice.
      conclusion: i?.conclusion ?? null,
      reasons: i?.conclusion ? (i.reasons ?? null) : null,
      publishedOn: published,
      remindedOn: reminded.sort().at(-1) ?? null,
    });
  }
  return {
    name: o.name,
    uscc: o.uscc,
    kind: o.kind,
    kindLabel: ORG_KIND_LABEL[o.kind],
    authorityName: o.authority_name,
    supervisorUnit: o.supervisor_unit,
    years,
    notices: await noticesOf(ctx, o.id),
  };
}

const bad = (field: string, message: string) => new AppError('VALIDATION_FAILED', 400, message, { field: `report.${field}` });

/**
 * The organization files (or, before 初审, replaces) its 年度工作报告 for a year on the portal. Kind
 * rules: a foundation attaches its audit (基金会条例第三十六条: 注册会计师审计报告); an organization with
 * a 业务主管单位 gives the day it agreed (社团条例第二十八条, 民非条例第二十三条: 经业务主管单位初审同意).
 * The report meets the obligation of an 活动异常名录 listing for not reporting that year.
 */
export async function submitAnnualReport(ctx: AppContext, body: z.infer<typeof AnnualReportSubmission>): Promise<FilingAccepted> {
  const o = await orgByFilingCode(ctx, body.uscc, body.filingCode);
  const r = body.report;
  const today = chinaDate(ctx.clock.now());
  if (o.status !== 'normal') throw new AppError('ORG_NOT_ACTIVE', 409, '该社会组织已注销或被撤销登记，不再报送年度工作报告。');
  const problem = inspectionYearProblem(facts(o), r.year, today);
  if (problem) throw bad('year', problem);
  if (o.kind === 'foundation' && (!r.auditFirm || !r.auditReportNo))
    throw bad('auditFirm', '基金会须填写审计机构和审计报告文号（《基金会管理条例》第三十六条）。');
  if (o.kind !== 'foundation' && o.supervisor_unit && !r.supervisorReviewedOn)
    throw bad('supervisorReviewedOn', `请填写业务主管单位（${o.supervisor_unit}）审查同意日期（年度工作报告先经业务主管单位初审同意）。`);
  if (r.supervisorReviewedOn && (r.supervisorReviewedOn > today || r.supervisorReviewedOn < `${r.year + 1}-01-01`))
    throw bad('supervisorReviewedOn', `业务主管单位审查同意日期应在${r.year + 1}年1月1日至今天之间。`);
  if (o.kind !== 'social_group' && r.members != null) throw bad('members', '只有社会团体填写会员数。');
  const report = { ...r, members: o.kind === 'social_group' ? (r.members ?? null) : null };
  const deadline = await rolled(ctx, registrarDeadline(o.kind, r.year));
  return withTx(ctx, async (tx) => {
    const db = orgsDb(tx.db);
    const prior = await db
      .selectFrom('orgs.inspection')
      .selectAll()
      .where('organization_id', '=', o.id)
      .where('year', '=', r.year)
      .forUpdate()
      .executeTakeFirst();
    if (prior?.conclusion || prior?.reviewed_on)
      throw conflict('ORG_REPORT_REVIEWED', `${r.year}年度工作报告已经登记管理机关初审，不能再修改；如需更正请联系${o.authority_name}。`);
    const values = { submitted_on: today, submitted_via: 'portal' as const, report: JSON.stringify(report) };
    if (prior) await db.updateTable('orgs.inspection').set(values).where('id', '=', prior.id).execute();
    else
      await db
        .insertInto('orgs.inspection')
        .values({ id: randomUUID(), organization_id: o.id, year: r.year, ...values })
        .execute();
    await db
      .updateTable('orgs.credit_listing')
      .set({ obligation_met_on: today })
      .where('organization_id', '=', o.id)
      .where('reason', '=', 'annual_report')
      .where('detail', 'like', `${r.year}年度工作报告%`)
      .where('removed_on', 'is', null)
      .where('obligation_met_on', 'is', null)
      .execute();
    const actor = { ...SYSTEM_ACTOR, displayName: `${o.name}（网上报送）` };
    await recordAudit(tx, {
      actor,
      action: 'orgs.annual_report.submit',
      entityType: 'orgs_organization',
      entityId: o.id,
      areaPath: o.authority_area_path,
      orgUnitId: o.authority_org_unit_id,
      after: { year: r.year, submittedOn: today, replaced: Boolean(prior?.submitted_on) },
    });
    await notify(tx, {
      orgUnitId: o.authority_org_unit_id,
      kind: 'orgs.annual_report.filed',
      title: `${o.name}报送了${r.year}年度工作报告，请初审`,
      dedupeKey: `orgs.annual_report.filed:${o.id}:${r.year}:${today}`,
    });
    return { year: r.year, submittedOn: today, late: today > deadline, replaced: Boolean(prior?.submitted_on) };
  });
}
