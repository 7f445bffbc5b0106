import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Input, Modal, Select, Space, Table, Tag, Upload, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { PageHeader } from '../../shared/PageHeader.tsx';
import { DataTable } from '../../shared/DataTable.tsx';
import { QueryError } from '../../shared/QueryError.tsx';
import { STATION_COLUMNS } from '../../../../src/modules/community/contracts/station-columns.ts';
import { communityApi, STATION_KIND_LABEL, type StationFilters, type StationRow } from './api.ts';

type ImportResult = Awaited<ReturnType<typeof communityApi.importStations>>;

const download = (name: string, data: Blob) => {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(data);
  a.download = name;
  a.click();
  URL.revokeObjectURL(a.href);
};
const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

/** 社区服务站: counts by kind and county, the registry in scope, and the registry import. */
export function StationsPage() {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [f, setF] = useState<StationFilters>({ page: 1, pageSize: 20 });
  const [importing, setImporting] = useState(false);
  const stats = useQuery({ queryKey: ['community', 'stats', asOf], queryFn: () => communityApi.stats(asOf) });
  const list = useQuery({ queryKey: ['community', 'stations', f], queryFn: () => communityApi.stations(f) });
  const set = (patch: StationFilters) => setF((x) => ({ ...x, ...patch, page: 1 }));

  const columns: TableProps<StationRow>['columns'] = [
    { title: t('community.c.name'), dataIndex: 'name', render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
    { title: t('community.c.kind'), dataIndex: 'kindLabel', render: (v: string, r) => <Tag color={r.kind === 'urban' ? 'red' : 'green'}>{v}</Tag> },
    { title: t('community.c.county'), dataIndex: 'countyName' },
    { title: t('community.c.place'), render: (_, r) => `${r.township} · ${r.community}` },
    { title: t('community.c.area'), dataIndex: 'areaM2', align: 'right' },
    { title: t('community.c.staff'), dataIndex: 'staff', align: 'right' },
    { title: t('community.c.brand'), dataIndex: 'brand', render: (v: string | null) => v ?? '—' },
    { title: t('community.c.state'), dataIndex: 'stateLabel' },
  ];
  const counties = stats.data?.byCounty ?? [];

  return (
    <div className="mz-page" data-testid="community-stations-page">
      <PageHeader
        title={t('community.nav.stations')}
        desc={t('community.stations.desc')}
        extra={can('community.register') && <Button onClick={() => setImporting(true)}>{t('community.import')}</Button>}
      />
      <Card
        className="mz-card"
        title={t('community.stats.title')}
        extra={
          <DatePicker
            aria-label={t('community.stats.asOf')}
            placeholder={t('community.stats.asOf')}
            onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
          />
        }
      >
        {stats.isError ? (
          <QueryError error={stats.error} onRetry={() => stats.refetch()} />
        ) : (
          <Table
            rowKey="code"
            size="small"
            loading={stats.isPending}
            pagination={false}
            dataSource={counties}
            columns={[
              { title: t('community.c.county'), dataIndex: 'name' },
              { title: t('community.c.urban'), dataIndex: 'urban', align: 'right' },
              { title: t('community.c.rural'), dataIndex: 'rural', align: 'right' },
              { title: t('community.c.total'), dataIndex: 'total', align: 'right' },
              { title: t('community.c.area'), dataIndex: 'areaM2', align: 'right' },
            ]}
            summary={() =>
              stats.data && (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong data-testid="station-total">
                      {t('community.c.total')}（{stats.data.asOf}）
                    </strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {stats.data.totals.urban}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {stats.data.totals.rural}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <strong>{stats.data.totals.total}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">
                    {stats.data.totals.areaM2}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )
            }
          />
        )}
      </Card>
      <Card className="mz-card">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            allowClear
            aria-label={t('community.c.kind')}
            placeholder={t('community.c.kind')}
            style={{ width: 140 }}
            options={Object.entries(STATION_KIND_LABEL).map(([value, label]) => ({ value, label }))}
            onChange={(v) => set({ kind: v })}
          />
          <Select
            allowClear
            aria-label={t('community.c.county')}
            placeholder={t('community.c.county')}
            style={{ width: 160 }}
            options={counties.map((c) => ({ value: c.code, label: c.name }))}
            onChange={(v) => set({ county: v })}
          />
          <Input.Search
            allowClear
            aria-label={t('community.f.q')}
            placeholder={t('community.f.q')}
            style={{ width: 260 }}
            onSearch={(v) => set({ q: v || undefined })}
          />
        </Space>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : (
          <DataTable<StationRow>
            rowKey="id"
            size="small"
            loading={list.isPending}
            columns={columns}
            dataSource={list.data?.items ?? []}
            pagination={{
              current: f.page,
              pageSize: f.pageSize,
              total: list.data?.total ?? 0,
              onChange: (page, pageSize) => setF((x) => ({ ...x, page, pageSize })),
            }}
          />
        )}
      </Card>
      {importing && (
        <ImportModal
          onClose={() => {
            setImporting(false);
            void qc.invalidateQueries({ queryKey: ['community'] });
          }}
        />
      )}
    </div>
  );
}

function ImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const xlsx = file.name.toLowerCase().endsWith('.xlsx');
      const body = xlsx ? { xlsxBase64: btoa(String.fromCharCode(...new Uint8Array(await file.arrayBuffer()))) } : { csv: await file.text() };
      setResult(await communityApi.importStations(body));
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('community.import')}
      onCancel={onClose}
      onOk={run}
      okText={t('community.import.run')}
      okButtonProps={{ disabled: !file }}
      confirmLoading={busy}
      width={760}
    >
      <p>
        {t('community.import.hint')} {STATION_COLUMNS.join('，')}
      </p>
      <Upload.Dragger accept=".csv,.xlsx" maxCount={1} beforeUpload={(f) => (setFile(f), setResult(null), false)} onRemove={() => setFile(null)}>
        <p>{file ? file.name : 'CSV / xlsx'}</p>
      </Upload.Dragger>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />}
      {result && !result.errors.length && (
        <Alert type="success" showIcon message={t('community.import.ok', { n: result.imported })} style={{ marginTop: 12 }} />
      )}
      {result && result.errors.length > 0 && (
        <div style={{ marginTop: 12 }}>
          <Alert type="error" showIcon role="alert" message={t('community.import.bad', { n: result.errors.length })} />
          <Space style={{ margin: '8px 0' }}>
            <Button onClick={() => download('服务站导入错误.csv', new Blob([result.errorsCsv ?? ''], { type: 'text/csv' }))}>
              {t('community.import.csv')}
            </Button>
            <Button onClick={() => download('服务站导入错误.xlsx', new Blob([fromBase64(result.errorsXlsxBase64 ?? '')]))}>{t('community.import.xlsx')}</Button>
          </Space>
          <Table
            size="small"
            rowKey={(e) => `${e.line}-${e.column}-${e.message}`}
            pagination={{ pageSize: 8 }}
            dataSource={result.errors}
            columns={[
              { title: '行', dataIndex: 'line', width: 60 },
              { title: '列', dataIndex: 'column', width: 120 },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
