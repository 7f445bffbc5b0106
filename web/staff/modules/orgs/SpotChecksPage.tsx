import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { NextStepNote } from '../../shared/NextStepNote.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { orgsApi } from './api.ts';
import { SpotItemsPanel } from './SpotItemsPanel.tsx';
import { SpotPoolField, poolInput, type PoolValues } from './SpotPoolField.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

type Values = PoolValues & { kind: 'plan' | 'adhoc'; title: string; percent?: number; count?: number; perTeam: number };

/** 双随机一公开: a new spot check (commitment published), the authority's spot checks, draw and seed reveal. */
export function SpotChecksPage() {
  const t = useT();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<{ at: 'form' | 'detail'; text: string } | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'plan';
  const list = useQuery({ queryKey: ['orgs', 'spot-checks'], queryFn: orgsApi.spotChecks });
  const detail = useQuery({ queryKey: ['orgs', 'spot-check', selected], queryFn: () => orgsApi.spotCheck(selected!), enabled: !!selected });
  const refresh = () => qc.invalidateQueries({ queryKey: ['orgs'] });
  const onError = (at: 'form' | 'detail') => (e: Error) => setError({ at, text: e.message });
  const errorAt = (at: 'form' | 'detail') =>
    error?.at === at ? (
      <Alert type="error" showIcon message={error.text} closable onClose={() => setError(null)} style={{ marginTop: 12 }} role="alert" />
    ) : null;
  const commit = useMutation({
    mutationFn: (v: Values) =>
      orgsApi.commitSpotCheck({
        kind: v.kind,
        year: new Date().getFullYear(),
        title: v.title,
        ratio: v.kind === 'plan' ? (v.percent ?? 0) / 100 : null,
        count: v.kind === 'adhoc' ? v.count : null,
        perTeam: v.perTeam,
        inspectors: poolInput(v),
      }),
    onSuccess: (r) => {
      setError(null);
      setSelected(r.id);
      void refresh();
    },
    onError: onError('form'),
  });
  const draw = useMutation({
    mutationFn: (id: string) => orgsApi.drawSpotCheck(id),
    onSuccess: () => (setError(null), void refresh()),
    onError: onError('detail'),
  });
  const reveal = useMutation({
    mutationFn: (id: string) => orgsApi.revealSpotCheck(id),
    onSuccess: () => (setError(null), void refresh()),
    onError: onError('detail'),
  });
  const d = detail.data;
  return (
    <div className="mz-page" data-testid="spot-checks-page">
      <PageHeader title={t('orgs.nav.spot')} desc={t('orgs.spot.desc')} />
      <Card className="mz-card" title={t('orgs.spot.new')}>
        <Form form={form} layout="vertical" initialValues={{ kind: 'plan', perTeam: 2 }} onFinish={(v) => commit.mutate(v)} style={{ maxWidth: 640 }}>
          <Form.Item name="kind" label={t('orgs.spot.kind')}>
            <Segmented
              options={[
                { value: 'plan', label: t('orgs.spot.plan') },
                { value: 'adhoc', label: t('orgs.spot.adhoc') },
              ]}
            />
          </Form.Item>
          <Form.Item name="title" label={t('orgs.spot.title')} rules={[{ required: true, message: t('orgs.spot.title') }]}>
            <Input maxLength={200} />
          </Form.Item>
          {kind === 'plan' ? (
            <Form.Item
              name="percent"
              label={t('orgs.spot.percent')}
              extra={t('orgs.spot.minimum')}
              rules={[{ required: true, message: t('orgs.spot.percent') }]}
            >
              <InputNumber min={0.1} max={100} step={0.5} addonAfter="%" />
            </Form.Item>
          ) : (
            <Form.Item name="count" label={t('orgs.spot.count')} rules={[{ required: true, message: t('orgs.spot.count') }]}>
              <InputNumber min={1} />
            </Form.Item>
          )}
          <Form.Item name="perTeam" label={t('orgs.spot.perTeam')}>
            <InputNumber min={2} max={10} />
          </Form.Item>
          <SpotPoolField form={form} />
          <Button type="primary" htmlType="submit" loading={commit.isPending} data-testid="spot-commit">
            {t('orgs.spot.commit')}
          </Button>
          {errorAt('form')}
        </Form>
      </Card>
      <Card className="mz-card" title={t('orgs.spot.list')}>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable
            size="small"
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            pagination={false}
            scroll={{ x: 700 }}
            onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
            rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('orgs.spot.title'), dataIndex: 'title' },
              { title: t('orgs.col.authority'), dataIndex: 'authority' },
              { title: t('orgs.spot.size'), dataIndex: 'sampleSize', width: 90 },
              { title: t('orgs.spot.committedOn'), dataIndex: 'committedOn', width: 120 },
              { title: t('orgs.spot.drawnOn'), dataIndex: 'drawnOn', width: 120, render: (x: string | null) => x ?? '—' },
              { title: t('orgs.spot.revealedOn'), dataIndex: 'revealedOn', width: 120, render: (x: string | null) => x ?? '—' },
            ]}
          />
        )}
      </Card>
      {d && (
        <Card className="mz-card" title={d.title} data-testid="spot-check-detail">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('orgs.spot.commitment')}>
              <span className="mz-mono" data-testid="spot-commitment">
                {d.commitment}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('orgs.spot.population')}>{d.populationSize}</Descriptions.Item>
            <Descriptions.Item label={t('orgs.spot.seed')}>{d.seed ? <span className="mz-mono">{d.seed}</span> : '—'}</Descriptions.Item>
          </Descriptions>
          <NextStepNote step={spotNextStep(d, t)} />
          <Space style={{ margin: '12px 0' }} wrap>
            <Button
              type={d.drawnOn ? 'default' : 'primary'}
              disabled={!!d.drawnOn}
              loading={draw.isPending}
              onClick={() => draw.mutate(d.id)}
              data-testid="spot-draw"
            >
              {t('orgs.spot.draw')}
            </Button>
            <Button
              type={d.drawnOn && !d.revealedOn ? 'primary' : 'default'}
              disabled={!d.drawnOn || !!d.revealedOn}
              loading={reveal.isPending}
              onClick={() => reveal.mutate(d.id)}
              data-testid="spot-reveal"
            >
              {t('orgs.spot.reveal')}
            </Button>
            <a href={`/portal/orgs/spot-check.html?id=${d.id}`} target="_blank" rel="noreferrer">
              {t('orgs.spot.portal')}
            </a>
          </Space>
          {errorAt('detail')}
          {d.drawnOn ? (
            <>
              <p data-testid="spot-results">{t('orgs.spot.results', d.results)}</p>
              <SpotItemsPanel spotCheckId={d.id} />
            </>
          ) : null}
        </Card>
      )}
    </div>
  );
}

/** The spot check's next move, as a case page words it: 抽取, then 公布种子, then the inspections one by one. */
function spotNextStep(d: Awaited<ReturnType<typeof orgsApi.spotCheck>>, t: ReturnType<typeof useT>) {
  const who = d.authority;
  if (!d.drawnOn) return { text: t('orgs.spot.next.draw', { who }), mine: true };
  if (!d.revealedOn) return { text: t('orgs.spot.next.reveal', { who }), mine: true };
  if (d.results.inspected < d.results.drawn) return { text: t('orgs.spot.next.inspect', { who, ...d.results }), mine: true };
  return null;
}
