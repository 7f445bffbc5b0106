import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseLabels } from '../cases/case-labels.ts';
import { inTypeWords } from '../cases/handoff-terms.ts';
import { actionCodes, actionLabel } from './audit-labels.ts';
import { useCaseTypeSteps } from './use-audit.ts';

/**
 * Every audit action the console can name, code → label in the reader's language: the kernel's and the modules'
 * (audit-labels.ts), then each case step `<case type>.<step>` in the type's own words (信访: 转送).
 */
export function useActionLabels(): ReadonlyMap<string, string> {
  const { locale } = useI18n();
  const types = useCaseTypeSteps();
  const labels = useCaseLabels();
  return useMemo(() => {
    const out = new Map<string, string>();
    for (const code of actionCodes()) out.set(code, actionLabel(code, locale)!);
    const sep = locale === 'zh-CN' ? '：' : ': ';
    for (const x of types ?? []) {
      for (const [step, zh] of Object.entries(x.steps)) {
        const code = `${x.type}.${step}`;
        if (!out.has(code)) out.set(code, `${labels.type(x.type, x.label)}${sep}${labels.transition(x.type, step, inTypeWords(x.type, zh))}`);
      }
    }
    return out;
  }, [locale, types, labels]);
}

/** The action codes whose label or code contains the text (the search box's action branch; the server matches codes). */
export function actionsMatching(labels: ReadonlyMap<string, string>, text: string, max = 200): string[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const hits: string[] = [];
  for (const [code, label] of labels) {
    if (label.toLowerCase().includes(needle) || code.toLowerCase().includes(needle)) hits.push(code);
    if (hits.length === max) break;
  }
  return hits;
}
