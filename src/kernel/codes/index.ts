// Public surface of the kernel code validators (USCC, 组织机构代码, 身份证号, GB/T 2260, auto-detect).
export { NINGXIA_AREAS, PROVINCE_NAMES, areaPath, validateAreaCode } from './area-code.ts';
export type { AreaCodeResult, AreaLevel, KnownAreas, NingxiaArea } from './area-code.ts';
export { checkCode, formatCheckLine } from './check-code.ts';
export type { CheckOptions, CheckResult, CodeKind } from './check-code.ts';
export { orgCodeCheckChar, validateOrgCode } from './org-code.ts';
export type { OrgCodeResult } from './org-code.ts';
export { residentIdCheckChar, upgradeLegacyResidentId, validateResidentId } from './resident-id.ts';
export type { ResidentIdOptions, ResidentIdParts, ResidentIdResult } from './resident-id.ts';
export { residentIdProblem } from './resident-id-problem.ts';
export { USCC_DEPARTMENTS, usccCheckChar, validateUscc } from './uscc.ts';
export type { UsccParts, UsccReasonCode, UsccResult } from './uscc.ts';
