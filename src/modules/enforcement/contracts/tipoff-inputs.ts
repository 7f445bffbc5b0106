import { z } from 'zod';
import { isoDate, plainText } from '../../../platform/http/input-schemas.ts';
import { FileCaseInput } from './inputs.ts';
import { STAFF_CHANNELS, TIPOFF_OUTCOMES, TIPOFF_STATES } from './tipoff-labels.ts';

const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-\s]{7,20}$/, '「联系电话」应为 7–20 位数字 (a phone number)')
  .optional()
  .meta({ title: '联系电话' });
const name = plainText('举报人姓名', 40, { kind: 'line' }).optional();

/** What every 举报 says: who is reported and what they did (plain text). */
const Report = z.object({
  reportedParty: plainText('被举报对象', 100, { min: 2, kind: 'line' }),
  reportedPartyCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Z]{18}$/, '「统一社会信用代码」应为 18 位数字或大写字母')
    .optional()
    .meta({ title: '统一社会信用代码' }),
  content: plainText('举报内容', 3000, { min: 10 }),
  informantName: name,
  informantPhone: phone,
});

/** Staff register a 举报 received in person, by phone or by letter. */
export const ReceiveTipoffInput = Report.extend({
  channel: z.enum(STAFF_CHANNELS, '「受理方式」应为来访、来电或来信'),
  receivedOn: isoDate('收到日期'),
});
export type ReceiveTipoffInput = z.infer<typeof ReceiveTipoffInput>;

/** The portal form: the office chosen from the list (its code); received the day it is sent. */
export const PortalTipoffInput = Report.extend({ office: plainText('受理机关', 40, { kind: 'line' }) });

export const VerifyTipoffInput = z.object({ findings: plainText('核查情况', 3000, { min: 5 }), verifiedOn: isoDate('核查完成日期') });

export const DecideTipoffInput = z.object({
  outcome: z.enum(TIPOFF_OUTCOMES, '「处理结果」应为立案或不予立案'),
  decidedOn: isoDate('决定日期'),
  reason: plainText('理由', 2000, { min: 5 }),
  /** 立案: link a penalty case already filed … */
  caseId: z.uuid('「行政处罚案件」ID 格式不正确').optional(),
  /** … or file one now (the penalty case's own 立案 checks apply). */
  filing: FileCaseInput.omit({ filedOn: true }).optional(),
});

export const ReplyTipoffInput = z.object({ reply: plainText('答复内容', 3000, { min: 5 }), repliedOn: isoDate('答复日期') });

export const ReplySettingInput = z.object({
  replyWorkdays: z.number('「答复期限」应为整数').int('「答复期限」应为整数').min(5, '「答复期限」不少于 5 个工作日').max(60, '「答复期限」不超过 60 个工作日'),
});

export const ListTipoffsQuery = z.object({
  state: z.enum(Object.keys(TIPOFF_STATES) as [keyof typeof TIPOFF_STATES], '「状态」不正确').optional(),
  year: z.coerce.number('「年度」应为整数').int().min(2000, '「年度」不正确').max(2099, '「年度」不正确').optional(),
  q: z.string().trim().max(40, '「关键词」不超过 40 字').optional(),
  page: z.coerce.number('「页码」应为整数').int().min(1, '「页码」不正确').max(10_000, '「页码」不正确').default(1),
  pageSize: z.coerce.number('「每页条数」应为整数').int().min(1, '「每页条数」为 1–100').max(100, '「每页条数」为 1–100').default(20),
});

export const TrackTipoffInput = z.object({
  refNo: z.string().trim().min(1, '请填写举报编号').max(40, '举报编号不超过 40 个字符'),
  queryCode: z.string().trim().min(1, '请填写查询码').max(40, '查询码不超过 40 个字符'),
});
