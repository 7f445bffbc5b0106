import { z } from 'zod';
import { AnnualReportContent } from './annual-report.ts';
import { CREDIT_LISTS, ELIGIBILITY_PURPOSES, ORG_KINDS, ORG_STATUSES, RATINGS } from '../contract.ts';
import { CaseNextStep } from '../../../kernel/workflow/contract.ts';

/** Wire shapes of the 社会组织 routes (requests and responses). */
export const Ts = z.string().describe('ISO 8601 timestamp');
export const Day = z.iso.date('日期应为 YYYY-MM-DD 格式');
export const page = <T extends z.ZodType>(item: T) => z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(item) });

const Kind = z.enum(ORG_KINDS, '组织类型应为 social_group（社会团体）、social_service（社会服务机构）或 foundation（基金会）');
const Text = (title: string, max: number) => z.string(`请填写${title}`).trim().min(1, `请填写${title}`).max(max, `${title}不能超过${max}个字`).meta({ title });

// ---- name check -------------------------------------------------------------------------------
export const NameCheckInput = z.object({
  name: Text('名称', 60),
  kind: Kind.meta({ title: '组织类型' }),
  authorityOrgUnitId: z.uuid('登记管理机关 ID 格式不正确').optional().meta({ title: '登记管理机关' }),
  /** The organization being renamed (its own name is not a duplicate). */
  organizationId: z.uuid('社会组织 ID 格式不正确').optional(),
});
export const NameProblemDto = z.object({
  rule: z.enum(['chars', 'suffix', 'prefix', 'banned', 'duplicate', 'near_duplicate']),
  message: z.string(),
  basis: z.string().optional(),
  conflictId: z.string().optional(),
});
export const NameCheckResult = z.object({
  name: z.string(),
  ok: z.boolean(),
  key: z.string(),
  explanation: z.string(),
  problems: z.array(NameProblemDto),
  authority: z.object({ id: z.uuid(), name: z.string(), areaCode: z.string() }),
});

// ---- registry ---------------------------------------------------------------------------------
export const ListOrgsQuery = z.object({
  kind: Kind.optional(),
  status: z.enum(ORG_STATUSES, '状态应为 normal、deregistered 或 revoked').optional(),
  authority: z.uuid('登记管理机关 ID 格式不正确').optional(),
  area: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为6位数字')
    .optional(),
  list: z.enum(CREDIT_LISTS).optional(),
  /** Registered on that day: registered by then and not yet 注销/撤销 (status is ignored when given). */
  asOf: Day.optional(),
  q: z.string().trim().max(50, '关键词不能超过50个字').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const OrgItem = z.object({
  id: z.uuid(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  uscc: z.string(),
  authorityOrgUnitId: z.uuid(),
  authorityName: z.string(),
  areaPath: z.string(),
  legalRepresentative: z.string(),
  registeredOn: z.string(),
  status: z.enum(ORG_STATUSES),
  rating: z.enum(RATINGS).nullable(),
  lists: z.array(z.enum(CREDIT_LISTS)),
});
export const InspectionNextStep = CaseNextStep.extend({ year: z.number().int(), act: z.enum(['file', 'review', 'conclude']) });
/** A row of the registry list: the organization and its 年检 下一步 (as on its page). */
export const OrgListItem = OrgItem.extend({ nextStep: InspectionNextStep.nullable() });
export const OrgPage = page(OrgListItem);

export const ChangeDto = z.object({
  id: z.uuid(),
  field: z.string(),
  fieldLabel: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  changedOn: z.string(),
  act: z.string(),
  basis: z.string().nullable(),
  at: Ts,
});
export const ListingDto = z.object({
  id: z.uuid(),
  list: z.enum(CREDIT_LISTS),
  reason: z.string(),
  reasonLabel: z.string(),
  detail: z.string().nullable(),
  obligation: z.boolean(),
  listedOn: z.string(),
  obligationMetOn: z.string().nullable(),
  removedOn: z.string().nullable(),
  removalReason: z.string().nullable(),
  movedTo: z.uuid().nullable(),
});
/** 约谈 record. */
export const InterviewDto = z.object({
  id: z.uuid(),
  heldOn: z.string(),
  people: z.string(),
  matter: z.string(),
  commitments: z.string(),
  followUp: z.string().nullable(),
  followedUpOn: z.string().nullable(),
});
export type InterviewDto = z.infer<typeof InterviewDto>;
/** 年检's next step on the organization page: who acts (by name, as on a case page) and which step the form opens on. */
export const OrgDetail = OrgItem.extend({
  usccParts: z.object({ orgCode: z.string(), areaCode: z.string(), typeName: z.string() }),
  supervisorUnit: z.string().nullable(),
  domicile: z.string(),
  businessScope: z.string(),
  capitalCents: z.number(),
  charity: z.boolean(),
  publicFundraising: z.boolean(),
  ratingFrom: z.string().nullable(),
  ratingUntil: z.string().nullable(),
  certificateNo: z.string().nullable(),
  statusOn: z.string().nullable(),
  version: z.number(),
  history: z.array(ChangeDto),
  listings: z.array(ListingDto),
  inspections: z.array(
    z.object({
      year: z.number(),
      submittedOn: z.string().nullable(),
      reviewedOn: z.string().nullable(),
      conclusion: z.enum(['合格', '基本合格', '不合格']).nullable(),
      reasons: z.string().nullable(),
      concludedOn: z.string().nullable(),
      submittedVia: z.enum(['portal', 'registrar']).nullable(),
      publishedOn: z.string().nullable(),
      report: AnnualReportContent.nullable(),
      /** The 业务主管单位's 初审 opinion given in the platform (同意/不同意), with its reason and day. */
      supervisorOpinion: z.enum(['同意', '不同意']).nullable(),
      supervisorComment: z.string().nullable(),
      supervisorOpinionOn: z.string().nullable(),
    }),
  ),
  interviews: z.array(InterviewDto),
  /** 年检's open step: 「待 王志强（登记管理机关负责人） 初审 2025 年度工作报告」, or the organization's own 报送. */
  nextStep: InspectionNextStep.nullable(),
});

const Cents = z.number('注册资金应为整数（分）').int('注册资金应为整数（分）').min(0, '注册资金不能为负数').max(1e15, '注册资金过大');
const RatingFields = {
  rating: z.enum(RATINGS, '评估等级应为 1A 至 5A').nullable().optional().meta({ title: '评估等级' }),
  ratingFrom: Day.nullable().optional().meta({ title: '评估等级有效期起' }),
  ratingUntil: Day.nullable().optional().meta({ title: '评估等级有效期止' }),
};
export const CreateOrgInput = z.object({
  kind: Kind.meta({ title: '组织类型' }),
  name: Text('名称', 60),
  uscc: z.string('请填写统一社会信用代码').trim().toUpperCase().meta({ title: '统一社会信用代码' }),
  authorityOrgUnitId: z.uuid('登记管理机关 ID 格式不正确').optional().meta({ title: '登记管理机关' }),
  supervisorUnit: Text('业务主管单位', 100).nullable().optional(),
  domicile: Text('住所', 200),
  legalRepresentative: Text('法定代表人', 50),
  businessScope: Text('业务范围', 1000),
  capitalCents: Cents.meta({ title: '注册资金（分）' }),
  charity: z.boolean().default(false).meta({ title: '慈善组织' }),
  publicFundraising: z.boolean().default(false).meta({ title: '公开募捐资格' }),
  ...RatingFields,
  registeredOn: Day.meta({ title: '成立登记日期' }),
  certificateNo: Text('登记证书号', 50).nullable().optional(),
});
export const OrgCreated = z.object({ id: z.uuid(), name: z.string(), uscc: z.string() });

export const ChangeOrgInput = z.object({
  act: z.enum(['变更登记', '评估等级', '慈善组织认定', '数据更正'], '变更类型应为变更登记、评估等级、慈善组织认定或数据更正').default('变更登记'),
  changedOn: Day.meta({ title: '变更日期' }),
  basis: Text('依据', 200).nullable().optional(),
  expectedVersion: z.number().int().optional(),
  changes: z
    .object({
      name: Text('名称', 60),
      domicile: Text('住所', 200),
      legalRepresentative: Text('法定代表人', 50),
      businessScope: Text('业务范围', 1000),
      capitalCents: Cents,
      supervisorUnit: Text('业务主管单位', 100).nullable(),
      charity: z.boolean(),
      publicFundraising: z.boolean(),
      ...RatingFields,
    })
    .partial(),
});
export const OrgChanged = z.object({ id: z.uuid(), version: z.number(), changed: z.array(z.string()) });

// ---- credit -----------------------------------------------------------------------------------
export const ListOrgInput = z.object({
  list: z.enum(CREDIT_LISTS, '名单应为 abnormal（活动异常名录）、serious（严重违法失信名单）或 integrity_lapse（诚信缺失）').meta({ title: '名单' }),
  reason: z.string('请选择列入事由').min(1, '请选择列入事由').meta({ title: '列入事由' }),
  detail: Text('事实说明', 500).nullable().optional(),
  listedOn: Day.meta({ title: '列入日期' }),
});
export const RemoveListingInput = z.object({
  removedOn: Day.meta({ title: '移出日期' }),
  reason: Text('移出理由', 500),
  obligationMet: z.boolean().default(false).meta({ title: '已履行义务或完成整改' }),
});
export const ListingActResult = z.object({ id: z.uuid(), organizationId: z.uuid(), list: z.enum(CREDIT_LISTS) });

export const EligibilityQuery = z.object({
  date: Day.optional(),
  for: z.enum(ELIGIBILITY_PURPOSES, '用途应为 purchase（政府购买服务）、grant（资金资助）或 award（表彰奖励）').default('purchase'),
});
export const EligibilityDto = z.object({
  organizationId: z.uuid(),
  date: z.string(),
  for: z.enum(ELIGIBILITY_PURPOSES),
  eligible: z.boolean(),
  preferred: z.boolean(),
  reasons: z.array(z.object({ effect: z.enum(['bar', 'prefer', 'note']), text: z.string(), basis: z.string() })),
});

export const CreditListsQuery = z.object({
  list: z.enum(CREDIT_LISTS).default('abnormal'),
  current: z.enum(['1', '0']).default('1'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const CreditListItem = ListingDto.extend({ organizationId: z.uuid(), organizationName: z.string(), uscc: z.string(), areaPath: z.string() });
export const CreditListPage = page(CreditListItem);

export type OrgItem = z.output<typeof OrgItem>;
export type OrgListItem = z.output<typeof OrgListItem>;
export type OrgDetail = z.output<typeof OrgDetail>;
export type CreditListItem = z.output<typeof CreditListItem>;
export type EligibilityDto = z.output<typeof EligibilityDto>;
export type NameCheckResult = z.output<typeof NameCheckResult>;
