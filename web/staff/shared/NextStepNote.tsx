import { Tag } from 'antd';
import { useT } from '../i18n/i18n.tsx';

type Step = { text: string; mine: boolean; onBehalf?: boolean };

/**
 * 下一步: 「待 王志强（分管领导/负责人） 审批」 and a 「由您办理」 tag — the case page's line, shared by module registers.
 * When nobody at the holding unit holds the step's permission and the reader (a unit above) may take it, the line says so
 * instead of the tag. `compact`: the one-line hint of a list row.
 */
export function NextStepNote({ step, compact }: { step: Step | null | undefined; compact?: boolean }) {
  const t = useT();
  if (!step) return null;
  const yours = step.onBehalf ? (
    <span className="mz-next-step-behalf">{t('case.nextStepOnBehalf')}</span>
  ) : (
    step.mine && (
      <Tag color="blue" style={compact ? { marginInlineStart: 4 } : undefined}>
        {t('case.nextStepMine')}
      </Tag>
    )
  );
  if (compact)
    return (
      <div className="mz-next-step-hint" data-testid="next-step-hint">
        {t('case.nextStepHint', { text: step.text })}
        {yours}
      </div>
    );
  return (
    <div className="mz-next-step" data-testid="next-step">
      <span className="mz-action-label">{t('case.nextStep')}</span>
      <span className="mz-next-step-text">
        {step.text}
        {step.onBehalf && yours}
      </span>
      {!step.onBehalf && yours}
    </div>
  );
}
