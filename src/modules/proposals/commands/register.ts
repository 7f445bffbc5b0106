import { sql } from 'kysely';
import type { AppContext } from '../../../platform/context.ts';
import { withTx } from '../../../platform/context.ts';
import { AppError, badRequest } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { parseInput } from '../../../platform/http/parse-input.ts';
import type { Actor } from '../../../kernel/identity/index.ts';
import { createCase, startCaseClock } from '../../../kernel/workflow/index.ts';
import { LAW_SHANDONG, PROPOSAL_ERRORS, PROPOSAL_TYPE } from '../contract.ts';
import { RegisterProposalInput } from './inputs.ts';

export const LEAD_REPLY_CLOCK = {
  name: 'lead_reply',
  label: '协办意见送主办单位期限（1 个月）',
  rule: { unit: 'months', n: 1 },
  legalBasis: `${LAW_SHANDONG}第二十一条`,
} as const;

/**
 * 交办登记: the item as the 人大常委会 / 政协 assigned it, at the handling office (default the
 * actor's own); the 签收 (5 日) and 答复 (3 个月) clocks count from the day of 交办. One transaction.
 */
export async function registerProposal(ctx: AppContext, actor: Actor, raw: unknown, opts: { demo?: boolean } = {}) {
  const input = parseInput(RegisterProposalInput, raw);
  if (input.receivedOn > chinaDate(ctx.clock.now())) throw badRequest('VALIDATION_FAILED', PROPOSAL_ERRORS.RECEIVED_IN_FUTURE, { field: 'receivedOn' });
  if (input.role === '协办' && !input.leadOffice) throw badRequest('VALIDATION_FAILED', PROPOSAL_ERRORS.LEAD_OFFICE_REQUIRED, { field: 'leadOffice' });
  return withTx(ctx, async (tx) => {
    const dup = await sql`select 1 from proposals.item where kind = ${input.kind} and session = ${input.session} and number = ${input.number}`.execute(tx.db);
    if (dup.rows.length) throw new AppError('PROPOSAL_DUPLICATE', 409, PROPOSAL_ERRORS.DUPLICATE, { field: 'number' });
    const row = await createCase(tx, actor, {
      type: PROPOSAL_TYPE,
      title: `${input.kind}${input.number}：${input.title}`.slice(0, 200),
      orgUnitId: input.orgUnitId ?? actor.orgUnitId,
      input: { receivedOn: input.receivedOn },
    });
    await sql`insert into proposals.item (case_id, kind, number, session, year, deputies, delegation, title, summary, received_on, role, lead_office, is_demo, created_at)
      values (${row.id}, ${input.kind}, ${input.number}, ${input.session}, ${Number(input.receivedOn.slice(0, 4))}, ${input.deputies}, ${input.delegation ?? null},
        ${input.title}, ${input.summary}, ${input.receivedOn}::date, ${input.role}, ${input.role === '协办' ? input.leadOffice! : (input.leadOffice ?? null)},
        ${!!opts.demo}, ${tx.clock.now()})`.execute(tx.db);
    // As 协办 this department sends its opinion to the 主办 within 1 个月 (stopped when the reply is signed).
    if (input.role === '协办') await startCaseClock(tx, row, LEAD_REPLY_CLOCK, input.receivedOn);
    return { id: row.id, refNo: row.ref_no, state: row.state };
  });
}
