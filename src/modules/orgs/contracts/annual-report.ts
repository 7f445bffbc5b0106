import { z } from 'zod';

/** 年度工作报告 filed on the portal by the organization (browser-safe: the portal page imports it). */
const Day = z.iso.date('日期应为 YYYY-MM-DD 格式');
const Count = (label: string) => z.number(`${label}应为整数`).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(10_000_000, `${label}过大`);
const Money = (label: string, min = 0) =>
  z.number(`${label}应为金额（分，整数）`).int(`${label}应为金额（分，整数）`).min(min, `${label}不能为负数`).max(1e15, `${label}过大`);
const Text = (label: string, min: number, max: number) =>
  z.string(`请填写${label}`).trim().min(min, `${label}至少${min}个字`).max(max, `${label}不能超过${max}个字`);

/** The organization's credentials: USCC and the 年报报送码 the registrar issued. */
export const FilingLogin = z.object({
  uscc: z.string('请填写统一社会信用代码').trim().toUpperCase().length(18, '统一社会信用代码应为18位').meta({ title: '统一社会信用代码' }),
  filingCode: z.string('请填写年报报送码').trim().toUpperCase().min(8, '年报报送码不正确').max(20, '年报报送码不正确').meta({ title: '年报报送码' }),
});

export const AnnualReportContent = z.object({
  year: z.number('请填写年度').int('年度应为整数').min(1990, '年度不正确').max(2999, '年度不正确').meta({ title: '报告年度' }),
  activities: Text('业务活动情况', 10, 4000).meta({ title: '业务活动情况' }),
  incomeCents: Money('年度收入').meta({ title: '年度收入（分）' }),
  expenditureCents: Money('年度支出').meta({ title: '年度支出（分）' }),
  netAssetsCents: Money('年末净资产', -1e15).meta({ title: '年末净资产（分）' }),
  staff: Count('专职工作人员数').meta({ title: '专职工作人员数' }),
  members: Count('会员数').nullable().optional().meta({ title: '会员数（社会团体）' }),
  boardMeetings: Count('理事会召开次数').meta({ title: '理事会（常务理事会）召开次数' }),
  supervisorReviewedOn: Day.nullable().optional().meta({ title: '业务主管单位审查同意日期' }),
  auditFirm: Text('审计机构', 2, 100).nullable().optional().meta({ title: '审计机构（基金会）' }),
  auditReportNo: Text('审计报告文号', 2, 60).nullable().optional().meta({ title: '审计报告文号（基金会）' }),
  filerName: Text('填报人', 2, 30).meta({ title: '填报人' }),
  filerPhone: z
    .string('请填写联系电话')
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为11位手机号或带区号的固定电话')
    .meta({ title: '联系电话' }),
});
export type AnnualReportContent = z.infer<typeof AnnualReportContent>;

/** The organization asks for one of its 整改通知书 by number. */
export const NoticeRequest = FilingLogin.extend({
  docNo: z.string('请填写整改通知书编号').trim().min(3, '整改通知书编号不正确').max(40, '整改通知书编号不正确').meta({ title: '整改通知书编号' }),
});

export const AnnualReportSubmission = FilingLogin.extend({ report: AnnualReportContent });

export const FilingYear = z.object({
  year: z.number(),
  required: z.boolean(),
  why: z.string().nullable(),
  supervisorDeadline: z.string().nullable(),
  registrarDeadline: z.string(),
  submittedOn: z.string().nullable(),
  reviewedOn: z.string().nullable(),
  conclusion: z.enum(['合格', '基本合格', '不合格']).nullable(),
  reasons: z.string().nullable(),
  publishedOn: z.string().nullable(),
  remindedOn: z.string().nullable(),
});
export const FilingStatus = z.object({
  name: z.string(),
  uscc: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  authorityName: z.string(),
  supervisorUnit: z.string().nullable(),
  years: z.array(FilingYear),
  /** 整改通知书 issued to the organization from spot checks, newest first (the PDF: POST …/rectification-notice.pdf). */
  notices: z.array(
    z.object({
      docNo: z.string(),
      spotCheckTitle: z.string(),
      issuedOn: z.string(),
      rectifyBy: z.string().nullable(),
      rectifiedOn: z.string().nullable(),
    }),
  ),
});
export type FilingStatus = z.infer<typeof FilingStatus>;
export const FilingAccepted = z.object({ year: z.number(), submittedOn: z.string(), late: z.boolean(), replaced: z.boolean() });
export type FilingAccepted = z.infer<typeof FilingAccepted>;
export const FilingCodeIssued = z.object({ code: z.string(), issuedOn: z.string() });
