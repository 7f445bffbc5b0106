// 统一社会信用代码 (GB 32100-2015): dept(1) + type(1) + area(6) + 组织机构代码(9) + MOD 31-3 check char.
import { areaPath, validateAreaCode } from './area-code.ts';
import { formatOrgCode, orgCodeCheckChar } from './org-code.ts';

/** 31 symbols; value = index. I, O, S, V, Z are never used. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORBIDDEN = /[IOSVZ]/;

export type UsccDepartment = { readonly name: string; readonly types: Readonly<Record<string, string>> };

/** 登记管理部门代码 → 机构类别代码 table (regulations.md §3.1). */
export const USCC_DEPARTMENTS: Readonly<Record<string, UsccDepartment>> = Object.freeze({
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常住新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
});

/** Area code used by central (national-level) registering authorities, e.g. 民政部 53100000…. */
const NATIONAL_AREA = '100000';

export type UsccReasonCode = 'FORMAT' | 'DEPT_TYPE' | 'AREA_CODE' | 'CHECK_CHAR' | 'ORG_CODE_CHECK';

export type UsccParts = {
  departmentCode: string;
  departmentName: string;
  typeCode: string;
  typeName: string;
  areaCode: string;
  /** e.g. "宁夏回族自治区 石嘴山市 平罗县"; "国家级" for 100000; absent when unknown. */
  areaName?: string;
  /** Display form "XXXXXXXX-X". */
  orgCode: string;
  checkChar: string;
};

export type UsccResult =
  | { valid: true; code: string; parts: UsccParts }
  | { valid: false; code: string; reason: string; reasonCode: UsccReasonCode; expected?: string; warning?: string };

/** MOD 31-3 check char for the first 17 chars; null when any char is outside the charset. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Early Fujian pilot codes ("9135xxxxM0001…", issued before 2016) may legitimately fail the check. */
function looksLikeFujianPilot(code: string): boolean {
  return /^9135\d{4}M0001/.test(code);
}

type Invalid = Extract<UsccResult, { valid: false }>;
const fail = (code: string, reasonCode: UsccReasonCode, reason: string, extra?: Partial<Invalid>): Invalid => ({
  valid: false,
  code,
  reasonCode,
  reason,
  ...extra,
});

/** Validates a 统一社会信用代码. Lower case input is upper-cased; surrounding spaces are ignored. */
export function validateUscc(input: string): UsccResult {
  const code = String(input ?? '')
    .trim()
    .toUpperCase();
  if (code.length !== 18) return fail(code, 'FORMAT', `统一社会信用代码应为18位，实为${code.length}位`);
  const forbidden = FORBIDDEN.exec(code);
  if (forbidden) {
    const pos = forbidden.index + 1;
    return fail(code, 'FORMAT', `第${pos}位含有字母 ${forbidden[0]}，统一社会信用代码不使用 I、O、S、V、Z`);
  }
  for (let i = 0; i < 18; i++) {
    if (!USCC_CHARSET.includes(code[i])) return fail(code, 'FORMAT', `第${i + 1}位含有非法字符“${code[i]}”`);
  }
  const areaCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(areaCode)) {
    return fail(code, 'FORMAT', `第3–8位登记管理机关行政区划码应为6位数字，实为 ${areaCode}`);
  }
  const dept = USCC_DEPARTMENTS[code[0]];
  if (!dept) return fail(code, 'DEPT_TYPE', `登记管理部门代码 ${code[0]} 无效`);
  const typeName = dept.types[code[1]];
  if (!typeName) {
    return fail(code, 'DEPT_TYPE', `机构类别代码 ${code[1]} 不属于登记管理部门“${dept.name}”(${code[0]})`);
  }
  let areaName: string | undefined = '国家级';
  if (areaCode !== NATIONAL_AREA) {
    const area = validateAreaCode(areaCode);
    if (!area.valid) return fail(code, 'AREA_CODE', `登记管理机关行政区划码 ${areaCode} 无效：${area.reason}`);
    areaName = areaPath(area) || undefined;
  }
  const expected = usccCheckChar(code.slice(0, 17)) as string;
  if (code[17] !== expected) {
    if (looksLikeFujianPilot(code)) {
      const warning = '可能是福建省早期试点代码（2016年前发放，部分不符合校验规则），请向登记机关人工核实';
      return fail(code, 'CHECK_CHAR', `校验码错误：应为 ${expected}，实为 ${code[17]};${warning}`, {
        expected,
        warning,
      });
    }
    return fail(code, 'CHECK_CHAR', `校验码错误：应为 ${expected}，实为 ${code[17]}`, { expected });
  }
  const orgExpected = orgCodeCheckChar(code.slice(8, 16)) as string;
  if (code[16] !== orgExpected) {
    return fail(code, 'ORG_CODE_CHECK', `主体标识码（组织机构代码）${formatOrgCode(code.slice(8, 17))} 校验位错误：应为 ${orgExpected}，实为 ${code[16]}`, {
      expected: orgExpected,
    });
  }
  const parts: UsccParts = {
    departmentCode: code[0],
    departmentName: dept.name,
    typeCode: code[1],
    typeName,
    areaCode,
    orgCode: formatOrgCode(code.slice(8, 17)),
    checkChar: code[17],
  };
  if (areaName) parts.areaName = areaName;
  return { valid: true, code, parts };
}
