import { validateUscc } from '../../../kernel/codes/index.ts';

/** 事项类型 (regulations.md §7.2): the national 01–10 / 20 scheme. */
export const ITEM_TYPES = {
  '01': '行政许可',
  '02': '行政处罚',
  '03': '行政强制',
  '04': '行政征收',
  '05': '行政给付',
  '06': '行政检查',
  '07': '行政确认',
  '08': '行政奖励',
  '09': '行政裁决',
  '10': '其他行政权力',
  '20': '公共服务',
} as const;
export type ItemTypeCode = keyof typeof ITEM_TYPES;
export const ITEM_TYPE_CODES = Object.keys(ITEM_TYPES) as [ItemTypeCode, ...ItemTypeCode[]];
/** Power-list types: every 行政权力 type (公共服务 is not a power). */
export const POWER_TYPE_CODES = ITEM_TYPE_CODES.filter((c) => c !== '20') as [ItemTypeCode, ...ItemTypeCode[]];

/** 行使层级 digit (regulations.md §7.3). */
export const LEVELS = { '1': '国家级', '2': '省级', '3': '市级', '4': '县级', '5': '乡镇（街道）级', '6': '村（社区）级' } as const;
export type LevelDigit = keyof typeof LEVELS;
export const LEVEL_DIGITS = Object.keys(LEVELS) as [LevelDigit, ...LevelDigit[]];
/** core.area.level (1 自治区 … 5 村) → 行使层级 digit. */
export const LEVEL_OF_AREA: Record<number, LevelDigit> = { 1: '2', 2: '3', 3: '4', 4: '5', 5: '6' };

export const ITEM_KINDS = ['主项', '子项', '业务办理项'] as const;
export const CASE_KINDS = ['即办件', '承诺件'] as const;
/** 办理深度, lowest to highest (regulations.md §7.4). */
export const DEPTHS = ['信息公开', '在线预审', '在线受理', '全程网办'] as const;

const BASE_CODE = /^\d{10}(\d{2}|\dY)$/;

/** A 12-character 基本编码: 10 digits then 2 digits, or a digit and Y (a 主项 with 子项). Null when valid. */
export function baseCodeProblem(code: string): string | null {
  if (code.length !== 12) return `基本编码应为12位，实为${code.length}位（base code must be 12 characters）`;
  if (!BASE_CODE.test(code)) return `基本编码 ${code} 格式不正确：前10位为数字，后2位为数字或“数字+Y”（base code format）`;
  return null;
}

/** The 31-character 实施编码 = office USCC (18) + level digit (1) + base code (12). */
export function implCode(uscc: string, level: LevelDigit, baseCode: string): string {
  return `${uscc}${level}${baseCode}`;
}

/** Why a 实施编码 is invalid, or null. */
export function implCodeProblem(code: string): string | null {
  if (code.length !== 31) return `实施编码应为31位，实为${code.length}位（implementation code must be 31 characters）`;
  const uscc = validateUscc(code.slice(0, 18));
  if (!uscc.valid) return `实施编码前18位不是有效的统一社会信用代码：${uscc.reason}`;
  if (!(code[18]! in LEVELS)) return `实施编码第19位行使层级应为1–6，实为“${code[18]}”`;
  return baseCodeProblem(code.slice(19));
}

/** 监管事项目录编码: 14 digits (regulations.md §8). */
export function supervisionCodeProblem(code: string): string | null {
  return /^\d{14}$/.test(code) ? null : `监管事项目录编码应为14位数字，实为“${code}”（supervision code must be 14 digits）`;
}

/** 检查实施清单编码 = USCC (18) + level digit 1–5 + the 14-digit catalogue code. */
export function inspectionCodeProblem(code: string): string | null {
  if (code.length !== 33) return `检查实施清单编码应为33位，实为${code.length}位`;
  const uscc = validateUscc(code.slice(0, 18));
  if (!uscc.valid) return `检查实施清单编码前18位不是有效的统一社会信用代码：${uscc.reason}`;
  if (!['1', '2', '3', '4', '5'].includes(code[18]!)) return `检查实施清单编码第19位行使层级应为1–5，实为“${code[18]}”`;
  return supervisionCodeProblem(code.slice(19));
}
