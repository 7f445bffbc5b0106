import type { AreaLevel } from '../../platform/db/tables/areas.ts';

/**
 * The level a code's shape implies: 6 digits → 自治区/市/县 by trailing zeros (GB/T 2260),
 * 9 → 乡 and 12 → 村(社区) (NBS statistical division codes). Null if malformed.
 */
export function levelOfCode(code: string): AreaLevel | null {
  if (/^\d{12}$/.test(code)) return 5;
  if (/^\d{9}$/.test(code)) return 4;
  if (!/^\d{6}$/.test(code)) return null;
  if (code.endsWith('0000')) return 1;
  if (code.endsWith('00')) return 2;
  return 3;
}

/** Why a child code cannot sit under the parent, or null if it can. */
export function parentMismatch(code: string, level: AreaLevel, parent: { code: string; level: number } | null): string | null {
  if (level === 1) return parent ? '省级区划不能有上级' : null;
  if (!parent) return '缺少上级区划';
  if (parent.level !== level - 1) return `上级区划 ${parent.code} 的层级与本级不衔接`;
  const prefix = level === 2 ? parent.code.slice(0, 2) : level === 3 ? parent.code.slice(0, 4) : parent.code;
  if (!code.startsWith(prefix)) return `代码 ${code} 与上级区划 ${parent.code} 不一致（应以 ${prefix} 开头）`;
  return null;
}

export function childPath(parentPath: string | null, code: string): string {
  return parentPath ? `${parentPath}.${code}` : code;
}
