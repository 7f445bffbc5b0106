import { InboxOutlined } from '@ant-design/icons';
import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, Checkbox, Input, Modal, Result, Statistic, Table, Upload } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { ApiError } from './api.ts';
import type { ImportResult } from './api-types.ts';

type ImportMutation = UseMutationResult<ImportResult, Error, { csv: string; sample: boolean }>;
type LineError = ImportResult['errors'][number];

/**
 * CSV import with its report. The server takes the whole file or nothing; when it refuses
 * (422 IMPORT_INVALID) the per-line errors come in details.errors and are listed here.
 */
export function CsvImportModal({ title, columns, mutation, onClose }: { title: string; columns: string; mutation: ImportMutation; onClose: () => void }) {
  const t = useT();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [sample, setSample] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<{ title: string; errors: LineError[] } | null>(null);

  const submit = () => {
    setResult(null);
    setFailure(null);
    mutation.mutate(
      { csv, sample },
      {
        onSuccess: setResult,
        onError: (e) => {
          const errors = e instanceof ApiError && Array.isArray(e.details?.errors) ? (e.details.errors as LineError[]) : [];
          setFailure({ title: e instanceof ApiError ? e.title : String(e), errors });
        },
      },
    );
  };
  const errors = result?.errors.length ? result.errors : (failure?.errors ?? []);

  return (
    <Modal
      open
      title={title}
      width={720}
      onCancel={onClose}
      okText={result ? t('common.close') : t('import.submit')}
      onOk={result ? onClose : submit}
      okButtonProps={{ disabled: !result && !csv.trim() }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('import.note')} description={t('import.columns', { cols: columns })} style={{ marginBottom: 12 }} />
      <Upload.Dragger
        className="mz-csv-drop"
        accept=".csv,text/csv"
        maxCount={1}
        showUploadList={false}
        beforeUpload={async (file) => {
          setCsv((await file.text()).replace(/^\uFEFF/, ''));
          setFileName(file.name);
          setResult(null);
          setFailure(null);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{fileName ?? t('import.file')}</p>
      </Upload.Dragger>
      <Input.TextArea
        aria-label={t('import.paste')}
        placeholder={t('import.paste')}
        value={csv}
        onChange={(e) => setCsv(e.target.value)}
        rows={5}
        className="mz-mono mz-gap"
      />
      <Checkbox checked={sample} onChange={(e) => setSample(e.target.checked)} style={{ marginTop: 12 }}>
        {t('import.sample')}
      </Checkbox>
      {result && (
        <Result
          status={result.errors.length ? 'warning' : 'success'}
          title={t('import.ok')}
          style={{ padding: '16px 0 0' }}
          extra={
            <div className="mz-import-stats">
              <Statistic title={t('import.inserted')} value={result.inserted} />
              <Statistic title={t('import.updated')} value={result.updated} />
              <Statistic title={t('import.unchanged')} value={result.unchanged} />
              <Statistic title={t('import.errors')} value={result.errors.length} />
            </div>
          }
        />
      )}
      {failure && <Alert type="error" showIcon title={t('import.failed')} description={failure.title} className="mz-gap" />}
      {errors.length > 0 && (
        <Table<LineError>
          className="mz-gap"
          size="small"
          rowKey={(e) => `${e.line}-${e.field}-${e.message}`}
          dataSource={errors}
          pagination={errors.length > 10 ? { pageSize: 10 } : false}
          columns={[
            { title: t('import.line'), dataIndex: 'line', width: 70 },
            { title: t('import.field'), dataIndex: 'field', width: 120, render: (v) => <code>{v}</code> },
            { title: t('import.message'), dataIndex: 'message' },
          ]}
        />
      )}
    </Modal>
  );
}
