import { z } from 'zod';
import { CONSULT_WAYS, DISPOSITIONS, MEETING_DECISIONS, REVIEW_CHECKLIST, REVIEW_CONCLUSIONS } from '../contract.ts';

const text = (title: string, max: number, min = 1) =>
  z
    .string({ message: `请填写「${title}」` })
    .trim()
    .min(min, `请填写「${title}」`)
    .max(max, `「${title}」不超过 ${max} 字`)
    .meta({ title });
const date = (title: string) => z.iso.date(`「${title}」日期格式应为 YYYY-MM-DD`).meta({ title });

/** 起草: a new document with its first draft, at the actor's own office. */
export const RegisterNormdocInput = z.object({
  title: text('文件名称', 200, 4),
  text: text('草案文本', 100000),
  note: z.string().trim().max(2000, '「起草说明」不超过 2000 字').optional().meta({ title: '起草说明' }),
});
export type RegisterNormdocInput = z.infer<typeof RegisterNormdocInput>;

export const VersionInput = z.object({
  text: text('修改后文本', 100000),
  note: text('修改说明', 2000),
});

export const ConsultationInput = z.object({
  way: z.enum(CONSULT_WAYS, { message: '「征求意见方式」须为公开征求意见、定向征求意见或公开和定向征求意见' }).meta({ title: '征求意见方式' }),
  targets: z.string().trim().max(1000, '「征求意见对象」不超过 1000 字').optional().meta({ title: '征求意见对象（定向时填写）' }),
  startOn: date('征求意见开始日期'),
  endOn: date('征求意见截止日期'),
});

export const CommentInput = z.object({
  commenter: text('提出意见的单位或个人', 200),
  content: text('意见内容', 10000),
  receivedOn: date('收到日期'),
  channel: z
    .enum(['定向征求', '其他渠道'], { message: '「意见来源」须为定向征求或其他渠道' })
    .default('其他渠道')
    .meta({ title: '意见来源（定向征求：征求意见对象的书面意见）' }),
});

/** A citizen's comment from the portal: plain text only (never rendered as markup). */
export const PortalCommentInput = z.object({
  name: z.string().trim().max(50, '「姓名或单位」不超过 50 字').optional().meta({ title: '姓名或单位（可不填）' }),
  content: text('意见内容', 5000, 5),
});

export const DispositionInput = z.object({
  commentId: z.uuid('「意见」ID 格式不正确').meta({ title: '意见' }),
  disposition: z.enum(DISPOSITIONS, { message: '「处理结果」须为采纳、部分采纳或不采纳' }).meta({ title: '处理结果' }),
  reason: text('理由', 2000, 2),
});

/** The §6.1 checklist: every point answered once (符合 = ok), with a note where it fails. */
export const ChecklistInput = z
  .array(
    z.object({
      item: z.enum(REVIEW_CHECKLIST, { message: '「审核要点」不在清单中' }),
      ok: z.boolean({ message: '「审核要点」须选择符合或不符合' }),
      note: z.string().trim().max(1000, '「审核要点说明」不超过 1000 字').optional(),
    }),
    { message: '请逐项填写「审核要点」' },
  )
  .refine((l) => REVIEW_CHECKLIST.every((i) => l.filter((x) => x.item === i).length === 1), { message: '「审核要点」须逐项填写，每项一次' })
  .refine((l) => l.every((x) => x.ok || x.note), { message: '「审核要点」不符合的，须说明理由' })
  .meta({ title: '审核要点' });

export const ReviewPassInput = z.object({
  checklist: ChecklistInput,
  conclusion: z.enum(['通过', '修改后通过'], { message: '「审核结论」须为通过或修改后通过' }).meta({ title: '审核结论' }),
  opinion: text('审核意见', 10000),
  revisedText: z.string().trim().max(100000, '「修改后文本」不超过 100000 字').optional().meta({ title: '修改后文本（修改后通过时填写）' }),
});
export const ReviewReturnInput = z.object({ checklist: ChecklistInput, opinion: text('不予通过的理由和修改意见', 10000) });
export const REVIEW_CONCLUSION_SET: readonly string[] = REVIEW_CONCLUSIONS;

export const MeetingInput = z.object({
  metOn: date('会议日期'),
  name: text('会议名称（如厅长办公会）', 100),
  attendees: text('出席人员', 1000),
  decision: z.enum(MEETING_DECISIONS, { message: '「审议结论」须为审议通过或原则通过，按审议意见修改后签发' }).meta({ title: '审议结论' }),
});

export const PublishInput = z.object({
  publishedOn: date('公布日期'),
  effectiveOn: date('施行日期'),
  validUntil: date('有效期至').optional(),
  publishedIn: text('公布载体（门户网站、公报）', 200),
});

export const FilingInput = z.object({
  filedOn: date('报送备案日期'),
  filedWith: text('备案机关', 100),
});

export const SettingsInput = z.object({
  consultationMinDays: z
    .number({ message: '「征求意见最短期限」须为天数' })
    .int('「征求意见最短期限」须为整数')
    .min(30, '征求意见期限只能延长，不得少于 30 日（国办发〔2018〕37号）')
    .max(180, '「征求意见最短期限」不超过 180 日')
    .meta({ title: '征求意见最短期限（日）' }),
});

export const RepealInput = z.object({
  repealedOn: date('废止日期'),
  reason: text('废止理由（如清理结果、上位法修改）', 2000, 2),
});

/** 已修改: replaced by the published revision `byCaseId` (run by its 公布). */
export const SupersedeInput = z.object({ byCaseId: z.uuid('「修改后的文件」ID 格式不正确').meta({ title: '修改后的文件' }) });

/** 失效: after 有效期至; or 宣布失效 by a closed 清理 (`cleanupId`) that concluded so for this document. */
export const ExpireInput = z
  .object({ cleanupId: z.uuid('「清理」ID 格式不正确').optional().meta({ title: '清理（宣布失效时）' }) })
  .optional()
  .transform((v) => v ?? {});
