import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Grid, InputNumber, Space, Tabs, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { remediesApi, type CoercionRow, type RemedyRow } from './remedies-api.ts';
import { RemedyModal } from './RemedyModal.tsx';
import { CoercionModal } from './CoercionModal.tsx';
import { DataTable } from '../../shared/DataTable.tsx';

const RESULT_COLOR: Record<string, string> = { 结果维持: 'green', 结果纠正: 'red', 其他结果: 'default', 尚未审结: 'orange' };

/** 行政复议、行政诉讼 register and 行政强制 decisions of the user's scope; `?id=` (from a report figure) shows one record. */
export function RemediesPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'coercion' ? 'coercion' : 'remedies';
  const id = params.get('id') ?? undefined;
  const [year, setYear] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [edit, setEdit] = useState<{ row?: RemedyRow } | null>(null);
  const [addCoercion, setAddCoercion] = useState(false);
  const q = { year, id, page };
  const remedies = useQuery({ queryKey: ['enforcement', 'remedies', q], queryFn: () => remediesApi.remedies(q), enabled: tab === 'remedies' });
  const coercions = useQuery({ queryKey: ['enforcement', 'coercions', q], queryFn: () => remediesApi.coercions(q), enabled: tab === 'coercion' });
  const refresh = () => qc.invalidateQueries({ queryKey: ['enforcement'] });
  const handle = can('enforcement.handle');
  const phone = !Grid.useBreakpoint().sm;
  const kindText = (r: RemedyRow) => (r.afterReview ? `${r.kind}（${t('enforcement.rm.afterReview')}）` : r.kind);
  const caseLink = (caseId: string | null, ref: string | null, text: string | null) =>
    caseId ? <Link to={`/cases/${caseId}`}>{ref ?? caseId}</Link> : (text ?? '—');
  const remedyColumns: TableProps<RemedyRow>['columns'] = [
    { title: t('enforcement.rm.kind'), dataIndex: 'kind', responsive: ['sm'], render: (_: string, r) => kindText(r) },
    {
      title: t('enforcement.rm.applicant'),
      dataIndex: 'applicant',
      // On a phone the kind goes under the applicant, so the date and the result stay in view.
      render: (v: string, r) => (
        <span>
          {v}
          {phone && (
            <span className="mz-muted" style={{ display: 'block' }}>
              {kindText(r)}
            </span>
          )}
        </span>
      ),
    },
    { title: t('enforcement.rm.matter'), dataIndex: 'matter', responsive: ['md'] },
    { title: t('enforcement.rm.decision'), key: 'decision', responsive: ['md'], render: (_, r) => caseLink(r.decisionCaseId, r.decisionRefNo, r.decisionText) },
    { title: t('enforcement.rm.org'), dataIndex: 'org', responsive: ['lg'] },
    { title: t('enforcement.rm.body'), dataIndex: 'body', responsive: ['lg'] },
    { title: t('enforcement.rm.acceptedOn'), dataIndex: 'acceptedOn' },
    {
      title: t('enforcement.rm.result'),
      dataIndex: 'result',
      render: (v: string, r) => (
        <span>
          <Tag color={RESULT_COLOR[v]}>{v}</Tag>
          {r.resultOn && (
            <span className="mz-muted" style={{ display: 'inline-block' }}>
              {r.resultOn}
            </span>
          )}
        </span>
      ),
    },
    ...(handle
      ? [
          {
            title: '',
            key: 'edit',
            render: (_: unknown, r: RemedyRow) => (
              <Button size="small" onClick={() => setEdit({ row: r })} data-testid="remedy-edit">
                {t('enforcement.rm.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const coercionColumns: TableProps<CoercionRow>['columns'] = [
    { title: t('enforcement.k.party'), dataIndex: 'party' },
    { title: t('enforcement.k.measure'), dataIndex: 'measure' },
    { title: t('enforcement.k.object'), dataIndex: 'object', responsive: ['md'] },
    { title: t('enforcement.k.basis'), dataIndex: 'basis', responsive: ['lg'] },
    { title: t('enforcement.k.documentNo'), dataIndex: 'documentNo', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    { title: t('enforcement.rm.org'), dataIndex: 'org', responsive: ['lg'] },
    { title: t('enforcement.k.decidedOn'), dataIndex: 'decidedOn' },
    { title: t('enforcement.c.ref'), key: 'case', responsive: ['md'], render: (_, r) => caseLink(r.penaltyCaseId, r.penaltyRefNo, null) },
  ];
  const list = tab === 'remedies' ? remedies : coercions;
  const pagination = { current: page, pageSize: 20, total: list.data?.total, onChange: setPage };
  return (
    <div className="mz-page mz-enf" data-testid="enforcement-remedies-page">
      <PageHeader
        title={t('enforcement.nav.remedies')}
        desc={t('enforcement.rm.desc')}
        extra={
          handle &&
          (tab === 'remedies' ? (
            <Button type="primary" onClick={() => setEdit({})} data-testid="remedy-add">
              {t('enforcement.rm.add')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => setAddCoercion(true)} data-testid="coercion-add">
              {t('enforcement.rm.addCoercion')}
            </Button>
          ))
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setPage(1);
          setParams(k === 'coercion' ? { tab: 'coercion' } : {});
        }}
        items={[
          { key: 'remedies', label: t('enforcement.rm.tabRemedies') },
          { key: 'coercion', label: t('enforcement.rm.tabCoercions') },
        ]}
      />
      <Card className="mz-card" style={{ marginBottom: 12 }}>
        <Space wrap>
          <InputNumber
            aria-label={t('enforcement.rm.year')}
            addonBefore={t('enforcement.rm.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => (setYear(v ?? undefined), setPage(1))}
          />
          {id && <Button onClick={() => setParams(tab === 'coercion' ? { tab } : {})}>{t('enforcement.rm.showAll')}</Button>}
        </Space>
      </Card>
      {list.error && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      {tab === 'remedies' ? (
        <DataTable
          rowKey="id"
          size="middle"
          columns={remedyColumns}
          dataSource={remedies.data?.items}
          loading={remedies.isLoading}
          scroll={{ x: 'max-content' }}
          pagination={pagination}
        />
      ) : (
        <DataTable
          rowKey="id"
          size="middle"
          columns={coercionColumns}
          dataSource={coercions.data?.items}
          loading={coercions.isLoading}
          scroll={{ x: 'max-content' }}
          pagination={pagination}
        />
      )}
      {edit && <RemedyModal open row={edit.row} onClose={() => setEdit(null)} onDone={refresh} />}
      <CoercionModal open={addCoercion} onClose={() => setAddCoercion(false)} onDone={refresh} />
    </div>
  );
}
