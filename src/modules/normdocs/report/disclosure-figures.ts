import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import type { MetricQueryArgs } from '../../../kernel/report/index.ts';
import { documents } from './section.ts';

/**
 * The 行政规范性文件 row of the yearly 政府信息公开 report (国办公开办函〔2021〕30号, 第二十条第(一)项), from
 * the register, over the documents the actor may read in the area's subtree: 本年制发 (公布 in the
 * period), 本年废止 (废止 or 失效 in the period), 现行有效 (published by the period's last day and not ended by then).
 * Each figure carries its case ids.
 */
export async function normdocDisclosureFigures(ctx: AppContext, a: MetricQueryArgs) {
  const issued = await documents((f, t) => sql<boolean>`d.published_on between ${f}::date and ${t}::date`)(ctx, a);
  const repealed = await documents((f, t) => sql<boolean>`d.end_kind is not null and d.ended_on between ${f}::date and ${t}::date`)(ctx, a);
  const current = await documents((_f, t) => sql<boolean>`d.published_on <= ${t}::date and (d.ended_on is null or d.ended_on > ${t}::date)`)(ctx, a);
  const fig = (m: { value: number; recordIds: string[] }) => ({ value: m.value, ids: m.recordIds });
  return { issued: fig(issued), repealed: fig(repealed), current: fig(current) };
}
