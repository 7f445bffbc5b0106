/**
 * Money is kept as integer cents (分) everywhere; these turn cents into 元 for people and files and back.
 * Pure and browser-safe: the staff console imports this file as it is.
 */

/** Whole cents: amounts computed with division may carry a fraction; half a cent rounds away from zero. */
function wholeCents(cents: number): number {
  if (!Number.isFinite(cents)) throw new RangeError(`金额不是有限数 / not a finite amount of cents: ${cents}`);
  return Math.sign(cents) * Math.round(Math.abs(cents));
}

function parts(cents: number): { sign: string; whole: string; fraction: string } {
  const c = wholeCents(cents);
  const abs = Math.abs(c);
  return { sign: c < 0 ? '-' : '', whole: String(Math.floor(abs / 100)), fraction: String(abs % 100).padStart(2, '0') };
}

/** '1234.50': 元 with two decimals and no grouping — notices, decision text, CSV. */
export function yuanText(cents: number): string {
  const p = parts(cents);
  return `${p.sign}${p.whole}.${p.fraction}`;
}

/** '1,234.50': 元 grouped by thousands as zh-CN writes them — tables on screen. */
export function yuanGrouped(cents: number): string {
  const p = parts(cents);
  return `${p.sign}${p.whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${p.fraction}`;
}

/** 1234.5: 元 as a number, for spreadsheet cells formatted '0.00'. */
export function yuanNumber(cents: number): number {
  return wholeCents(cents) / 100;
}

/**
 * Cents from 元 typed by a person: a number (1234.5) or text ('1,234.50', ' 12 '); at most two decimals
 * in text. Throws RangeError for anything else, so a form can say which field is wrong.
 */
export function centsFromYuan(yuan: number | string): number {
  if (typeof yuan === 'number') return wholeCents(yuan * 100);
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(yuan.trim().replace(/,/g, ''));
  if (!m) throw new RangeError(`金额格式应为元，最多两位小数 / not an amount in yuan: ${yuan}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] && cents ? -cents : cents;
}
