import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Tag } from 'antd';
import { useParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import type { CaseDetail } from '../../shared/api-types.ts';
import { DueCell } from '../../shared/clock.tsx';
import { formatDateTime } from '../../shared/format.ts';
import { QueryError } from '../../shared/QueryError.tsx';
import { useFieldLabel } from '../../shared/SchemaFields.tsx';
import { useCaseTypes } from '../worklist/use-worklist.ts';
import { CaseActionBar } from './CaseActionBar.tsx';
import { AttachmentsCard, CommentsCard, SupervisionCard } from './CaseSideCards.tsx';
import { CaseTimeline, HandoffChain } from './CaseTimeline.tsx';
import { DeadlinesPanel } from './DeadlinesPanel.tsx';
import { DocumentsCard } from './DocumentsCard.tsx';
import { CaseTypePanel } from './type-panels.tsx';
import { useCase, useCaseRunner } from './use-case.ts';
import { useCaseLabels } from './case-labels.ts';

/** 案件办理页: header, 办理 actions, deadlines, history, transfer chain, documents (文书), attachments, comments. */
export function CasePage() {
  const t = useT();
  const { id = '' } = useParams();
  const q = useCase(id);
  const { run, conflict, refresh } = useCaseRunner(id);

  if (q.isPending)
    return (
      <div className="mz-page">
        <Card className="mz-card">
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      </div>
    );
  if (q.isError)
    return (
      <div className="mz-page">
        <QueryError error={q.error} onRetry={() => q.refetch()} />
      </div>
    );
  const c = q.data;

  return (
    <div className="mz-page mz-case" data-testid="case-page">
      <Card className="mz-card mz-case-head" variant="borderless">
        <CaseHeader c={c} />
        {conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            className="mz-banner mz-gap"
            title={conflict}
            action={
              <Button size="small" type="primary" icon={<ReloadOutlined />} onClick={refresh}>
                {t('case.refresh')}
              </Button>
            }
          />
        )}
        <CaseActionBar c={c} run={run} />
      </Card>
      <Row gutter={[16, 16]} className="mz-gap">
        <Col xs={24} xl={16}>
          <CaseTypePanel c={c} run={run} />
          <DeadlinesPanel c={c} run={run} />
          <div className="mz-gap" />
          <CaseTimeline c={c} />
        </Col>
        <Col xs={24} xl={8} className="mz-case-side">
          <HandoffChain c={c} />
          <SupervisionCard c={c} />
          <DocumentsCard c={c} />
          <AttachmentsCard c={c} run={run} />
          <CommentsCard c={c} run={run} />
        </Col>
      </Row>
    </div>
  );
}

function CaseHeader({ c }: { c: CaseDetail }) {
  const t = useT();
  const labels = useCaseLabels();
  const types = useCaseTypes();
  const label = useFieldLabel();
  const props = types.data?.find((x) => x.type === c.type)?.createSchema?.properties ?? {};
  const data = Object.entries(c.data ?? {}).filter(([, v]) => v !== null && v !== undefined && v !== '' && typeof v !== 'object');
  return (
    <header className="mz-case-header">
      <div className="mz-case-ref">
        <span className="mz-mono" data-testid="case-ref">
          {c.refNo}
        </span>
        <Tag>{labels.type(c.type, c.typeLabel)}</Tag>
      </div>
      <div className="mz-case-titleline">
        <h1 className="mz-case-title">{c.title}</h1>
        <div className="mz-case-tags">
          <Tag color={c.terminal ? 'green' : 'blue'} className="mz-state-tag" data-testid="case-state">
            {labels.state(c.type, c.state, c.stateLabel)}
          </Tag>
          {c.pendingHandoff && <Tag color="gold">{t('wl.pendingHandoff')}</Tag>}
          {!c.terminal && c.clockState && (
            <span className="mz-due">
              <span className="mz-due-label">{t('case.nearestDue')}</span>
              <DueCell dueDate={c.dueDate} clockState={c.clockState} />
            </span>
          )}
        </div>
      </div>
      <Descriptions
        size="small"
        className="mz-case-facts"
        column={{ xs: 1, sm: 2, lg: 3, xxl: 4 }}
        items={[
          { key: 'org', label: t('case.org'), children: c.orgUnitName ?? '—' },
          { key: 'created', label: t('case.createdAt'), children: formatDateTime(c.createdAt) },
          { key: 'updated', label: t('case.updatedAt'), children: formatDateTime(c.updatedAt) },
          { key: 'version', label: t('case.version'), children: <span data-testid="case-version">v{c.version}</span> },
          ...(c.supervisingOrgName ? [{ key: 'sup', label: t('case.supervisingOrg'), children: c.supervisingOrgName }] : []),
          ...(c.closedAt ? [{ key: 'closed', label: t('case.closedAt'), children: formatDateTime(c.closedAt) }] : []),
          ...data.map(([k, v]) => ({
            key: `d:${k}`,
            label: label(k, props[k]),
            children: typeof v === 'boolean' ? t(v ? 'common.yes' : 'common.no') : String(v),
          })),
        ]}
      />
    </header>
  );
}
