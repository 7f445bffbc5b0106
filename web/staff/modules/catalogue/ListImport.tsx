import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { catalogueApi, type ListImportReport } from './api.ts';

/**
 * 实施清单导入 on the list page: the office's template (its current list) to download, an xlsx to
 * upload; a refused file shows each bad row with its reason and the error workbook.
 */
export function ListImport({ officeId }: { officeId: string }) {
  const t = useT();
  const qc = useQueryClient();
  const [report, setReport] = useState<ListImportReport | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => catalogueApi.importList(officeId, file),
    onSuccess: (r) => {
      setReport(r);
      if (r.applied) void qc.invalidateQueries({ queryKey: ['catalogue'] });
    },
    onError: () => setReport(null),
  });
  return (
    <div data-testid="catalogue-list-import" style={{ marginTop: 12 }}>
      <Space wrap>
        <Button href={`/api/catalogue/offices/${officeId}/list-template.xlsx`}>{t('catalogue.import.template')}</Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <Button loading={upload.isPending}>{t('catalogue.import.upload')}</Button>
        </Upload>
      </Space>
      {upload.error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} message={(upload.error as Error).message} />}
      {report?.applied && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginTop: 12 }}
          message={t('catalogue.import.applied', { rows: report.rows, added: report.added, updated: report.updated })}
        />
      )}
      {report && !report.applied && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          message={t('catalogue.import.refused', { rows: report.rows, bad: report.rejectedRows })}
          description={
            <>
              <Button size="small" href={`/api/catalogue/list-imports/${report.batchId}/errors.xlsx`} style={{ marginBottom: 8 }}>
                {t('catalogue.import.errors')}
              </Button>
              <Table
                rowKey="row"
                size="small"
                pagination={{ pageSize: 10, showSizeChanger: false }}
                dataSource={report.errors}
                columns={[
                  { title: t('catalogue.import.row'), dataIndex: 'row', width: 70 },
                  { title: t('catalogue.import.reason'), dataIndex: 'message' },
                ]}
              />
            </>
          }
        />
      )}
    </div>
  );
}
