import { WEB_MODULES } from '../index.ts';
import type { CaseLabelsEn } from '../../app/web-module.ts';

/** Each case type's English labels, once loaded with the console's English (loadCaseLabelsEn, from loadEnUS). */
const english = new Map<string, CaseLabelsEn>();
export const englishOf = (type: string): CaseLabelsEn | undefined => english.get(type);

/** Fetches every module's English case labels (a chunk each); the console switches to English after they are here. */
export async function loadCaseLabelsEn(): Promise<void> {
  const types = WEB_MODULES.flatMap((m) => Object.entries((m.caseTypes ?? {}) as Record<string, { english?: () => Promise<CaseLabelsEn> }>));
  const loaded = await Promise.all(types.map(async ([type, c]) => [type, await c.english?.()] as const));
  for (const [type, labels] of loaded) if (labels) english.set(type, labels);
}
