import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { enforcementApi } from './api.ts';
import { TipoffSteps } from './TipoffSteps.tsx';
import './enforcement.css';

/** One 举报: what was reported, 核查, the outcome and the 答复; the informant only on request (audited). */
export function TipoffPage() {
  const t = useT();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: ['enforcement', 'tipoffs', id], queryFn: () => enforcementApi.tipoff(id) });
  const [informant, setInformant] = useState<{ name: string | null; phone: string | null } | string | null>(null);
  const d = q.data;
  const reveal = async () => {
    try {
      setInformant(await enforcementApi.informant(id));
    } catch (e) {
      setInformant(e instanceof ApiError ? e.title : String(e));
    }
  };
  return (
    <div className="mz-page mz-enf" data-testid="enforcement-tipoff-page">
      <PageHeader title={d ? `${t('enforcement.t.one')} ${d.refNo}` : t('enforcement.t.one')} desc={d?.reportedParty} />
      {q.error && <QueryError error={q.error} />}
      {d && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card className="mz-card">
            <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="tipoff-facts">
              <Descriptions.Item label={t('enforcement.c.state')}>
                <Tag color={d.state === 'closed' ? 'green' : 'blue'}>{d.stateLabel}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('enforcement.c.org')}>{d.org}</Descriptions.Item>
              <Descriptions.Item label={t('enforcement.t.channel')}>{d.channel}</Descriptions.Item>
              <Descriptions.Item label={t('enforcement.t.received')}>{d.receivedOn}</Descriptions.Item>
              <Descriptions.Item label={t('enforcement.t.due')}>
                {d.replyDue}
                {d.overdue && (
                  <Tag color="red" style={{ marginLeft: 8 }}>
                    {t('enforcement.t.late')}
                  </Tag>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('enforcement.f.partyCode')}>{d.reportedPartyCode ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('enforcement.t.content')} span={2}>
                <span className="mz-pre">{d.content}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('enforcement.t.informant')} span={2}>
                {d.anonymous ? (
                  t('enforcement.t.anonymous')
                ) : informant && typeof informant === 'object' ? (
                  <span data-testid="informant">{`${informant.name ?? '—'}　${informant.phone ?? '—'}`}</span>
                ) : d.canReveal ? (
                  <Button size="small" onClick={reveal} data-testid="reveal-informant">
                    {t('enforcement.t.reveal')}
                  </Button>
                ) : (
                  t('enforcement.t.hidden')
                )}
                {typeof informant === 'string' && <Alert type="error" message={informant} role="alert" />}
              </Descriptions.Item>
              {d.findings && (
                <Descriptions.Item label={`${t('enforcement.t.findings')}（${d.verifiedOn}，${d.verifiedBy ?? ''}）`} span={2}>
                  <span className="mz-pre">{d.findings}</span>
                </Descriptions.Item>
              )}
              {d.outcome && (
                <Descriptions.Item label={`${t('enforcement.t.outcome')}（${d.decidedOn}）`} span={2}>
                  <b>{d.outcome}</b>　{d.outcomeReason}
                  {d.caseId && (
                    <>
                      　<Link to={`/cases/${d.caseId}`}>{d.caseRefNo}</Link>
                    </>
                  )}
                </Descriptions.Item>
              )}
              {d.reply && (
                <Descriptions.Item label={`${t('enforcement.t.reply')}（${d.repliedOn}）`} span={2}>
                  <span className="mz-pre">{d.reply}</span>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <TipoffSteps d={d} />
        </Space>
      )}
    </div>
  );
}
