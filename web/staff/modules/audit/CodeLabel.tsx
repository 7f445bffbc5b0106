import { useI18n } from '../../i18n/i18n.tsx';
import { useCaseLabels } from '../cases/case-labels.ts';
import { inTypeWords } from '../cases/handoff-terms.ts';
import { actionLabel, entityLabel } from './audit-labels.ts';
import { useCaseTypeSteps } from './use-audit.ts';

/** An audit action or entity type: its readable name with the stable code beneath. */
export function CodeLabel({ code, kind }: { code: string; kind: 'action' | 'entity' }) {
  const { locale } = useI18n();
  const types = useCaseTypeSteps();
  const labels = useCaseLabels();
  let label = kind === 'action' ? actionLabel(code, locale) : entityLabel(code, locale);
  // A case step (`<case type>.<step>`): the type and the step, in the type's own words (信访: 转送).
  const t = !label && kind === 'action' ? types?.find((x) => code.startsWith(`${x.type}.`) && x.steps[code.slice(x.type.length + 1)]) : undefined;
  if (t) {
    const step = code.slice(t.type.length + 1);
    label = `${labels.type(t.type, t.label)}${locale === 'zh-CN' ? '：' : ': '}${labels.transition(t.type, step, inTypeWords(t.type, t.steps[step]!))}`;
  }
  if (!label) return <code>{code}</code>;
  return (
    <span className="mz-code-label">
      <span>{label}</span>
      <code className="mz-muted">{code}</code>
    </span>
  );
}
