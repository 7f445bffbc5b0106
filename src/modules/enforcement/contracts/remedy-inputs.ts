import { z } from 'zod';
import { isoDate, plainText } from '../../../platform/http/input-schemas.ts';
import { COERCION_MEASURES, REMEDY_KINDS, REMEDY_MATTERS, REMEDY_RESULTS } from './remedy-labels.ts';

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};

/** 登记 or 更新 a 行政复议 / 行政诉讼 case against one of the office's decisions. */
export const RemedyInput = z.object({
  kind: z.enum(REMEDY_KINDS, { message: '请选择「类别」：行政复议或行政诉讼' }),
  afterReview: z.boolean().default(false),
  matter: z.enum(REMEDY_MATTERS, { message: '请选择「事项类别」' }).optional(),
  decisionCaseId: z.uuid('「被复议（起诉）的决定」ID 格式不正确').optional(),
  decisionText: plainText('决定名称和文号', 200, { kind: 'line' }).optional(),
  applicant: plainText('申请人（原告）', 100, { kind: 'line' }),
  body: plainText('复议机关（人民法院）', 100, { kind: 'line' }),
  caseNo: plainText('案号', 60, { kind: 'line' }).optional(),
  acceptedOn: isoDate('受理日期'),
  result: z.enum(REMEDY_RESULTS, { message: '请选择「结果」' }),
  resultOn: isoDate('结果日期').optional(),
  resultNote: plainText('结果说明', 500).optional(),
});
export type RemedyInput = z.infer<typeof RemedyInput>;

export const ListRemediesQuery = z.object({
  kind: z.enum(REMEDY_KINDS).optional(),
  result: z.enum(REMEDY_RESULTS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  id: z.uuid('ID 格式不正确').optional(),
  ...page,
});

/** 行政强制 decision: on a penalty case or on its own. */
export const CoercionInput = z.object({
  penaltyCaseId: z.uuid('「行政处罚案件」ID 格式不正确').optional(),
  party: plainText('当事人', 100, { kind: 'line' }),
  measure: z.enum(COERCION_MEASURES, { message: '请选择「强制措施」' }),
  object: plainText('对象（场所、设施、财物）', 300),
  basis: plainText('法律依据', 200),
  documentNo: plainText('决定书文号', 60, { kind: 'line' }).optional(),
  decidedOn: isoDate('决定日期'),
});
export type CoercionInput = z.infer<typeof CoercionInput>;

export const ListCoercionsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  id: z.uuid('ID 格式不正确').optional(),
  ...page,
});
