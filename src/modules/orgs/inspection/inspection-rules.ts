import type { OrgKind, OrgStatus } from '../contract.ts';

/**
 * 年检 rules (pure; regulations.md §4.2). Reports on year Y are due in Y+1: 社会团体 and 社会服务机构
 * to the 业务主管单位 by 3月31日 and, after 初审, to the registrar by 5月31日 (社团条例第二十八条,
 * 民非条例第二十三条); 基金会 to the registrar by 3月31日 (基金会条例第三十六条). An organization
 * registered less than six months before the end of Y does not take part in Y's inspection
 * (民政部令第27号 for 民办非企业单位； applied to every kind, as the issue asks).
 */
export const CONCLUSIONS = ['合格', '基本合格', '不合格'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export const INSPECTION_BASIS = {
  social_group: '《社会团体登记管理条例》第二十八条',
  social_service: '《民办非企业单位登记管理暂行条例》第二十三条',
  foundation: '《基金会管理条例》第三十六条',
} as const satisfies Record<OrgKind, string>;

/** The registrar's deadline for year Y's report, before any rest-day roll-forward. */
export const registrarDeadline = (kind: OrgKind, year: number) => (kind === 'foundation' ? `${year + 1}-03-31` : `${year + 1}-05-31`);
/** The 业务主管单位's deadline (社团, 社会服务机构); foundations report to the registrar directly. */
export const supervisorDeadline = (kind: OrgKind, year: number) => (kind === 'foundation' ? null : `${year + 1}-03-31`);

/** Is the organization in Y's inspection: registered by 30 June of Y and still registered at the end of Y. */
export function inspectionRequired(o: { registeredOn: string; status: OrgStatus; statusOn: string | null }, year: number): boolean {
  if (o.registeredOn > `${year}-06-30`) return false;
  return o.status === 'normal' || (o.statusOn !== null && o.statusOn > `${year}-12-31`);
}

/** Why a year cannot be recorded for the organization (Chinese), or null. */
export function inspectionYearProblem(o: { registeredOn: string; status: OrgStatus; statusOn: string | null }, year: number, today: string): string | null {
  if (`${year + 1}-01-01` > today) return `${year}年度尚未结束，不能办理该年度的年检。`;
  if (o.registeredOn > `${year}-06-30`) return `成立登记日期为${o.registeredOn}，至${year}年末不满6个月，不参加${year}年度检查。`;
  if (!inspectionRequired(o, year)) return `该组织在${year}年末前已注销或被撤销登记，不参加${year}年度检查。`;
  return null;
}
