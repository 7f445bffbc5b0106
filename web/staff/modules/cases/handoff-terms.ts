import { WEB_MODULES } from '../index.ts';

/**
 * The law's own words for the hand-offs of a case type (a module's manifest names them, e.g.
 * 转送 for 转办). Only the Chinese wording changes.
 */
export const handoffTerms = (type: string) => WEB_MODULES.map((m) => m.caseTypes?.[type]?.handoffTerms).find((h) => h !== undefined);

/** A kernel text in the type's words: 转办 → 转送 for 信访. */
export function inTypeWords(type: string, text: string): string {
  const word = handoffTerms(type)?.transfer;
  return word ? text.replaceAll('转办', word) : text;
}
