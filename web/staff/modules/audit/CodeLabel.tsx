import { useI18n } from '../../i18n/i18n.tsx';
import { entityLabel } from './audit-labels.ts';
import { useActionLabels } from './use-action-labels.ts';

/** An audit action or entity type: its readable name with the stable code beneath. */
export function CodeLabel({ code, kind }: { code: string; kind: 'action' | 'entity' }) {
  const { locale } = useI18n();
  const actions = useActionLabels();
  const label = kind === 'action' ? actions.get(code) : entityLabel(code, locale);
  if (!label) return <code>{code}</code>;
  return (
    <span className="mz-code-label">
      <span>{label}</span>
      <code className="mz-muted">{code}</code>
    </span>
  );
}
