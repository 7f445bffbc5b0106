import { z } from 'zod';
import { ANSWER_LABELS, APPLICANT_KINDS, CHANNELS, VALIDITY } from './labels.ts';
import { CONTROL } from '../../../platform/http/input-rules.ts';
import { isoDate } from '../../../platform/http/input-schemas.ts';

// Plain text only: control characters (other than line breaks and tabs) are refused, never stored.
const text = (title: string, max: number, min = 1) =>
  z
    .string({ message: `请填写「${title}」` })
    .trim()
    .min(min, `请填写「${title}」`)
    .max(max, `「${title}」不超过 ${max} 字`)
    .refine((s) => !CONTROL.test(s), `「${title}」含有不可见的控制字符，请只填写文字`)
    .meta({ title });
const optText = (title: string, max: number) => text(title, max).optional();
const date = (title: string) => isoDate(title);

/** What every request carries (第二十九条): who asks, how to reach them, what is asked, in which form. */
export const RequestBase = z.object({
  applicantKind: z
    .enum(APPLICANT_KINDS, { message: '「申请人类型」须为自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他' })
    .meta({ title: '申请人类型' }),
  applicantName: text('申请人姓名或名称', 100),
  contact: text('联系方式（电话、通信地址或电子邮箱）', 200, 5),
  content: text('申请公开的政府信息的名称、文号或者便于检索的其他特征性描述', 2000, 5),
  purpose: optText('用途说明', 500),
  form: z.enum(['电子数据', '纸质文本', '查阅、抄录'], { message: '「获取信息的方式」须为电子数据、纸质文本或查阅、抄录' }).meta({ title: '获取信息的方式' }),
});

/** A request staff register from a letter, a fax or a visit (staff fill the form, 第二十九条). */
export const RegisterRequestInput = RequestBase.extend({
  channel: z.enum(CHANNELS, { message: '「申请方式」须为网上申请、当面提交、挂号信函、平常信函或传真' }).meta({ title: '申请方式' }),
  receivedOn: date('收到申请日期'),
  orgUnitId: z.uuid('「受理机关」ID 格式不正确').optional().meta({ title: '受理机关' }),
});
export type RegisterRequestInput = z.infer<typeof RegisterRequestInput>;

/** A request sent on the portal (no login): the office asked is named by its code. */
export const PortalRequestInput = RequestBase.extend({
  office: z.string({ message: '请选择「受理机关」' }).trim().min(3, '请选择「受理机关」').max(40).meta({ title: '受理机关' }),
});

export const AskCorrectionInput = z.object({
  text: text('需要补正的事项（一次性告知）', 2000, 5),
  periodDays: z
    .number()
    .int()
    .min(5, '「补正期限」不少于 5 个工作日')
    .max(30, '「补正期限」不超过 30 个工作日')
    .optional()
    .meta({ title: '补正期限（工作日，不填为 15 个工作日）' }),
});
export const CorrectInput = z.object({ text: text('补正后的申请内容', 2000, 5) });
export const ConsultInput = z.object({ thirdParty: text('第三方名称', 200), matter: text('征求意见的事项', 1000, 5) });
export const ConsultReplyInput = z.object({
  opinion: z
    .enum(['同意公开', '不同意公开', '逾期未提出意见'], { message: '「第三方意见」须为同意公开、不同意公开或逾期未提出意见' })
    .meta({ title: '第三方意见' }),
  note: optText('说明', 1000),
});
export const AnswerInput = z.object({
  kind: z.enum(ANSWER_LABELS, { message: '「答复类型」须为第三十六条所列的答复类型之一' }).meta({ title: '答复类型' }),
  text: text('答复内容', 4000, 2),
  disclosedPart: optText('予以公开的部分', 2000),
  withheldPart: optText('不予公开的部分', 2000),
  reasons: optText('理由及依据', 2000),
  rightBody: optText('负责公开该信息的机关', 200),
  feeYuan: z.number().min(0, '「信息处理费」不能为负数').max(100000, '「信息处理费」过大').optional().meta({ title: '信息处理费（元，不收费不填）' }),
});
export type AnswerInput = z.infer<typeof AnswerInput>;

export const ItemInput = z.object({
  title: text('信息名称', 200, 2),
  category: z
    .number()
    .int()
    .min(1, '「公开类别」须为第二十条第（一）至（十五）项')
    .max(15, '「公开类别」须为第二十条第（一）至（十五）项')
    .meta({ title: '公开类别（第二十条）' }),
  office: text('生成机构', 100),
  formedOn: date('信息形成或变更日期'),
  summary: text('内容概述', 4000, 2),
  validity: z.enum(VALIDITY, { message: '「有效性」须为有效、失效或废止' }).default('有效').meta({ title: '有效性' }),
  orgUnitId: z.uuid('「公开机关」ID 格式不正确').optional().meta({ title: '公开机关' }),
});
export type ItemInput = z.infer<typeof ItemInput>;
export const WithdrawInput = z.object({ reason: text('撤回理由', 500, 2) });

/** 变更 of a published item: what changed (any of title, summary, validity), when, and why. */
export const ChangeItemInput = z.object({
  changedOn: date('信息变更日期'),
  reason: text('变更理由', 500, 2),
  title: optText('变更后的信息名称', 200),
  summary: optText('变更后的内容概述', 4000),
  validity: z.enum(VALIDITY, { message: '「有效性」须为有效、失效或废止' }).optional().meta({ title: '变更后的有效性' }),
});
