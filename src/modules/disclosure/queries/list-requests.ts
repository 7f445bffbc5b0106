import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../../platform/context.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { caseReadable } from '../../../kernel/workflow/index.ts';
import { ANSWER_KINDS, APPLICANT_KINDS, CHANNELS, REQUEST_TYPE, type AnswerKind } from '../contracts/labels.ts';

const year = z.coerce.number({ message: '「year」须为年份' }).int('「year」须为年份').min(2008, '「year」须为 2008 年以后的年份').max(2100, '「year」须为年份');
export const ListRequestsQuery = z.object({
  year: year.optional(),
  state: z.enum(['received', 'correcting', 'consulting', 'answered'], { message: '「state」不正确' }).optional(),
  channel: z.enum(CHANNELS, { message: '「channel」不正确' }).optional(),
  applicantKind: z.enum(APPLICANT_KINDS, { message: '「applicantKind」不正确' }).optional(),
  q: z.string().trim().max(50, '「q」不超过 50 字').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListRequestsQuery = z.infer<typeof ListRequestsQuery>;
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** 依申请公开 requests in the actor's data scope (kernel caseReadable), newest receipt first. */
export async function listRequests(ctx: AppContext, actor: Actor, q: ListRequestsQuery) {
  let base = ctx.db
    .selectFrom('core.case as c')
    .innerJoin(sql<{ case_id: string }>`disclosure.request`.as('r'), (j) => j.onRef(sql.ref('r.case_id') as never, '=', 'c.id'))
    .innerJoin('core.org_unit as o', 'o.id', 'c.org_unit_id')
    .where('c.type', '=', REQUEST_TYPE)
    .where(caseReadable(actor, 'disclosure.read'));
  if (q.year) base = base.where(sql<boolean>`r.year = ${q.year}`);
  if (q.state) base = base.where('c.state', '=', q.state);
  if (q.channel) base = base.where(sql<boolean>`r.channel = ${q.channel}`);
  if (q.applicantKind) base = base.where(sql<boolean>`r.applicant_kind = ${q.applicantKind}`);
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    base = base.where(sql<boolean>`(c.ref_no like ${like} or r.content like ${like} or r.applicant_name like ${like})`);
  }
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = (await base
    .select(
      sql<Record<string, string | null>>`json_build_object('id', c.id, 'refNo', c.ref_no, 'state', c.state, 'office', o.name, 'areaCode', c.area_code,
        'channel', r.channel, 'applicantKind', r.applicant_kind, 'applicantName', r.applicant_name, 'content', r.content, 'receivedOn', r.received_on::text,
        'dueDate', c.due_date::text, 'clockState', c.clock_state, 'answerKind', r.answer_kind, 'answeredOn', r.answered_on::text)`.as('j'),
    )
    .orderBy(sql`r.received_on`, 'desc')
    .orderBy('c.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute()) as Array<{ j: Record<string, string | null> }>;
  const items = rows.map(({ j }) => ({ ...j, answerKind: j.answerKind ? ANSWER_KINDS[j.answerKind as AnswerKind].label : null })) as never[];
  return { items, total };
}
