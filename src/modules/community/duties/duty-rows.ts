import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { workflowOf } from '../../../kernel/workflow/index.ts';
import { DUTY_TYPE } from '../contract.ts';

/** Titles compare without spaces and punctuation (“协助开展 人口普查。” = “协助开展人口普查”). */
export const titleKey = (t: string) => t.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

export type DutyRow = {
  id: string;
  ref_no: string;
  state: string;
  seq: number | null;
  title: string;
  aspect: string;
  content: string;
  basis: string;
  assigning_office: string;
  area_code: string;
  area_name: string;
  area_path: string;
  requested_by_name: string;
  reason: string | null;
  decision_note: string | null;
  decided_on: string | null;
};

/** Duty cases with their facts, filtered by `where` (a SQL condition on c and d). */
export async function dutyRows(ctx: AppContext, where: RawBuilder<unknown>): Promise<DutyRow[]> {
  return (
    await sql<DutyRow>`select c.id, c.ref_no, c.state, d.seq, d.title, d.aspect, d.content, d.basis, d.assigning_office,
      c.area_code, a.name as area_name, c.area_path, d.requested_by_name, d.reason, d.decision_note, d.decided_on::text as decided_on
      from community.duty d join core.case c on c.id = d.case_id join core.area a on a.code = c.area_code
      where ${where} order by d.seq nulls last, c.created_at, c.id`.execute(ctx.db)
  ).rows;
}

export const dutyDto = (r: DutyRow) => ({
  id: r.id,
  refNo: r.ref_no,
  state: r.state,
  stateLabel: workflowOf(DUTY_TYPE).states[r.state]?.label ?? r.state,
  seq: r.seq,
  title: r.title,
  aspect: r.aspect,
  content: r.content,
  basis: r.basis,
  assigningOffice: r.assigning_office,
  areaCode: r.area_code,
  areaName: r.area_name,
  areaPath: r.area_path,
  requestedBy: r.requested_by_name,
  reason: r.reason,
  decisionNote: r.decision_note,
  decidedOn: r.decided_on,
});

/**
 * The duty list in force in an area: listed items held at the area itself or above it (the
 * region's 60 items, the city's and the county's admitted ones). `areaPath` is the area's path.
 */
export const listedFor = (ctx: AppContext, areaPath: string) => {
  const ancestors = areaPath.split('.').map((_, i, parts) => parts.slice(0, i + 1).join('.'));
  return dutyRows(ctx, sql`c.type = ${DUTY_TYPE} and c.state = 'listed' and c.area_path = any(${ancestors}::text[])`);
};
