import type { CaseTypePanelProps } from '../cases/type-panels.tsx';

/** Type-specific part of the case page (replace with the module's facts, parties and documents). */
export function PetitionCasePanel(_props: CaseTypePanelProps) {
  return null;
}
