import { Suspense } from 'react';
import { Skeleton } from 'antd';
import type { CaseDetail } from '../../shared/api-types.ts';
import { WEB_MODULES } from '../index.ts';
import type { CaseRun } from './use-case.ts';

/** What a module shows above the deadlines of its own case type (facts, parties, drafts …), in its own chunk. */
export type CaseTypePanelProps = { c: CaseDetail; run: CaseRun };

/** The panel of a case type, from the module that owns the type (its manifest's `caseTypes`). */
const panelFor = (type: string) => WEB_MODULES.map((m) => m.caseTypes?.[type]?.panel).find((p) => p !== undefined);

/** A move's form values from the case, when the type's module fills them (its manifest's `caseTypes.<type>.prefill`). */
export const prefillFor = (c: CaseDetail, transition: string) =>
  WEB_MODULES.map((m) => m.caseTypes?.[c.type]?.prefill).find((p) => p !== undefined)?.(c, transition);

export function CaseTypePanel(props: CaseTypePanelProps) {
  const Panel = panelFor(props.c.type);
  if (!Panel) return null;
  return (
    <Suspense fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
      <Panel {...props} />
    </Suspense>
  );
}
