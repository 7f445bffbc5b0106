import { z } from 'zod';
import { QA_CATEGORIES, QA_STATUSES } from './vocab.ts';

/** Wire shapes of the 政策问答 routes (routes.ts); the console and the portal import their types. */
export const EntryInput = z.object({
  category: z.enum(QA_CATEGORIES, { message: '请选择问答类别' }),
  question: z.string('请填写问题').trim().min(4, '问题至少 4 个字').max(200, '问题不超过 200 字'),
  answer: z.string('请填写答复').trim().min(10, '答复至少 10 个字').max(4000, '答复不超过 4000 字'),
  documentId: z.uuid('关联文件 ID 格式不正确').nullable().default(null),
  policyTitle: z.string().trim().max(120, '政策名称不超过 120 字').nullable().default(null),
});
export type EntryInput = z.infer<typeof EntryInput>;

export const Entry = z.object({
  id: z.string(),
  seq: z.number(),
  category: z.string(),
  question: z.string(),
  answer: z.string(),
  documentId: z.string().nullable(),
  documentRefNo: z.string().nullable(),
  policyTitle: z.string(),
  status: z.enum(QA_STATUSES),
  statusLabel: z.string(),
  flagReason: z.string().nullable(),
  flaggedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  orgUnitName: z.string(),
  areaPath: z.string(),
  helpfulYes: z.number(),
  helpfulNo: z.number(),
  updatedAt: z.string(),
});
export const EntryPage = z.object({ items: z.array(Entry), total: z.number(), page: z.number(), pageSize: z.number() });

export const FlagInput = z.object({ reason: z.string('请填写复核原因').trim().min(2, '请填写复核原因').max(300, '原因不超过 300 字') });
export const ReviewInput = z.object({
  outcome: z.enum(['keep', 'withdraw'], { message: '复核结论应为继续发布（keep）或撤下（withdraw）' }),
  note: z.string('请填写复核意见').trim().min(2, '请填写复核意见').max(500, '复核意见不超过 500 字'),
});
export const FlagResult = z.object({ flagged: z.number(), ids: z.array(z.string()) });

export const PublicEntry = Entry.pick({
  id: true,
  seq: true,
  category: true,
  question: true,
  answer: true,
  policyTitle: true,
  helpfulYes: true,
  helpfulNo: true,
  updatedAt: true,
});
export const PublicEntries = z.object({
  items: z.array(PublicEntry),
  total: z.number(),
  categories: z.array(z.object({ category: z.string(), count: z.number() })),
});
export const FeedbackInput = z.object({ helpful: z.boolean('请选择“有帮助”或“没帮助”') });
export const FeedbackResult = z.object({ helpfulYes: z.number(), helpfulNo: z.number() });
