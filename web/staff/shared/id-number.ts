/**
 * 公民身份号码 check in the browser (GB 11643-1999: 6-digit area, birth date YYYYMMDD, 3-digit
 * sequence, ISO 7064 MOD 11-2 check character). The server validates again (kernel/codes); this
 * only spares the clerk a round trip. Returns the Chinese problem, or null when the number is fine.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function realDate(y: number, m: number, d: number) {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export function idNumberProblem(input: string, today: string = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)): string | null {
  const id = input.trim().toUpperCase();
  if (!id) return null;
  if (/^\d{15}$/.test(id)) {
    const [y, m, d] = [1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12))];
    return realDate(y, m, d) ? null : '身份证号中的出生日期不存在';
  }
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号应为 18 位(最后一位可为 X)';
  if (!/^[1-9]\d{5}$/.test(id.slice(0, 6))) return '身份证号前 6 位地址码不正确';
  const [y, m, d] = [Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))];
  if (!realDate(y, m, d)) return '身份证号中的出生日期不存在';
  const birth = id.slice(6, 10) + '-' + id.slice(10, 12) + '-' + id.slice(12, 14);
  if (birth > today) return '身份证号中的出生日期晚于今天';
  if (y < 1900) return '身份证号中的出生日期早于 1900 年';
  const expected = idCheckChar(id.slice(0, 17));
  if (expected !== id[17]) return `身份证号校验码不正确(最后一位应为 ${expected})`;
  return null;
}
