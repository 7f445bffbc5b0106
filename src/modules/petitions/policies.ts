import { COMPETENT_AREA_LEVEL } from './contract.ts';

/** Character bigrams of a text, ignoring whitespace and punctuation (Chinese has no word breaks). */
export function bigrams(text: string): Set<string> {
  const chars = [...text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')];
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
 * county level, so a township or village matter is competent at 县 (COMPETENT_AREA_LEVEL).
 */
export function competentLevelFor(concernedAreaLevel: number, competentAreaLevel = COMPETENT_AREA_LEVEL): number {
  return petitionLevel(Math.min(concernedAreaLevel, competentAreaLevel));
}

/** 身份证号 → 110***********1234 for lists (脱敏). */
export function maskIdNumber(id: string): string {
  return id.length <= 7 ? '*'.repeat(id.length) : id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}
