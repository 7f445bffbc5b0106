import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable, workflowOf } from '../../../kernel/workflow/index.ts';
import { COMPLAINT_TYPE } from '../contract.ts';
import { hallDb } from './filters.ts';

export const ListComplaintsQuery = z.object({
  state: z.string().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** 差评整改 cases within the caller's scope, with the rating behind each, open ones first. */
export async function listComplaints(ctx: AppContext, actor: Actor, q: z.infer<typeof ListComplaintsQuery>) {
  let base = hallDb(ctx)
    .selectFrom('core.case as c')
    .innerJoin('hall.complaint as k', 'k.case_id', 'c.id')
    .innerJoin('hall.rating as r', 'r.id', 'k.rating_id')
    .innerJoin('hall.application as a', 'a.case_id', 'r.application_id')
    .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
    .where('c.type', '=', COMPLAINT_TYPE)
    .where(caseReadable(actor, 'hall.read'));
  if (q.state) base = base.where('c.state', '=', q.state);
  const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .select([
      'c.id',
      'c.ref_no',
      'c.state',
      'c.terminal',
      sql<string>`c.due_date::text`.as('due_date'),
      'c.area_path',
      'o.name as office',
      'r.level',
      'r.comment',
      'r.channel',
      sql<string>`r.rated_on::text`.as('rated_on'),
      'a.item_name',
      'a.applicant',
      sql<string>`(select ac.ref_no from core.case ac where ac.id = a.case_id)`.as('application_ref'),
    ])
    .orderBy('c.terminal')
    .orderBy('r.rated_at', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const def = workflowOf(COMPLAINT_TYPE);
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => ({
      id: r.id as string,
      refNo: r.ref_no as string,
      state: r.state as string,
      stateLabel: def.states[r.state as never]?.label ?? (r.state as string),
      dueDate: (r.due_date as string | null) ?? null,
      areaPath: r.area_path as string,
      office: r.office as string,
      level: r.level as string,
      comment: (r.comment as string | null) ?? null,
      channel: r.channel as string,
      ratedOn: r.rated_on as string,
      itemName: r.item_name as string,
      applicant: r.applicant as string,
      applicationRefNo: r.application_ref as string,
    })),
  };
}
