import { sql } from 'kysely';
import { z } from 'zod';
import { conflict } from '../../../platform/errors.ts';
import { chinaDate } from '../../../platform/china-time.ts';
import { action } from '../../../kernel/workflow/index.ts';
import { CONTROL } from '../../../platform/http/input-rules.ts';
import { ANSWER_KINDS, art, type AnswerKind } from '../contracts/labels.ts';
import { draftFromModule } from '../items/draft-from-module.ts';

export const MakeProactiveInput = z.object({
  title: z.string().trim().min(2, '请填写「信息名称」').max(200, '「信息名称」不超过 200 字').meta({ title: '信息名称' }),
  category: z
    .number()
    .int()
    .min(1, '「公开类别」须为第二十条第（一）至（十五）项')
    .max(15, '「公开类别」须为第二十条第（一）至（十五）项')
    .meta({ title: '公开类别（第二十条）' }),
  summary: z
    .string()
    .trim()
    .min(2, '请填写「内容概述」')
    .max(4000, '「内容概述」不超过 4000 字')
    .refine((s) => !CONTROL.test(s), '「内容概述」含有不可见的控制字符，请只填写文字')
    .meta({ title: '内容概述' }),
});

/**
 * 纳入主动公开 (第四十四条): information disclosed on request that several applicants asked for, or that
 * an applicant suggests the public should know, becomes a draft 主动公开 item of the office (审核发布
 * as usual), linked to the request; once per request. Only an answer that disclosed something
 * (予以公开, 部分公开) may be taken up. The case page counts the office's requests with the same content.
 */
export const makeProactive = action({
  label: '纳入主动公开（第四十四条）',
  from: ['answered'],
  who: { permission: 'disclosure.handle' },
  input: MakeProactiveInput,
  effect: async ({ tx, case: c, input }) => {
    const r = (await sql<{ kind: AnswerKind | null }>`select answer_kind as kind from disclosure.request where case_id = ${c.id}`.execute(tx.db)).rows[0];
    if (!r?.kind || ANSWER_KINDS[r.kind].group > 1)
      throw conflict('DISCLOSURE_NOT_DISCLOSED', `只有「予以公开」或「部分公开」的信息可以纳入主动公开（${art('第四十四条')}）`);
    const item = await draftFromModule(tx, {
      key: `disclosure:request:${c.id}`,
      source: '依申请公开（第四十四条）',
      link: `/cases/${c.id}`,
      orgUnitId: c.org_unit_id,
      title: input.title,
      category: input.category,
      formedOn: chinaDate(tx.clock.now()),
      summary: input.summary,
    });
    if (!item.created) throw conflict('DISCLOSURE_ALREADY_PROACTIVE', '该申请的信息已纳入主动公开');
    return { itemId: item.id };
  },
});
