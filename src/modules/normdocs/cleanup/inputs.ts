import { z } from 'zod';
import { CLEANUP_CONCLUSIONS } from '../contract.ts';

const text = (title: string, max: number, min = 1) =>
  z
    .string({ message: `请填写「${title}」` })
    .trim()
    .min(min, `请填写「${title}」`)
    .max(max, `「${title}」不超过 ${max} 字`)
    .meta({ title });

/** 开展清理: its name, its basis (the notice that ordered it) and the as-of date whose documents in force it lists. */
export const OpenCleanupInput = z.object({
  name: text('清理名称', 200, 4),
  basis: text('清理依据', 1000, 2),
  asOf: z.iso.date('「清理基准日」日期格式应为 YYYY-MM-DD').meta({ title: '清理基准日' }),
  /** 完成期限: by when every document needs its conclusion (default 60 days from today); past it, open documents stall the campaign. */
  dueOn: z.iso.date('「完成期限」日期格式应为 YYYY-MM-DD').optional().meta({ title: '完成期限' }),
});

/** One document's conclusion, with reasons. */
export const CleanupConclusionInput = z.object({
  conclusion: z.enum(CLEANUP_CONCLUSIONS, { message: '「清理结论」须为继续有效、修改、废止或宣布失效' }).meta({ title: '清理结论' }),
  reason: text('理由', 2000, 2),
});

export const CleanupParams = z.object({ id: z.uuid('清理 ID 格式不正确') });
export const CleanupItemParams = z.object({ id: z.uuid('清理 ID 格式不正确'), caseId: z.uuid('规范性文件 ID 格式不正确') });
