import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { SYSTEM_ACTOR } from '../../../kernel/identity/index.ts';
import { addDaysIso, currentCalendar } from '../../../kernel/calendar/index.ts';
import { orgsDb } from '../db.ts';
import { ORG_KINDS, type OrgKind } from '../contract.ts';
import { registrarDeadline } from './inspection-rules.ts';
import { announceListing } from '../credit/credit-store.ts';

export const MISSING_REPORT_JOB = 'orgs.inspection.missing_reports';

/**
 * 未按时报送年度工作报告 → 活动异常名录 (民政部令第60号, reason 1), by rule: once the registrar's deadline
 * for last year's report has passed (3月31日 for foundations, 5月31日 otherwise; a rest-day last day
 * rolls forward), every organization in that year's inspection without a report submitted by the
 * deadline is listed the day after, with the obligation to report. Idempotent: one listing per
 * organization and year (the detail names the year).
 */
export async function sweepMissingReports(ctx: AppContext, day: string): Promise<number> {
  const year = Number(day.slice(0, 4)) - 1;
  const cal = await currentCalendar(ctx);
  let listed = 0;
  for (const kind of ORG_KINDS as readonly OrgKind[]) {
    const deadline = cal.addDays(addDaysIso(registrarDeadline(kind, year), -1), 1, '640000');
    if (deadline >= day) continue;
    const listedOn = addDaysIso(deadline, 1);
    const detail = `${year}年度工作报告未在${deadline}前报送登记管理机关`;
    const due = await sql<{ id: string; authority_area_path: string; authority_org_unit_id: string }>`
      select o.id, o.authority_area_path, o.authority_org_unit_id from orgs.organization o
      where o.kind = ${kind} and o.registered_on <= ${`${year}-06-30`}::date
        and (o.status = 'normal' or o.status_on > ${`${year}-12-31`}::date)
        and not exists (select 1 from orgs.inspection i where i.organization_id = o.id and i.year = ${year}
                        and (i.conclusion is not null or i.submitted_on <= ${deadline}::date))
        and not exists (select 1 from orgs.credit_listing l where l.organization_id = o.id and l.reason = 'annual_report' and l.detail = ${detail})`.execute(
      ctx.db,
    );
    for (const o of due.rows) {
      await withTx(ctx, async (tx) => {
        const id = randomUUID();
        await orgsDb(tx.db)
          .insertInto('orgs.credit_listing')
          .values({ id, organization_id: o.id, list: 'abnormal', reason: 'annual_report', detail, obligation: true, listed_on: listedOn })
          .execute();
        await announceListing(tx, id);
        await recordAudit(tx, {
          actor: SYSTEM_ACTOR,
          action: 'orgs.credit.auto_list',
          entityType: 'orgs_credit_listing',
          entityId: id,
          areaPath: o.authority_area_path,
          orgUnitId: o.authority_org_unit_id,
          after: { organization: o.id, list: 'abnormal', reason: 'annual_report', listedOn, detail },
        });
      });
      listed++;
    }
  }
  return listed;
}
