import { SETTING_DEFAULTS } from './contract.ts';

/** Character bigrams of a text, ignoring whitespace and punctuation (Chinese has no word breaks). */
export function bigrams(text: string): Set<string> {
  const chars = [
    ...text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]+/gu, ''),
  ];
  const out = new Set<string>();
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Jaccard similarity of the two texts' character bigrams, 0 … 1 (同事 test for 重信重访). */
export function contentSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size && !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}

/** Area level (1 自治区 … 5 村) → petition level of 《信访工作条例》 practice (乡=1 … 省=4, 国家=5). */
export function petitionLevel(areaLevel: number): number {
  return Math.max(1, 5 - Math.min(areaLevel, 4));
}

/** 越级: a visit to a body two or more levels above the competent one (第二十条: 本级或上一级). */
export function isSkipLevel(targetLevel: number, competentLevel: number): boolean {
  return targetLevel - competentLevel >= 2;
}

/**
 * The competent level for a matter concerning an area: 民政 matters are normally handled at
 * county level, so a township or village matter is competent at 县 (setting intake.competentAreaLevel).
 */
export function competentLevelFor(concernedAreaLevel: number, competentAreaLevel: number = SETTING_DEFAULTS['intake.competentAreaLevel']): number {
  return petitionLevel(Math.min(concernedAreaLevel, competentAreaLevel));
}

/** 身份证号 → 110***********1234 for lists (脱敏). */
export function maskIdNumber(id: string): string {
  return id.length <= 7 ? '*'.repeat(id.length) : id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

/** Facts about one petition that decide whether it may take the 简易办理 track. */
export type SimpleFacts = {
  /** 初次信访: no earlier petition of the same person (by 身份证号). */
  firstTime: boolean;
  /** The handler confirms 事实清楚、责任明确、争议不大. */
  factsClear: boolean;
  /** 集体访 or a joint petition (more than one person). */
  group: boolean;
  /** Flagged 重信重访 at registration. */
  repeat: boolean;
};

/**
 * 《信访事项简易办理办法（试行）》: only first-time, clear, simple individual items. Returns the
 * reasons the track is refused (empty = eligible), in Chinese, for the 409 message.
 */
export function simpleRefusals(f: SimpleFacts): string[] {
  const out: string[] = [];
  if (!f.firstTime) out.push('不是初次信访');
  if (f.repeat) out.push('属于重信重访');
  if (f.group) out.push('属于集体访或多人联名信访');
  if (!f.factsClear) out.push('事实不清楚或责任不明确');
  return out;
}

/** Calendar days from `a` to `b` (YYYY-MM-DD), negative when b is earlier. */
export function daysFrom(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
