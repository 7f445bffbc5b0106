import { sql } from 'kysely';
import { withTx, type AppContext } from '../../../platform/context.ts';
import { addDaysIso } from '../../../kernel/calendar/index.ts';
import { notify } from '../../../kernel/notify/index.ts';
import { ORG_KINDS, type OrgKind } from '../contract.ts';
import { registrarDeadline, supervisorDeadline } from './inspection-rules.ts';
import { rolled } from './portal-filing.ts';

export const REMINDER_JOB = 'orgs.inspection.reminders';
/** How many calendar days before a deadline the reminder goes out (a setting, not a statutory period). */
export const REMIND_DAYS_BEFORE = 15;

/**
 * 年报提醒: from REMIND_DAYS_BEFORE days before each deadline of last year's report (3月31日 to the
 * 业务主管单位, 5月31日 to the registrar; foundations 3月31日 to the registrar; rest-day last days rolled
 * forward), each organization in that inspection that has filed nothing gets one reminder (shown
 * when it logs in on the portal; an SMS channel can send it) and its registrar one inbox notice
 * with the count. Once per organization, year and deadline.
 */
export async function sweepReminders(ctx: AppContext, day: string): Promise<number> {
  const year = Number(day.slice(0, 4)) - 1;
  let sent = 0;
  for (const kind of ORG_KINDS as readonly OrgKind[]) {
    const deadlines: Array<['supervisor' | 'registrar', string | null]> = [
      ['supervisor', supervisorDeadline(kind, year)],
      ['registrar', registrarDeadline(kind, year)],
    ];
    for (const [which, statutory] of deadlines) {
      if (!statutory) continue;
      const deadline = await rolled(ctx, statutory);
      if (day > deadline || day < addDaysIso(deadline, -REMIND_DAYS_BEFORE)) continue;
      await withTx(ctx, async (tx) => {
        const rows = (
          await sql<{ organization_id: string; authority_org_unit_id: string }>`
          insert into orgs.annual_reminder (organization_id, year, deadline_kind, deadline, reminded_on)
          select o.id, ${year}, ${which}, ${deadline}::date, ${day}::date from orgs.organization o
          where o.kind = ${kind} and o.registered_on <= ${`${year}-06-30`}::date and o.status = 'normal'
            and (${which} = 'registrar' or o.supervisor_unit is not null)
            and not exists (select 1 from orgs.inspection i where i.organization_id = o.id and i.year = ${year}
                            and (i.submitted_on is not null or i.conclusion is not null))
          on conflict do nothing
          returning organization_id, (select authority_org_unit_id from orgs.organization x where x.id = organization_id)`.execute(tx.db)
        ).rows;
        const perAuthority = new Map<string, number>();
        for (const r of rows) perAuthority.set(r.authority_org_unit_id, (perAuthority.get(r.authority_org_unit_id) ?? 0) + 1);
        const to = which === 'supervisor' ? '业务主管单位' : '登记管理机关';
        for (const [orgUnitId, n] of perAuthority)
          await notify(tx, {
            orgUnitId,
            kind: 'orgs.annual_report.remind',
            title: `已提醒${n}个社会组织：${year}年度工作报告应于${deadline}前报送${to}`,
            dedupeKey: `orgs.annual_report.remind:${orgUnitId}:${year}:${which}:${kind}:${day}`,
          });
        sent += rows.length;
      });
    }
  }
  return sent;
}
