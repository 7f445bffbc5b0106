import { z } from 'zod';
import { ChangeOrgInput, CreateOrgInput, Day } from '../contracts/http.ts';

/** 成立登记 application: the organization's particulars and the day the documents were complete. */
export const EstablishInput = CreateOrgInput.omit({
  uscc: true,
  registeredOn: true,
  certificateNo: true,
  rating: true,
  ratingFrom: true,
  ratingUntil: true,
}).extend({
  documentsCompleteOn: Day.meta({ title: '全部有效文件收齐日期' }),
});
/** A 变更/注销 filed as part of a campaign: `name_cleanup` — 社会组织名称清理规范 (the report's 更名 and 注销清理). */
export const Campaign = z
  .enum(['name_cleanup'], '专项工作应为 name_cleanup（名称清理规范）')
  .nullable()
  .optional()
  .meta({ title: '专项工作（name_cleanup：名称清理规范）' });
/** 变更登记 application: the changes and the day the 业务主管单位 agreed (none for a foundation without one). */
export const ChangeRequestInput = z.object({
  changes: ChangeOrgInput.shape.changes,
  supervisorApprovedOn: Day.nullable().optional().meta({ title: '业务主管单位审查同意日期' }),
  basis: z.string().trim().max(200, '依据不能超过200个字').nullable().optional().meta({ title: '依据' }),
  campaign: Campaign,
});
/** 注销登记 application: the day clearance ended and why the organization ends. */
export const DeregisterInput = z.object({
  clearanceEndedOn: Day.meta({ title: '清算结束日期' }),
  reason: z.string('请填写注销原因').trim().min(2, '请填写注销原因').max(500, '注销原因不能超过500个字').meta({ title: '注销原因' }),
  campaign: Campaign,
});

export const ApproveEstablishInput = z.object({
  uscc: z.string('请填写统一社会信用代码').trim().toUpperCase().meta({ title: '统一社会信用代码（赋码）' }),
});
export const RefuseInput = z.object({
  reason: z.string('请说明不予登记的理由').trim().min(2, '请说明不予登记的理由').max(1000, '理由不能超过1000个字').meta({ title: '不予登记理由' }),
});
export const CaseCreated = z.object({ id: z.uuid(), refNo: z.string(), late: z.boolean(), nameCheck: z.string().nullable() });
