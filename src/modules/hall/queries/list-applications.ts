import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable, workflowOf } from '../../../kernel/workflow/index.ts';
import { APPLICATION_TYPE, CHANNELS } from '../contract.ts';
import { hallDb } from './filters.ts';

export const ListApplicationsQuery = z.object({
  state: z.string().max(40).optional(),
  channel: z.enum(CHANNELS, { message: '「channel」须为窗口或网上' }).optional(),
  item: z.string().max(40).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** 办件 list within the caller's scope (kernel case read rule), newest first. */
export async function listApplications(ctx: AppContext, actor: Actor, q: z.infer<typeof ListApplicationsQuery>) {
  let base = hallDb(ctx)
    .selectFrom('core.case as c')
    .innerJoin('hall.application as a', 'a.case_id', 'c.id')
    .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
    .where('c.type', '=', APPLICATION_TYPE)
    .where(caseReadable(actor, 'hall.read'));
  if (q.state) base = base.where('c.state', '=', q.state);
  if (q.channel) base = base.where('a.channel', '=', q.channel);
  if (q.item) base = base.where('a.item_code', '=', q.item);
  if (q.q) base = base.where((eb) => eb.or([eb('c.ref_no', 'ilike', `%${q.q}%`), eb('a.applicant', 'ilike', `%${q.q}%`)]));
  const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .select([
      'c.id',
      'c.ref_no',
      'c.state',
      sql<string>`c.due_date::text`.as('due_date'),
      'c.clock_state',
      'c.area_path',
      'o.name as office',
      'a.item_code',
      'a.item_name',
      'a.channel',
      'a.applicant',
      'a.service_window as window',
      sql<string>`a.created_at`.as('created_at'),
    ])
    .orderBy('a.created_at', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const def = workflowOf(APPLICATION_TYPE);
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
      clockState: (r.clock_state as string | null) ?? null,
      areaPath: r.area_path as string,
      office: r.office as string,
      itemCode: r.item_code as string,
      itemName: r.item_name as string,
      channel: r.channel as string,
      applicant: r.applicant as string,
      window: r.window as string,
      submittedAt: new Date(r.created_at as string).toISOString(),
    })),
  };
}
