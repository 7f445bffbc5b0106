import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable, caseNotFound } from '../../../kernel/workflow/index.ts';
import { COMMUNITY_ERRORS, DUTY_TYPE } from '../contract.ts';
import { AssignmentCheckInput } from '../contracts/http.ts';
import { areaOf } from './area-of.ts';
import { dutyDto, dutyRows, listedFor, titleKey } from './duty-rows.ts';

export const DutyListQuery = z.object({
  areaCode: z
    .string()
    .regex(/^64\d{4}(\d{3})?$/, '「areaCode」应为宁夏的6位或9位代码')
    .default('640000'),
});

/** The 社区工作事项清单 in force in an area (the region's items and those admitted above or at it). */
export async function dutyList(ctx: AppContext, areaCode: string) {
  const area = areaCode === '640000' ? { path: '640000' } : await areaOf(ctx, areaCode);
  const items = (await listedFor(ctx, area.path)).map(dutyDto);
  return { items, total: items.length };
}

export const DutyRequestsQuery = z.object({ state: z.enum(['requested', 'listed', 'refused', 'removed'], { message: '「state」不是准入环节' }).optional() });

/** 准入 requests and listed items the actor may read (the kernel's case read rule). */
export async function dutyRequests(ctx: AppContext, actor: Actor, q: z.infer<typeof DutyRequestsQuery>) {
  const readable = await ctx.db
    .selectFrom('core.case as c')
    .select('c.id')
    .where('c.type', '=', DUTY_TYPE)
    .where(caseReadable(actor, 'community.read'))
    .$if(!!q.state, (b) => b.where('c.state', '=', q.state!))
    .execute();
  const ids = readable.map((r) => r.id);
  const items = ids.length ? (await dutyRows(ctx, sql`c.id = any(${ids}::uuid[]) and d.seq is null`)).map(dutyDto) : [];
  return { items, total: items.length };
}

export async function getDuty(ctx: AppContext, actor: Actor, id: string) {
  const ok = await ctx.db
    .selectFrom('core.case as c')
    .select('c.id')
    .where('c.id', '=', id)
    .where('c.type', '=', DUTY_TYPE)
    .where(caseReadable(actor, 'community.read'))
    .executeTakeFirst();
  if (!ok) throw caseNotFound();
  return dutyDto((await dutyRows(ctx, sql`c.id = ${id}`))[0]!);
}

/**
 * 社区减负: before an office hands a task to a community it checks the list. A task on the list
 * answers with its item; one that is not is refused (409) with the list in force shown.
 */
export async function checkAssignment(ctx: AppContext, input: z.infer<typeof AssignmentCheckInput>) {
  const area = input.areaCode === '640000' ? { path: '640000' } : await areaOf(ctx, input.areaCode);
  const list = (await listedFor(ctx, area.path)).map(dutyDto);
  const key = titleKey(input.title);
  const duty = list.find((d) => titleKey(d.title) === key);
  if (duty) return { listed: true as const, duty };
  throw new AppError('COMMUNITY_DUTY_NOT_LISTED', 409, COMMUNITY_ERRORS.NOT_LISTED(input.title), {
    field: 'title',
    list: list.map((d) => ({ seq: d.seq, title: d.title, aspect: d.aspect, areaName: d.areaName })),
  });
}
