import { validateResidentId, type ResidentIdReasonCode } from './resident-id.ts';

const PROBLEM: Record<Exclude<ResidentIdReasonCode, 'CHECK_CHAR'>, string> = {
  FORMAT: '身份证号应为 18 位（最后一位可为 X）',
  AREA_CODE: '身份证号前 6 位地址码不正确',
  BIRTH_DATE: '身份证号中的出生日期不存在',
  BIRTH_DATE_FUTURE: '身份证号中的出生日期晚于今天',
  BIRTH_DATE_TOO_EARLY: '身份证号中的出生日期早于 1900 年',
};

/**
 * A form field's check of a 公民身份号码: the short Chinese problem to show under the field, or
 * null when the number is fine or blank. Same rules as validateResidentId (pure, runs in the
 * browser too: the console and the portal check before they send, the server checks again).
 */
export function residentIdProblem(input: string, today?: string): string | null {
  if (!input.trim()) return null;
  const r = validateResidentId(input, today ? { today } : {});
  if (r.valid) return null;
  return r.reasonCode === 'CHECK_CHAR' ? `身份证号校验码不正确（最后一位应为 ${r.expected}）` : PROBLEM[r.reasonCode];
}
