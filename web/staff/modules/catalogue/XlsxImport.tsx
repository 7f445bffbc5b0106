import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';

type Report = { applied: boolean; rows: number; rejectedRows: number; batchId: string; errors: Array<{ row: number; message: string }> };

/**
 * An xlsx import (实施清单, 基本目录): a template to download, an xlsx to upload; a refused file
 * shows each bad row with its reason and the error workbook.
 */
export function XlsxImport<R extends Report>(props: {
  testId: string;
  templateHref: string;
  templateLabel: string;
  uploadLabel: string;
  upload: (file: File) => Promise<R>;
  errorsHref: (batchId: string) => string;
  appliedMessage: (r: R) => string;
  onApplied?: (r: R) => void;
}) {
  const t = useT();
  const qc = useQueryClient();
  const [report, setReport] = useState<R | null>(null);
  const upload = useMutation({
    mutationFn: props.upload,
    onSuccess: (r) => {
      setReport(r);
      if (r.applied) {
        void qc.invalidateQueries({ queryKey: ['catalogue'] });
        props.onApplied?.(r);
      }
    },
    onError: () => setReport(null),
  });
  return (
    <div data-testid={props.testId} style={{ marginTop: 12 }}>
      <Space wrap>
        <Button href={props.templateHref}>{props.templateLabel}</Button>
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            upload.mutate(file);
            return false;
          }}
        >
          <Button loading={upload.isPending}>{props.uploadLabel}</Button>
        </Upload>
      </Space>
      {upload.error && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} message={(upload.error as Error).message} />}
      {report?.applied && <Alert type="success" showIcon role="status" style={{ marginTop: 12 }} message={props.appliedMessage(report)} />}
      {report && !report.applied && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          message={t('catalogue.import.refused', { rows: report.rows, bad: report.rejectedRows })}
          description={
            <>
              <Button size="small" href={props.errorsHref(report.batchId)} style={{ marginBottom: 8 }}>
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
