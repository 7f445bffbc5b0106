import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Skeleton } from 'antd';
import type { CaseDetail } from '../../shared/api-types.ts';
import type { CaseRun } from './use-case.ts';

/** What a module shows on the case page for its own case type (facts, parties, drafts …). */
export type CaseTypePanelProps = { c: CaseDetail; run: CaseRun };
type Panel = LazyExoticComponent<ComponentType<CaseTypePanelProps>>;

/**
 * One entry per case type; each module owns its panel file and lists it here. The panel is
 * loaded in its own chunk and rendered above the deadlines.
 */
const PANELS: Record<string, Panel> = {
  petition: lazy(() => import('../petitions/PetitionCasePanel.tsx').then((m) => ({ default: m.PetitionCasePanel }))),
  dibao: lazy(() => import('../dibao/DibaoCasePanel.tsx').then((m) => ({ default: m.DibaoCasePanel }))),
};

export function CaseTypePanel(props: CaseTypePanelProps) {
  const Panel = PANELS[props.c.type];
  if (!Panel) return null;
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
      <Panel {...props} />
    </Suspense>
  );
}
