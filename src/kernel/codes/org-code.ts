// 组织机构代码 (GB 11714-1997): 8-char body from 0-9A-Z plus a MOD 11 check char (0-9 or X).
// It is also the 主体标识码 at positions 9–17 of a 统一社会信用代码.

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type OrgCodeReasonCode = 'FORMAT' | 'CHECK_CHAR';

export type OrgCodeResult =
  | { valid: true; code: string /* display form XXXXXXXX-X */; body: string; checkChar: string }
  | { valid: false; code: string; reason: string; reasonCode: OrgCodeReasonCode; expected?: string };

/** Check char for an 8-char body; null when the body is not 8 chars of 0-9A-Z (upper case). */
export function orgCodeCheckChar(body8: string): string | null {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charCodeAt(i);
    // Digits keep their value; letters A..Z map to 10..35 (full alphabet, I and O included).
    const value = ch <= 57 ? ch - 48 : ch - 55;
    sum += value * WEIGHTS[i];
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

/** Formats a 9-char org code as "XXXXXXXX-X". */
export function formatOrgCode(code9: string): string {
  return `${code9.slice(0, 8)}-${code9.slice(8)}`;
}

/** Accepts "XXXXXXXX-X" or 9 chars without the dash; lower case is upper-cased. */
export function validateOrgCode(input: string): OrgCodeResult {
  const raw = String(input ?? '')
    .trim()
    .toUpperCase();
  const m = /^([0-9A-Z]{8})-?([0-9A-Z])$/.exec(raw);
  if (!m) {
    return {
      valid: false,
      code: raw,
      reasonCode: 'FORMAT',
      reason: '组织机构代码格式错误：应为8位本体代码（数字或大写字母）加1位校验码，可写作 XXXXXXXX-X',
    };
  }
  const [, body, check] = m;
  const expected = orgCodeCheckChar(body) as string;
  const code = `${body}-${check}`;
  if (check !== expected) {
    return {
      valid: false,
      code,
      reasonCode: 'CHECK_CHAR',
      expected,
      reason: `组织机构代码校验码错误：应为 ${expected}，实为 ${check}`,
    };
  }
  return { valid: true, code, body, checkChar: check };
}
