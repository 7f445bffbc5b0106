import { z } from 'zod';
import { Day, Ts, page } from './common.ts';

/** Responses of the steps added by issue 10 (C2): 公布 and 近亲属备案. */

export const PUBLICATION_CHANNELS = ['村（居）务公开栏', '乡镇（街道）政务公开栏', '政府网站', '其他'] as const;

export const PublicationItem = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  refNo: z.string(),
  householdId: z.uuid(),
  areaCode: z.string(),
  areaPath: z.string(),
  areaName: z.string(),
  publishedOn: Day,
  channel: z.string(),
  place: z.string(),
  nameMasked: z.string(),
  householdSize: z.number(),
  insuredPersons: z.number(),
  amountCents: z.number(),
  createdAt: Ts,
});
export const PublicationPage = page(PublicationItem);
export type PublicationItem = z.output<typeof PublicationItem>;

/** GET /api/public/dibao/published: the list as posted in the village/community (names masked). */
export const PublicList = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  items: z.array(
    z.object({ name: z.string(), householdSize: z.number(), insuredPersons: z.number(), amountYuan: z.string(), publishedOn: Day, areaName: z.string() }),
  ),
});
export type PublicList = z.output<typeof PublicList>;

export const STAFF_POSTS = ['民政部门工作人员', '乡镇（街道）社会救助经办人员', '村（居）民委员会成员'] as const;
export const NEAR_RELATIONS = ['配偶', '父母', '子女', '兄弟姐妹', '祖父母、外祖父母', '孙子女、外孙子女', '其他近亲属'] as const;

/** Declared at application: whose near relative the applicant is (单独登记备案). */
export const StaffRelativeInput = z.object({
  staffName: z.string().trim().min(1, '请填写工作人员姓名').max(50, '姓名不超过 50 字'),
  staffPost: z.enum(STAFF_POSTS, { message: '请选择工作人员身份' }),
  relation: z.enum(NEAR_RELATIONS, { message: '请选择与申请人的关系' }),
});
export type StaffRelativeInput = z.output<typeof StaffRelativeInput>;

/** GET /api/dibao/relative-filings: 近亲属备案 with the county's home visit, if any. */
export const FilingItem = z.object({
  caseId: z.uuid(),
  refNo: z.string(),
  title: z.string(),
  state: z.string(),
  householdId: z.uuid(),
  areaPath: z.string(),
  township: z.string(),
  staffName: z.string(),
  staffPost: z.string(),
  relation: z.string(),
  filedOn: Day,
  countyVisit: z.object({ date: Day, result: z.enum(['属实', '不属实']), by: z.string() }).nullable(),
  decision: z.enum(['确认', '不予确认']).nullable(),
});
export const FilingPage = page(FilingItem);
export type FilingItem = z.output<typeof FilingItem>;
