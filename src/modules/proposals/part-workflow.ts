import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import { defineWorkflow, transition, type CaseRow } from '../../kernel/workflow/index.ts';
import { LAW_SHANDONG, PROPOSAL_PART_TYPE } from './contract.ts';
import { PartOpinionInput } from './commands/inputs.ts';
import { storePartOpinion } from './commands/records.ts';

async function partFacts(ctx: AppContext, c: CaseRow): Promise<Record<string, unknown>> {
  const r = (
    await sql<{ opinion: string; sentOn: string; byName: string }>`
    select opinion, sent_on::text as "sentOn", by_name as "byName" from proposals.part_opinion where case_id = ${c.id}`.execute(ctx.db)
  ).rows[0];
  return r ?? {};
}

/**
 * A 协办 / 会办 part of a 建议提案 (kernel co-handling): the office sends its opinion to the 主办
 * within 1 个月 (山东 条例 第二十一条); the 主办 answers once, citing it.
 */
export const proposalPartWorkflow = defineWorkflow({
  type: PROPOSAL_PART_TYPE,
  label: '建议提案协办',
  refPrefix: 'JYXB',
  readPermission: 'proposals.read',
  readFacts: partFacts,
  states: { open: { label: '协办中' }, answered: { label: '已送协办意见', terminal: true } },
  initial: 'open',
  create: {
    label: '分送协办',
    creatable: false,
    who: { permission: 'proposals.handle' },
    clocks: { start: [{ name: 'assist', label: '协办意见送主办期限（1 个月）', rule: { unit: 'months', n: 1 }, legalBasis: `${LAW_SHANDONG}第二十一条` }] },
  },
  facts: { opinion: '协办意见', sentOn: '送主办日期', byName: '经办人' },
  transitions: {
    opinion: transition({
      label: '送协办意见',
      from: ['open'],
      to: 'answered',
      who: { permission: 'proposals.handle' },
      input: PartOpinionInput,
      clocks: { stop: ['assist'] },
      effect: ({ tx, case: c, input, actor }) => storePartOpinion(tx, actor, c, input),
    }),
  },
});
