import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { chinaDate } from '../../../platform/china-time.ts';

/**
 * 转送、交办去向 told to the petitioner (《信访工作条例》第二十三条第一款): each unit the matter was sent
 * to and the day, without hand-offs withdrawn before receipt; an objected one says it came back.
 */
export async function forwardedTo(ctx: AppContext, caseId: string) {
  const rows = (
    await sql<{ kind: string; office: string; sent_at: Date; status: string }>`select h.kind, o.name as office, h.sent_at, h.status
      from core.case_handoff h join core.org_unit o on o.id = h.to_org_id
      where h.case_id = ${caseId} and h.status <> 'withdrawn' order by h.sent_at`.execute(ctx.db)
  ).rows;
  const onPlatform = rows.map((h) => ({
    kind: h.kind === 'assign' ? ('交办' as const) : ('转送' as const),
    office: h.office,
    on: chinaDate(new Date(h.sent_at)),
    returned: h.status === 'objected',
  }));
  // 转送 to a body outside the platform: the body and the day the clerk recorded.
  const outside = (
    await sql<{ input: unknown }>`select input from core.case_event where case_id = ${caseId} and transition = 'forward_out' order by seq`.execute(ctx.db)
  ).rows.map((e) => (typeof e.input === 'string' ? JSON.parse(e.input) : e.input) as { body: string; sentOn: string });
  return [...onPlatform, ...outside.map((o) => ({ kind: '转送' as const, office: o.body, on: o.sentOn, returned: false }))];
}
