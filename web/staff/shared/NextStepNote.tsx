import { Tag } from 'antd';
import { useT } from '../i18n/i18n.tsx';

/** 下一步: 「待 王志强（分管领导/负责人） 审批」 and a 「轮到您」 tag — the case page's line, shared by module registers. */
export function NextStepNote({ step }: { step: { text: string; mine: boolean } | null | undefined }) {
  const t = useT();
  if (!step) return null;
  return (
    <div className="mz-next-step" data-testid="next-step">
      <span className="mz-action-label">{t('case.nextStep')}</span>
      <span className="mz-next-step-text">{step.text}</span>
      {step.mine && <Tag color="blue">{t('case.nextStepMine')}</Tag>}
    </div>
  );
}
