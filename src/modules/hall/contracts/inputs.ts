import { z } from 'zod';
import { CHANNELS, DELIVERY_WAYS, RATING_LEVELS } from '../contract.ts';

const text = (label: string, max = 1000) =>
  z
    .string({ message: `请填写「${label}」` })
    .trim()
    .min(1, `请填写「${label}」`)
    .max(max, `「${label}」不能超过 ${max} 字`)
    .meta({ title: label });

/**
 * An application: the item, who applies and the form (checked against the item's field list). The
 * materials are files: multipart field `application` holds this JSON, `material.<n>` the files of
 * the n-th material of the item's list (0-based).
 */
export const ApplicationInput = z.object({
  itemCode: text('办理事项', 40),
  areaCode: z.string({ message: '请选择「受理地区」' }).regex(/^\d{6}$/, '「受理地区」应为 6 位县级区划代码'),
  applicant: text('申请人（单位）', 100),
  phone: z.string({ message: '请填写「联系电话」' }).regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '「联系电话」应为 11 位手机号或带区号的固定电话'),
  form: z.record(z.string(), z.unknown(), { message: '「申请表」格式不正确' }),
});
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export const WindowApplicationInput = ApplicationInput.extend({ channel: z.enum(CHANNELS, { message: '「渠道」应为窗口或网上' }).default('窗口') });

/** 一次性告知: everything missing at once. */
/** Material names as a list, or as one line separated by 、，; (the console's text box). */
const names = (title: string) =>
  z
    .preprocess(
      (v) =>
        typeof v === 'string'
          ? v
              .split(/[、，,；;\n]/)
              .map((x) => x.trim())
              .filter(Boolean)
          : v,
      z.array(z.string().max(100), { message: `「${title}」应为材料名称，用顿号分隔` }).max(30),
    )
    .optional()
    .meta({ title });

export const CorrectionInput = z.object({
  /** Further materials of the item's list to add to those found missing at registration. */
  missing: names('另需补正的材料（材料清单中的名称，用顿号分隔）'),
  note: text('告知内容', 2000),
});
/** 补正完毕: the files of every material the notice listed are uploaded (POST …/materials or the portal). */
export const ResubmitInput = z.object({ note: z.string().trim().max(500).optional().meta({ title: '说明' }) });
/** 不予受理 / 不予办理: the reasons, told to the applicant. */
export const ReasonInput = z.object({ reason: text('理由', 2000) });
export const DecisionInput = z.object({ note: z.string().trim().max(2000).optional().meta({ title: '准予办理意见' }) });
export const DeliveryInput = z.object({ way: z.enum(DELIVERY_WAYS, { message: '「送达方式」应为电子送达、邮寄送达或窗口领取' }).meta({ title: '送达方式' }) });

const Stars = z.number({ message: '评价指标应为 1 至 5 星' }).int('评价指标应为 1 至 5 星').min(1, '评价指标应为 1 至 5 星').max(5, '评价指标应为 1 至 5 星');
/** A 好差评 rating: the level, each indicator of the channel (1–5 stars) and, for a 差评, why. */
export const RatingInput = z.object({
  level: z.enum(RATING_LEVELS, { message: '「评价等级」应为非常满意、满意、基本满意、不满意或非常不满意' }),
  indicators: z.record(z.string(), Stars, { message: '请对每一项评价指标打分（1 至 5 星）' }),
  comment: z.string().trim().max(500, '「评价内容」不能超过 500 字').optional(),
});
export type RatingInput = z.infer<typeof RatingInput>;

export const PortalAuth = z.object({
  refNo: text('申请编号', 40),
  queryCode: text('查询码', 40),
});

export const VerifyInput = z.object({ note: text('回访核实情况', 2000) });
export const RectifyNowInput = z.object({
  way: z.enum(['立行立改', '解释说明'], { message: '「处理方式」应为立行立改或解释说明' }).meta({ title: '处理方式' }),
  note: text('整改或说明情况', 2000),
});
export const RectifyPlanInput = z.object({ plan: text('整改措施', 2000) });
export const RectifiedInput = z.object({ note: text('整改结果', 2000) });
export const FeedbackInput = z.object({ feedback: text('向评价人反馈的内容', 2000) });
export const AppealInput = z.object({ reason: text('申诉理由（误评、恶意差评的事实）', 2000) });
export const AppealDecisionInput = z.object({ note: text('复核意见', 2000) });
export const SettingsInput = z.object({
  rectifyWorkdays: z.number({ message: '「限期整改期限」应为整数个工作日' }).int('「限期整改期限」应为整数个工作日').min(1, '「限期整改期限」至少 1 个工作日'),
});
