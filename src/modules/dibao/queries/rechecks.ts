import { sql } from 'kysely';
import { applicationDb } from '../application-db.ts';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { RECHECK_TYPE, dateText } from '../contract.ts';
import '../recheck/recheck-workflow.ts';

export const ListRechecksQuery = z.object({
  /** open = not concluded; overdue = open and past its clock; deciding = reported, awaiting the deciding level; done = concluded. */
  status: z.enum(['open', 'overdue', 'deciding', 'done'], { message: '「状态」应为 open、overdue、deciding 或 done' }).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** 复核 cases in the actor's scope (the kernel's case read rule): due, overdue or concluded. */
export async function listRechecks(ctx: AppContext, actor: Actor, q: z.infer<typeof ListRechecksQuery>) {
  const db = applicationDb(ctx.db);
  let base = db
    .selectFrom('core.case as c')
    .innerJoin('dibao.recheck as r', 'r.case_id', 'c.id')
    .where('c.type', '=', RECHECK_TYPE)
    .where(caseReadable(actor, 'dibao.read'));
  if (q.status === 'open') base = base.where('c.terminal', '=', false);
  // Overdue by the date, whether or not the overdue timer has run yet.
  const today = chinaDate(ctx.clock.now());
  const late = sql<boolean>`(c.clock_state = 'overdue' or c.due_date < ${today}::date)`;
  if (q.status === 'overdue') base = base.where('c.terminal', '=', false).where(late);
  if (q.status === 'deciding') base = base.where('c.state', '=', 'deciding');
  if (q.status === 'done') base = base.where('c.terminal', '=', true);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    base = base.where((eb) => eb.or([eb('c.title', 'like', like), eb('c.ref_no', 'like', like)]));
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = (await db
    .selectFrom('core.case as c')
    .innerJoin('dibao.recheck as r', 'r.case_id', 'c.id')
    .where('c.type', '=', RECHECK_TYPE)
    .where(caseReadable(actor, 'dibao.read'))
    .select([
      sql<number>`count(*) filter (where not c.terminal)::int`.as('open'),
      sql<number>`count(*) filter (where not c.terminal and ${late})::int`.as('overdue'),
      sql<number>`count(*) filter (where c.state = 'deciding')::int`.as('deciding'),
      sql<number>`count(*) filter (where c.terminal)::int`.as('done'),
    ])
    .executeTakeFirstOrThrow()) as { open: number; overdue: number; deciding: number; done: number };
  const rows = await base
    .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
    .innerJoin('dibao.household as h', 'h.id', 'r.household_id')
    .innerJoin('core.area as a', 'a.code', 'h.area_code')
    .select([
      'c.id',
      'c.ref_no',
      'c.title',
      'c.state',
      'c.terminal',
      'c.due_date',
      'c.clock_state',
      'c.area_path',
      'o.name as org_name',
      'h.id as household_id',
      'a.name as area_name',
      'h.benefit_cents',
      'h.recheck_cadence',
      'r.result',
      'r.before_cents',
      'r.after_cents',
      sql<string>`r.due_on::text`.as('due_on'),
      sql<string | null>`r.decided_on::text`.as('decided_on'),
    ])
    .orderBy('c.terminal')
    .orderBy('c.due_date')
    .orderBy('c.ref_no')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts: { open: Number(counts.open), overdue: Number(counts.overdue), deciding: Number(counts.deciding), done: Number(counts.done) },
    items: rows.map((r) => ({
      id: r.id,
      refNo: r.ref_no,
      title: r.title,
      state: r.state,
      terminal: r.terminal,
      dueDate: dateText(r.due_date),
      clockState: r.clock_state,
      areaPath: r.area_path,
      orgUnitName: r.org_name,
      householdId: r.household_id,
      areaName: r.area_name,
      benefitCents: r.benefit_cents,
      cadence: r.recheck_cadence,
      overdue: !r.terminal && (r.clock_state === 'overdue' || (!!dateText(r.due_date) && dateText(r.due_date)! < today)),
      scheduledOn: r.due_on,
      result: r.result,
      beforeCents: r.before_cents,
      afterCents: r.after_cents,
      decidedOn: r.decided_on,
    })),
  };
}
