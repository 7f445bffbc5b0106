import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { notify } from '../../../kernel/notify/index.ts';
import type { CaseRow } from '../../../kernel/workflow/index.ts';

/**
 * 重大、紧急信访事项 (《信访工作条例》第二十五条): reported at once — on the bell of the registering
 * unit's own 机关 (its parent unit, for the 本级 report) and of the 民政 body one level up — and the
 * report (to whom, when) kept on the petition. Returns the line told to the registering clerk.
 */
export async function reportUrgent(tx: AppContext, c: CaseRow, note: string): Promise<string> {
  const org = (
    await sql<{
      id: string;
      name: string;
      parent_id: string | null;
      area_path: string;
    }>`select id, name, parent_id, area_path from core.org_unit where id = ${c.org_unit_id}`.execute(tx.db)
  ).rows[0]!;
  const parentPath = org.area_path.split('.').slice(0, -1).join('.');
  const targets = (
    await sql<{ id: string; name: string }>`select id, name from core.org_unit where active and id <> ${org.id} and (
      id = ${org.parent_id} or (${parentPath} <> '' and area_path = ${parentPath} and kind in ('bureau', 'department')))
      order by length(area_path) desc, name`.execute(tx.db)
  ).rows;
  for (const t of targets)
    await notify(tx, {
      orgUnitId: t.id,
      caseId: c.id,
      kind: 'petition.urgent',
      title: `重大紧急信访事项：${c.ref_no} ${c.title}`,
      body: `${org.name}登记：${note}`,
    });
  const names = targets.map((t) => t.name);
  const report = names.length
    ? `已于登记时报告${names.join('、')}（《信访工作条例》第二十五条）`
    : '平台内无上一级机关可报告：请按《信访工作条例》第二十五条报告本级党委和政府及上一级信访部门';
  await sql`update petitions.petition set urgent_reported_at = ${names.length ? tx.clock.now() : null}, urgent_report = ${report} where case_id = ${c.id}`.execute(
    tx.db,
  );
  return `重大紧急信访事项：${report}`;
}
