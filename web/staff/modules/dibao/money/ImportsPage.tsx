import { Alert, Button, Card, Space, Statistic, Upload, message } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../../i18n/i18n.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { QueryError } from '../../../shared/QueryError.tsx';
import { moneyApi, type ImportBatch, type ImportReport } from './api.ts';
import './dibao-money.css';
import { DataTable } from '../../../shared/DataTable.tsx';

export function ImportsPage() {
  const t = useT();
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<ImportReport | null>(null);
  const history = useQuery({ queryKey: ['dibao-money', 'imports', page], queryFn: () => moneyApi.imports(page) });
  const upload = useMutation({
    mutationFn: (f: File) => moneyApi.upload(f),
    onSuccess: (r) => {
      setResult(r);
      qc.invalidateQueries({ queryKey: ['dibao-money'] });
    },
    onError: (e: Error) => message.error(e.message),
  });
  return (
    <div className="mz-page mz-dm">
      <PageHeader
        title={t('dibaoMoney.nav.imports')}
        desc={t('dibaoMoney.imports.desc')}
        extra={
          <Button icon={<DownloadOutlined />} href={moneyApi.templateXlsx}>
            {t('dibaoMoney.template')}
          </Button>
        }
      />
      <Card className="mz-card">
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={(f) => {
            upload.mutate(f);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
            {t('dibaoMoney.upload')}
          </Button>
        </Upload>
        {result && (
          <section aria-label={t('dibaoMoney.result')} style={{ marginTop: 16 }}>
            <h2 className="mz-dm-h2">{t('common.titled', { a: t('dibaoMoney.result'), b: result.fileName })}</h2>
            {result.alreadyImported && result.earlier && (
              <Alert type="info" showIcon message={t('dibaoMoney.already', { at: formatDateTime(result.earlier.at), file: result.earlier.fileName })} />
            )}
            <div className="mz-dm-counts">
              <Statistic title={t('dibaoMoney.rows')} value={result.rows} />
              <Statistic title={t('dibaoMoney.households')} value={result.households} />
              <Statistic title={t('dibaoMoney.members')} value={result.members} />
              <Statistic title={t('dibaoMoney.accepted')} value={result.acceptedRows} valueStyle={{ color: '#237804' }} />
              <Statistic title={t('dibaoMoney.rejected')} value={result.rejectedRows} valueStyle={{ color: result.rejectedRows ? '#a8071a' : undefined }} />
              <Statistic title={t('dibaoMoney.acceptedHouseholds')} value={result.acceptedHouseholds} />
            </div>
            {result.hasErrorReport && (
              <Button icon={<DownloadOutlined />} href={moneyApi.errorsXlsx(result.batchId)}>
                {t('dibaoMoney.errorReport')}
              </Button>
            )}
            {result.errors.length > 0 && (
              <DataTable
                style={{ marginTop: 12 }}
                rowKey={(e) => String(e.row)}
                size="small"
                dataSource={result.errors}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: t('dibaoMoney.row'), dataIndex: 'row', width: 70 },
                  { title: t('dibaoMoney.error'), dataIndex: 'message' },
                ]}
              />
            )}
          </section>
        )}
      </Card>
      <Card className="mz-card" style={{ marginTop: 16 }} title={t('dibaoMoney.history')}>
        {history.isError && <QueryError error={history.error} onRetry={() => history.refetch()} />}
        <DataTable<ImportBatch>
          rowKey="batchId"
          size="small"
          dataSource={history.data?.items}
          loading={history.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{ current: page, pageSize: 20, total: history.data?.total, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: t('dibaoMoney.at'), dataIndex: 'at', render: (v) => formatDateTime(v) },
            { title: t('dibaoMoney.file'), dataIndex: 'fileName' },
            { title: t('dibaoMoney.by'), dataIndex: 'actorName', responsive: ['md'] },
            { title: t('dibaoMoney.rows'), dataIndex: 'rows', align: 'right' },
            { title: t('dibaoMoney.accepted'), dataIndex: 'acceptedRows', align: 'right' },
            { title: t('dibaoMoney.rejected'), dataIndex: 'rejectedRows', align: 'right' },
            {
              title: '',
              dataIndex: 'hasErrorReport',
              render: (v: boolean, r) =>
                v ? (
                  <Space>
                    <a href={moneyApi.errorsXlsx(r.batchId)}>{t('dibaoMoney.errorReport')}</a>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>
    </div>
  );
}
