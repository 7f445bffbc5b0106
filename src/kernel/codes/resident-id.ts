// 公民身份号码 (GB 11643-1999): area(6) + birth date YYYYMMDD + sequence(3, odd = male) + ISO 7064 MOD 11-2.
// Legacy 15-digit numbers: area(6) + YYMMDD + sequence(3), no check char, century 19.
import { validateAreaCode } from './area-code.ts';
import type { KnownAreas } from './area-code.ts';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type ResidentIdReasonCode = 'FORMAT' | 'AREA_CODE' | 'BIRTH_DATE' | 'BIRTH_DATE_FUTURE' | 'BIRTH_DATE_TOO_EARLY' | 'CHECK_CHAR';

export type ResidentIdParts = {
  areaCode: string;
  /** Name of the address code itself, when known (e.g. "兴庆区"). */
  areaName?: string;
  provinceName?: string;
  birthDate: string; // YYYY-MM-DD
  sex: '男' | '女';
  age: number;
  /** True for a 15-digit number; `upgradedId` then holds the 18-digit form. */
  legacy: boolean;
  upgradedId?: string;
};

export type ResidentIdResult =
  { valid: true; id: string; parts: ResidentIdParts } | { valid: false; id: string; reason: string; reasonCode: ResidentIdReasonCode; expected?: string };

export type ResidentIdOptions = {
  /** Reference date YYYY-MM-DD for age and future-date checks; defaults to today in China (UTC+8). */
  today?: string;
  known?: KnownAreas;
};

/** MOD 11-2 check char for the first 17 digits; null when the input is not 17 digits. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

function resolveToday(today?: string): string {
  if (today === undefined) return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m || !isRealDate(+m[1], +m[2], +m[3])) throw new RangeError(`Invalid "today" option: ${today}`);
  return today;
}

/** Upgrades a 15-digit number to 18 digits ("19" century + check char); null if it is not a valid 15-digit ID. */
export function upgradeLegacyResidentId(id15: string): string | null {
  const raw = String(id15 ?? '').trim();
  if (!/^\d{15}$/.test(raw)) return null;
  const first17 = `${raw.slice(0, 6)}19${raw.slice(6)}`;
  if (!isRealDate(+first17.slice(6, 10), +first17.slice(10, 12), +first17.slice(12, 14))) return null;
  return first17 + residentIdCheckChar(first17);
}

/** Validates an 18-digit (or legacy 15-digit) resident ID; a trailing lower-case x is accepted. */
export function validateResidentId(input: string, options: ResidentIdOptions = {}): ResidentIdResult {
  const id = String(input ?? '')
    .trim()
    .toUpperCase();
  const fail = (reasonCode: ResidentIdReasonCode, reason: string, expected?: string): ResidentIdResult =>
    expected === undefined ? { valid: false, id, reasonCode, reason } : { valid: false, id, reasonCode, reason, expected };

  const legacy = /^\d{15}$/.test(id);
  if (!legacy && !/^\d{17}[\dX]$/.test(id)) {
    return fail('FORMAT', `身份证号格式错误：应为18位（前17位数字，末位数字或X）或15位数字，实为${id.length}位`);
  }
  const full17 = legacy ? `${id.slice(0, 6)}19${id.slice(6)}` : id.slice(0, 17);

  const areaCode = id.slice(0, 6);
  const area = validateAreaCode(areaCode, options.known);
  // Address codes are historical (the county at first registration), so only the province prefix
  // is enforced; abolished or unusual county codes are still accepted.
  if (!area.valid && area.reasonCode !== 'STRUCTURE') {
    return fail('AREA_CODE', `地址码 ${areaCode} 无效：${area.reason}`);
  }

  const ymd = full17.slice(6, 14);
  const y = +ymd.slice(0, 4);
  const m = +ymd.slice(4, 6);
  const d = +ymd.slice(6, 8);
  if (!isRealDate(y, m, d)) return fail('BIRTH_DATE', `出生日期 ${ymd} 不是有效日期`);
  const birthDate = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  if (y < 1900) return fail('BIRTH_DATE_TOO_EARLY', `出生日期 ${birthDate} 早于1900年`);
  const today = resolveToday(options.today);
  if (birthDate > today) return fail('BIRTH_DATE_FUTURE', `出生日期 ${birthDate} 晚于当前日期 ${today}`);

  const expected = residentIdCheckChar(full17) as string;
  if (!legacy && id[17] !== expected) {
    return fail('CHECK_CHAR', `校验码错误：应为 ${expected}，实为 ${id[17]}`, expected);
  }

  let age = +today.slice(0, 4) - y;
  if (today.slice(5) < birthDate.slice(5)) age -= 1;
  const parts: ResidentIdParts = {
    areaCode,
    birthDate,
    sex: +full17[16] % 2 === 1 ? '男' : '女',
    age,
    legacy,
  };
  if (area.valid && area.name) parts.areaName = area.name;
  if (area.valid && area.provinceName) parts.provinceName = area.provinceName;
  if (legacy) parts.upgradedId = full17 + expected;
  return { valid: true, id, parts };
}
