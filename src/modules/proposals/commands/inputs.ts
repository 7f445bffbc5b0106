import { z } from 'zod';
import { CATEGORIES, CONTACT_WAYS, KINDS, RATINGS, ROLES } from '../contract.ts';

const text = (title: string, max: number, min = 1) =>
  z
    .string({ message: `请填写「${title}」` })
    .trim()
    .min(min, `请填写「${title}」`)
    .max(max, `「${title}」不超过 ${max} 字`)
    .meta({ title });
const date = (title: string) => z.iso.date(`「${title}」日期格式应为 YYYY-MM-DD`).meta({ title });

/** 交办: what the 人大常委会 / 政协 sends with the item. */
export const RegisterProposalInput = z.object({
  kind: z.enum(KINDS, { message: '「类别」须为人大代表建议或政协提案' }).meta({ title: '类别' }),
  number: z
    .string({ message: '请填写「编号」' })
    .trim()
    .regex(/^第\d{1,5}号$/, '「编号」格式应为“第0123号”')
    .meta({ title: '编号' }),
  session: text('届次（如自治区十二届人大三次会议）', 60, 4),
  deputies: text('领衔代表、委员及附议人', 300),
  delegation: z.string().trim().max(100, '「代表团或界别」不超过 100 字').optional().meta({ title: '代表团或界别' }),
  title: text('标题', 200),
  summary: text('内容摘要', 4000),
  receivedOn: date('交办日期'),
  role: z.enum(ROLES, { message: '「本单位承办方式」须为主办、协办、会办或分办' }).meta({ title: '本单位承办方式' }),
  leadOffice: z.string().trim().max(100, '「主办单位」不超过 100 字').optional().meta({ title: '主办单位（本单位协办时）' }),
  orgUnitId: z.uuid('「承办单位」ID 格式不正确').optional().meta({ title: '承办单位' }),
});
export type RegisterProposalInput = z.infer<typeof RegisterProposalInput>;

export const ObjectionInput = z.object({ reason: text('退回理由（不属于本单位职责范围等）', 1000, 2) });

export const ConsentInput = z.object({
  consentOn: date('代表、委员同意日期'),
  consentedBy: text('同意延期的代表、委员', 100),
  reason: text('延期理由（涉及面广、处理难度大等）', 500, 2),
});

export const ContactInput = z.object({
  metOn: date('日期'),
  way: z.enum(CONTACT_WAYS, { message: '「方式」须为面商、电话沟通、座谈、实地调研或书面沟通' }).meta({ title: '方式' }),
  people: text('参加人员', 300),
  content: text('沟通内容', 4000),
});

export const DraftReplyInput = z.object({
  category: z.enum(CATEGORIES, { message: '「答复类别」须为 A、B、C 或 D' }).meta({ title: '答复类别（A 已解决 / B 正在解决 / C 以后解决 / D 留作参考）' }),
  text: text('答复内容', 20000),
});

const rating = (title: string) => z.enum(RATINGS, { message: `「${title}」须为满意、基本满意或不满意` }).meta({ title });
export const RatingInput = z.object({
  attitude: rating('办理态度'),
  result: rating('办理结果'),
  ratedOn: date('征询意见表收回日期'),
  note: z.string().trim().max(1000, '「意见」不超过 1000 字').optional().meta({ title: '代表、委员意见' }),
});
export type RatingInput = z.infer<typeof RatingInput>;

export const ImplementationInput = z.object({
  repliedOn: date('再次答复日期'),
  text: text('落实情况', 20000),
});

export const PartOpinionInput = z.object({ opinion: text('协办意见', 20000) });

export const DisclosureInput = z.object({ agreedOn: date('代表、委员同意公开日期') });
