import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n.tsx';

/** What an import answered: applied or not, the rows read, the bad rows and each problem (by row, and column when known). */
export type XlsxImportReport = {
  applied: boolean;
  rows: number;
  rejectedRows: number;
  errors: Array<{ row: number; column?: string; message: string }>;
};

/**
 * An xlsx import (实施清单, 基本目录, 社会组织登记信息): a template to download, a file to upload; a refused file
 * shows each bad row with its reason and the error workbook.
 */
export function XlsxImport<R extends XlsxImportReport>(props: {
  testId: string;
  templateHref: string;
  templateLabel: string;
  uploadLabel: string;
  /** The file types taken (default xlsx only). */
  accept?: string;
  upload: (file: File) => Promise<R>;
  /** The error workbook of a refused file: a route, or a data: URL saved under `errorsFileName`. */
  errorsHref: (r: R) => string;
  errorsFileName?: string;
  appliedMessage: (r: R) => string;
  /** The queries an applied import makes stale. */
  queryKey: readonly string[];
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
        void qc.invalidateQueries({ queryKey: props.queryKey });
        props.onApplied?.(r);
      }
    },
    onError: () => setReport(null),
  });
  const withColumn = report?.errors.some((e) => e.column);
  return (
    <div data-testid={props.testId} style={{ marginTop: 12 }}>
      <Space wrap>
        <Button href={props.templateHref}>{props.templateLabel}</Button>
        <Upload
          accept={props.accept ?? '.xlsx'}
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
          message={t('import.xlsxRefused', { rows: report.rows, bad: report.rejectedRows })}
          description={
            <>
              <Button size="small" href={props.errorsHref(report)} download={props.errorsFileName} style={{ marginBottom: 8 }}>
                {t('import.xlsxErrors')}
              </Button>
              <Table
                rowKey={(e) => `${e.row}:${e.column ?? ''}:${e.message}`}
                size="small"
                pagination={{ pageSize: 10, showSizeChanger: false }}
                dataSource={report.errors}
                columns={[
                  { title: t('import.line'), dataIndex: 'row', width: 70 },
                  ...(withColumn ? [{ title: t('import.field'), dataIndex: 'column', width: 140 }] : []),
                  { title: t('import.message'), dataIndex: 'message' },
                ]}
              />
            </>
          }
        />
      )}
    </div>
  );
}
