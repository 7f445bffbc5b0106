import { sql } from 'kysely';
import type { ReportMetric } from '../../../kernel/report/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { ENFORCEMENT_PERMISSIONS, PENALTY_TYPE } from '../contracts/labels.ts';
import { remedyDb } from '../remedies/remedy-queries.ts';

/**
 * 被纠错的处罚决定: penalty decisions that a 行政复议 or 行政诉讼 ended with 结果纠正 in the period (the
 * 复议/诉讼 register's result day), counted once per decision; the records are the penalty cases.
 */
export const reversalMetric: ReportMetric = {
  code: 'enforcement.reversed',
  label: '被复议、诉讼纠错的处罚决定',
  unit: '件',
  kind: 'count',
  aggregation: 'sum',
  permission: ENFORCEMENT_PERMISSIONS.read,
  rule: '统计期间内经行政复议或行政诉讼结果为“结果纠正”的行政处罚决定（以结果日期计，一个决定计 1 件；本地区及下级）',
  query: async (ctx, a) => {
    const like = a.areaPath.replace(/[\\%_]/g, '\\$&') + '.%';
    const rows = await remedyDb(ctx.db)
      .selectFrom('enforcement.remedy as r')
      .innerJoin('core.case as c', 'c.id', 'r.decision_case_id')
      .where('c.type', '=', PENALTY_TYPE)
      .where(caseReadable(a.actor, ENFORCEMENT_PERMISSIONS.read))
      .where((eb) => eb.or([eb('c.area_path', '=', a.areaPath), eb('c.area_path', 'like', like)]))
      .where('r.result', '=', '结果纠正')
      .where(sql<boolean>`r.result_on between ${a.from}::date and ${a.to}::date`)
      .select('c.id')
      .distinct()
      .orderBy('c.id')
      .execute();
    return { value: rows.length, recordIds: rows.map((r) => r.id), recordKind: 'case' };
  },
};
