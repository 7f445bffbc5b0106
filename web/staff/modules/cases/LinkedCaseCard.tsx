import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCaseLabels } from './case-labels.ts';

/** A case fact naming another case (a hand-over between modules), as the server's `caseLink` gives it. */
export type CaseLinkFact = { id: string; refNo: string; type: string; typeLabel: string; state: string; stateLabel: string };

/** The fact as a link, when it is one. */
export const caseLinkFact = (v: unknown): CaseLinkFact | null =>
  v && typeof v === 'object' && typeof (v as CaseLinkFact).id === 'string' && typeof (v as CaseLinkFact).refNo === 'string' ? (v as CaseLinkFact) : null;

/** The other case of a hand-over: its reference (a link to its page), type and state, and what the hand-over means. */
export function LinkedCaseCard({ title, link, note, testId }: { title: string; link: CaseLinkFact; note: string; testId: string }) {
  const labels = useCaseLabels();
  return (
    <Card className="mz-card" size="small" title={title} data-testid={testId} style={{ marginBottom: 12 }}>
      <p style={{ margin: 0 }}>
        <Link to={`/cases/${link.id}`} className="mz-mono">
          {link.refNo}
        </Link>{' '}
        {labels.type(link.type, link.typeLabel)} <Tag>{labels.state(link.type, link.state, link.stateLabel)}</Tag>
      </p>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {note}
      </Typography.Paragraph>
    </Card>
  );
}
