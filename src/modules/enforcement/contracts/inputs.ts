import { z } from 'zod';
import { CERT_STATUSES, DECISION_KINDS, EVIDENCE_KINDS, NO_PENALTY_GROUNDS, PENALTY_KINDS } from './labels.ts';

const day = (label: string) => z.iso.date(`「${label}」应为 YYYY-MM-DD 格式的日期`);
const text = (label: string, max = 2000) => z.string(`「${label}」必填`).trim().min(1, `「${label}」不能为空`).max(max, `「${label}」不能超过 ${max} 字`);
const id = (label: string) => z.uuid(`「${label}」格式不正确`);
const money = (label: string) => z.number(`「${label}」应为金额`).nonnegative(`「${label}」不能为负数`).max(100_000_000, `「${label}」过大`);

export const OfficerInput = z.object({
  name: text('姓名', 40),
  certNo: z
    .string(`「执法证号」必填`)
    .trim()
    .regex(/^[0-9A-Z]{6,20}$/, '「执法证号」应为 6–20 位数字或大写字母'),
  orgUnitId: id('所在单位').optional(),
  userId: id('平台账号').optional(),
  validFrom: day('有效期起'),
  validTo: day('有效期至'),
  trainingHours: z.number('「培训学时」应为数字').int('「培训学时」应为整数').min(0).max(1000).default(0),
  legalReviewer: z.boolean().default(false),
  legalQualification: z.string().trim().max(40).optional(),
  examApplicant: z.boolean().default(false),
});

export const OfficerStatusInput = z.object({ status: z.enum(CERT_STATUSES, '「证件状态」应为 valid、suspended 或 revoked'), reason: text('理由', 500) });

export const FileCaseInput = z.object({
  partyName: text('当事人', 100),
  partyKind: z.enum(['org', 'person'], '「当事人类型」应为 org 或 person'),
  /** An organization's 统一社会信用代码 (checked at 立案; an unregistered body may have none), a person's ID number. */
  partyCode: z.string().trim().max(30).optional(),
  actDate: day('违法行为发生（终了）日期'),
  discoveredOn: day('发现日期'),
  actDescription: text('违法行为', 1000),
  filedOn: day('立案日期'),
  filingStandard: text('立案依据（符合立案标准的理由）', 1000),
  powerCode: text('执法事项编码', 40),
  fiveYearLimitation: z.boolean().default(false),
});

export const AssignInput = z.object({ officerIds: z.array(id('执法人员')).min(1, '「执法人员」至少两名').max(10) });

export const EvidenceInput = z.object({
  kind: z.enum(EVIDENCE_KINDS, '「证据种类」不在《行政处罚法》第四十六条所列种类中'),
  title: text('证据名称', 200),
  collectedOn: day('取证日期'),
  officerIds: z.array(id('取证人员')).min(2, '取证人员不得少于两人'),
  /** The file's bytes, base64 (photos, recordings): hashed with SM3 on arrival. */
  contentBase64: z.string().max(14_000_000, '文件过大，请分片上传').optional(),
  description: z.string().trim().max(1000).optional(),
  /** A completed chunked upload of this user on this case (POST /api/enforcement/evidence-uploads/:id/complete sets it). */
  uploadId: id('上传').optional(),
});

/** 分片上传 of an evidence file: the evidence item's facts now, the bytes in chunks, the row at completion. */
export const UploadStartInput = EvidenceInput.omit({ contentBase64: true, uploadId: true }).extend({
  caseId: id('案件'),
  fileName: text('文件名', 200),
  mimeType: z.string('「文件类型」必填').trim().min(1, '「文件类型」必填').max(100),
  sizeBytes: z.number('「文件大小」必填').int().min(1, '文件为空'),
});

export const PreserveInput = z.object({ items: text('先行登记保存物品', 1000), registeredOn: day('登记保存日期'), approvedBy: text('批准负责人', 40) });
export const PreserveDecisionInput = z.object({ preservationId: id('先行登记保存'), decision: text('处理决定', 500), decidedOn: day('处理决定日期') });

export const NoticeInput = z.object({
  tier: z.number('「裁量档次」必填').int().min(1).max(9),
  intendedKinds: z.array(z.enum(PENALTY_KINDS, '「处罚种类」不在《行政处罚法》第九条所列种类中')).min(1, '「拟处罚种类」至少一项'),
  intendedFine: money('拟罚款金额').optional(),
  outsideTierReason: z.string().trim().max(1000).optional(),
  facts: text('违法事实', 2000),
  reasons: text('理由', 2000),
  basis: text('依据', 1000),
  notifiedOn: day('告知日期'),
  complex: z.boolean().default(false),
});

export const StatementInput = z.object({ receivedOn: day('陈述申辩日期'), content: text('陈述申辩内容', 4000), adopted: z.boolean() });
export const HearingRequestInput = z.object({ requestedOn: day('听证申请日期') });
export const HearingScheduleInput = z.object({
  noticeOn: day('听证通知日期'),
  hearingOn: day('听证日期'),
  place: text('听证地点', 200),
  hostOfficerId: id('听证主持人'),
});
export const HearingHeldInput = z.object({ record: text('听证笔录', 8000), partyAttended: z.boolean() });
export const ProceedInput = z.object({ waived: z.boolean().default(false) });

export const ReviewInput = z.object({
  passed: z.boolean(),
  checklist: z.record(z.string(), text('审核意见', 500)),
  opinion: text('审核意见', 2000),
});

export const CollectiveInput = z.object({
  heldOn: day('集体讨论日期'),
  heads: z.array(text('负责人', 40)).min(2, '集体讨论须至少两名负责人签名'),
  conclusion: text('讨论结论', 2000),
});

export const DecideInput = z.object({
  kind: z.enum(DECISION_KINDS, '「决定类型」应为 处罚、不予处罚 或 移送司法机关'),
  decidedOn: day('决定日期'),
  penaltyKinds: z.array(z.enum(PENALTY_KINDS)).default([]),
  fine: money('罚款金额').optional(),
  /** 限期停止活动: the last day of the stop (required with that kind). */
  suspendedUntil: day('停止活动截止日期').optional(),
  noPenaltyGround: z.enum(NO_PENALTY_GROUNDS, '「不予处罚依据」不正确').optional(),
  text: text('决定书正文', 8000),
});

export const ServeInput = z.object({
  servedOn: day('送达日期'),
  method: z.enum(['直接送达', '留置送达', '邮寄送达', '电子送达', '公告送达'], '「送达方式」不正确'),
});
export const PublishInput = z.object({ publishedOn: day('公开日期') });
export const WithdrawInput = z.object({ withdrawnOn: day('撤下日期'), reason: text('撤下理由', 500), revokedOn: day('决定被撤销日期') });
export const PaymentInput = z.object({ paidOn: day('缴款日期'), amount: money('缴款金额'), bank: text('代收银行', 100) });
export const CloseInput = z.object({ closedOn: day('结案日期') });
