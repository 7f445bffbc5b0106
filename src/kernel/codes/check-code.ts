// Auto-detecting checker behind `minzheng codes check X…`: one Chinese summary line per code.
import { areaPath, validateAreaCode } from './area-code.ts';
import { validateOrgCode } from './org-code.ts';
import { validateResidentId } from './resident-id.ts';
import type { ResidentIdOptions, ResidentIdResult } from './resident-id.ts';
import { USCC_DEPARTMENTS, validateUscc } from './uscc.ts';
import type { UsccResult } from './uscc.ts';

export type CodeKind = 'USCC' | 'RESIDENT_ID' | 'AREA_CODE' | 'ORG_CODE' | 'UNKNOWN';

export type CheckResult = {
  /** The input as given (trimmed, inner whitespace collapsed). */
  code: string;
  kind: CodeKind;
  valid: boolean;
  /** One line of Chinese: the decoded parts when valid, "<kind label> · <reason>" when invalid. */
  summary: string;
  reasonCode?: string;
  warning?: string;
};

export type CheckOptions = Pick<ResidentIdOptions, 'today'>;

const LABELS: Record<CodeKind, string> = {
  USCC: '统一社会信用代码',
  RESIDENT_ID: '居民身份证号',
  AREA_CODE: '行政区划代码',
  ORG_CODE: '组织机构代码',
  UNKNOWN: '未知代码',
};

function invalid(code: string, kind: CodeKind, reason: string, reasonCode?: string, warning?: string): CheckResult {
  const result: CheckResult = { code, kind, valid: false, summary: `${LABELS[kind]} · ${reason}` };
  if (reasonCode) result.reasonCode = reasonCode;
  if (warning) result.warning = warning;
  return result;
}

function fromUscc(code: string, r: UsccResult): CheckResult {
  if (!r.valid) return invalid(code, 'USCC', r.reason, r.reasonCode, r.warning);
  const p = r.parts;
  const area = p.areaName ? `${p.areaCode} ${p.areaName}` : p.areaCode;
  const summary = `${LABELS.USCC} · ${p.departmentName}/${p.typeName} · 登记机关 ${area} · 组织机构代码 ${p.orgCode}`;
  return { code, kind: 'USCC', valid: true, summary };
}

function fromResidentId(code: string, r: ResidentIdResult, alsoUscc = false): CheckResult {
  if (!r.valid) return invalid(code, 'RESIDENT_ID', r.reason, r.reasonCode);
  const p = r.parts;
  const area = validateAreaCode(p.areaCode);
  const place = area.valid ? areaPath(area) : '';
  const segments = [
    p.legacy ? `${LABELS.RESIDENT_ID}（15位旧号）` : LABELS.RESIDENT_ID,
    place ? `${p.areaCode} ${place}` : p.areaCode,
    `出生 ${p.birthDate}`,
    p.sex,
    `${p.age}岁`,
  ];
  if (p.upgradedId) segments.push(`18位号码 ${p.upgradedId}`);
  if (alsoUscc) segments.push('亦符合统一社会信用代码校验规则');
  return { code, kind: 'RESIDENT_ID', valid: true, summary: segments.join(' · ') };
}

/** 18 all-digit chars (optionally ending in X) can be either a resident ID or a USCC. */
function resolveEighteenDigits(code: string, upper: string, options: CheckOptions): CheckResult {
  const asId = validateResidentId(upper, options);
  const asUscc = validateUscc(upper);
  if (asId.valid) return fromResidentId(code, asId, asUscc.valid);
  if (asUscc.valid) return fromUscc(code, asUscc);
  // Neither validates: guess from structure, preferring the ID when a birth date is visible.
  const looksLikeId = asId.reasonCode === 'CHECK_CHAR' || /^\d{6}(18|19|20)\d{2}(0[1-9]|1[0-2])/.test(upper);
  if (looksLikeId || !USCC_DEPARTMENTS[upper[0]]) return fromResidentId(code, asId);
  return fromUscc(code, asUscc);
}

/** Detects the kind of code and validates it. */
export function checkCode(input: string, options: CheckOptions = {}): CheckResult {
  const code = String(input ?? '')
    .trim()
    .replace(/\s+/g, ' ');
  const upper = code.toUpperCase();
  if (/^\d{6}$/.test(upper)) {
    const r = validateAreaCode(upper);
    if (!r.valid) return invalid(code, 'AREA_CODE', r.reason, r.reasonCode);
    const name = areaPath(r);
    const segments = [LABELS.AREA_CODE, r.level, name ? `${r.code} ${name}` : r.code];
    if (r.note) segments.push(r.note);
    return { code, kind: 'AREA_CODE', valid: true, summary: segments.join(' · ') };
  }
  if (/^\d{15}$/.test(upper)) return fromResidentId(code, validateResidentId(upper, options));
  if (upper.length === 18) {
    if (/^\d{17}[\dX]$/.test(upper)) return resolveEighteenDigits(code, upper, options);
    return fromUscc(code, validateUscc(upper));
  }
  if (/^[0-9A-Z]{8}-?[0-9A-Z]$/.test(upper)) {
    const r = validateOrgCode(upper);
    if (!r.valid) return invalid(code, 'ORG_CODE', r.reason, r.reasonCode);
    return { code, kind: 'ORG_CODE', valid: true, summary: `${LABELS.ORG_CODE} · ${r.code}` };
  }
  return invalid(code, 'UNKNOWN', `无法识别的代码（${code.length}位）：支持18位统一社会信用代码、18/15位身份证号、6位行政区划代码、9位组织机构代码`);
}

/** CLI line: "<code>\tvalid\t<summary>" or "<code>\tinvalid\t<summary with reason>". */
export function formatCheckLine(result: CheckResult): string {
  return `${result.code}\t${result.valid ? 'valid' : 'invalid'}\t${result.summary}`;
}
