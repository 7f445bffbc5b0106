import { useT } from '../../i18n/i18n.tsx';
import type { CaseTypePanelProps } from '../cases/type-panels.tsx';
import { LinkedCaseCard, caseLinkFact } from '../cases/LinkedCaseCard.tsx';

/** 成立登记 taken at the 政务服务大厅: the hall's application it came from, linked. */
export function EstablishCasePanel({ c }: CaseTypePanelProps) {
  const t = useT();
  const origin = caseLinkFact(c.data?.origin);
  return origin ? <LinkedCaseCard title={t('orgs.origin.title')} link={origin} note={t('orgs.origin.note')} testId="orgs-origin-case" /> : null;
}
