import { sql } from 'kysely';
import { chinaDate } from '../../../platform/china-time.ts';
import { defineWorkflow, transition } from '../../../kernel/workflow/index.ts';
import { art, CATEGORIES, ITEM_TYPE } from '../contracts/labels.ts';
import { ChangeItemInput, WithdrawInput } from '../contracts/inputs.ts';
import { askChange, changeHistory, publishChange, returnChange } from './change-item.ts';

/**
 * 主动公开 item (regulations.md §10.1): 待审核发布 → 审核发布 (an approved act, by someone other than
 * the drafter; within 20 working days of 形成或者变更, 第二十六条, with reminders) → 已公开 → 撤回
 * (the catalogue keeps the record with its reason). 已公开 → 变更 (变更待审核, a new 20-working-day
 * clock from the change) → 审核发布变更 or 退回变更 → 已公开; earlier versions stay in disclosure.item_change.
 */
export const itemWorkflow = defineWorkflow({
  type: ITEM_TYPE,
  label: '主动公开信息',
  refPrefix: 'ZDGK',
  readPermission: 'disclosure.read',
  async readFacts(ctx, c) {
    const r = (
      await sql<Record<string, string | number | null>>`select index_no as "indexNo", category, office, formed_on::text as "formedOn",
        published_on::text as "publishedOn", changed_on::text as "changedOn", validity, summary, source, withdrawn_on::text as "withdrawnOn", withdraw_reason as "withdrawReason"
        from disclosure.item where case_id = ${c.id}`.execute(ctx.db)
    ).rows[0];
    if (!r) return {};
    r.category = CATEGORIES[Number(r.category) - 1]!;
    r.changes = await changeHistory(ctx, c.id);
    return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null));
  },
  facts: {
    indexNo: '索引号',
    category: '公开类别',
    office: '生成机构',
    formedOn: '形成或变更日期',
    publishedOn: '公开日期',
    changedOn: '最近变更日期',
    changes: '变更记录',
    validity: '有效性',
    summary: '内容概述',
    source: '来源',
    withdrawnOn: '撤回日期',
    withdrawReason: '撤回理由',
  },
  states: {
    drafted: { label: '待审核发布' },
    published: { label: '已公开', resting: true },
    changing: { label: '变更待审核' },
    withdrawn: { label: '已撤回', terminal: true },
  },
  initial: 'drafted',
  create: {
    label: '拟公开登记',
    route: '/api/disclosure/items',
    who: { permission: 'disclosure.handle' },
    clocks: {
      startOn: (input) => (input as { formedOn?: string } | undefined)?.formedOn,
      start: [{ name: 'publish', label: '公开期限（20 个工作日）', rule: { unit: 'workdays', n: 20 }, legalBasis: art('第二十六条'), warnWorkdays: 5 }],
    },
  },
  transitions: {
    publish: transition({
      label: '审核发布',
      from: ['drafted'],
      to: 'published',
      who: { permission: 'disclosure.approve' },
      clocks: { stop: ['publish'] },
      effect: async ({ tx, case: c }) => {
        await sql`update disclosure.item set published_on = ${chinaDate(tx.clock.now())}::date where case_id = ${c.id}`.execute(tx.db);
      },
    }),
    // 变更 (第二十六条「形成或者变更」): a reviewed act; the public keeps seeing the published version until it is approved.
    change: transition({
      label: '变更',
      from: ['published'],
      to: 'changing',
      who: { permission: 'disclosure.handle' },
      input: ChangeItemInput,
      effect: async ({ tx, case: c, input }) => void (await askChange(tx, c, input)),
    }),
    publish_change: transition({
      label: '审核发布变更',
      primary: true,
      from: ['changing'],
      to: 'published',
      who: { permission: 'disclosure.approve' },
      effect: ({ tx, case: c }) => publishChange(tx, c),
    }),
    return_change: transition({
      label: '退回变更（保持原公开内容）',
      from: ['changing'],
      to: 'published',
      who: { permission: 'disclosure.approve' },
      reasonRequired: true,
      effect: async ({ tx, case: c, actor }) => returnChange(tx, c, actor),
    }),
    withdraw: transition({
      label: '撤回（保留记录）',
      from: ['published'],
      to: 'withdrawn',
      who: { permission: 'disclosure.approve' },
      input: WithdrawInput,
      effect: async ({ tx, case: c, input }) => {
        await sql`update disclosure.item set withdrawn_on = ${chinaDate(tx.clock.now())}::date, withdraw_reason = ${input.reason}
          where case_id = ${c.id}`.execute(tx.db);
      },
    }),
  },
  returnable: { from: ['drafted'], to: ['drafted'], permission: 'disclosure.approve' },
});
