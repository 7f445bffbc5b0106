import { useQuery, useQueryClient } from '@tanstack/react-query';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Progress, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useCan } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import type { CaseTypePanelProps } from '../cases/type-panels.tsx';
import { chinaToday, enforcementApi, EVIDENCE_KINDS, type UploadStatus } from './api.ts';
import { ACCEPT, declaredType, rememberedUpload, rememberUpload, sendMissingChunks } from './chunked-upload.ts';
import { DataTable } from '../../shared/DataTable.tsx';

type Values = { kind: string; title: string; collectedOn: Dayjs; officerIds: string[]; description?: string };
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

/**
 * 证据 on the penalty case page: the items with their SM3, and (in 调查取证, for those who handle cases)
 * a file recorded as evidence through the chunked upload, with progress, pause / resume and cancel.
 */
export function EvidencePanel({ c }: CaseTypePanelProps) {
  const t = useT();
  const can = useCan();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<UploadStatus | null>(null);
  const [received, setReceived] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const paused = useRef(false);
  const picker = useRef<HTMLInputElement>(null);
  const q = useQuery({ queryKey: ['enforcement', 'penalty', c.id, c.version], queryFn: () => enforcementApi.penalty(c.id) });
  const officers = useQuery({ queryKey: ['enforcement', 'officers', 'valid'], queryFn: () => enforcementApi.officers({}), enabled: can('enforcement.handle') });
  const open = c.state === 'investigating' && can('enforcement.handle');

  const send = async (s: UploadStatus, f: File) => {
    paused.current = false;
    setBusy(true);
    setError(null);
    try {
      if (!(await sendMissingChunks(f, s, setReceived, () => paused.current))) return;
      await enforcementApi.completeUpload(s.id);
      rememberUpload(c.id, null);
      setUpload(null);
      setFile(null);
      if (picker.current) picker.current.value = '';
      form.resetFields();
      message.success(t('enforcement.ev.done'));
      void qc.invalidateQueries({ queryKey: ['enforcement', 'penalty', c.id] });
      void qc.invalidateQueries({ queryKey: ['case', c.id] });
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  const start = async (v: Values) => {
    if (!file) return setError(t('enforcement.ev.pick'));
    setError(null);
    const mine = rememberedUpload(c.id);
    try {
      // The same file chosen again after a reload: ask what arrived and continue from there.
      const prior = mine && mine.name === file.name && mine.size === file.size ? await enforcementApi.uploadStatus(mine.id).catch(() => null) : null;
      const s =
        prior ??
        (await enforcementApi.startUpload({
          caseId: c.id,
          kind: v.kind as (typeof EVIDENCE_KINDS)[number],
          title: v.title,
          collectedOn: v.collectedOn.format('YYYY-MM-DD'),
          officerIds: v.officerIds,
          description: v.description,
          fileName: file.name,
          mimeType: declaredType(file),
          sizeBytes: file.size,
        }));
      rememberUpload(c.id, { id: s.id, name: file.name, size: file.size });
      setUpload(s);
      await send(s, file);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    }
  };
  const resume = async () => upload && file && send(await enforcementApi.uploadStatus(upload.id), file);
  const cancel = async () => {
    paused.current = true;
    if (upload) await enforcementApi.cancelUpload(upload.id).catch(() => undefined);
    rememberUpload(c.id, null);
    setUpload(null);
    setReceived(0);
    setBusy(false);
  };

  return (
    <Card className="mz-card" data-testid="evidence-panel" title={t('enforcement.ev.title')}>
      <DataTable
        size="small"
        pagination={false}
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.evidence ?? []}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('enforcement.ev.name'), dataIndex: 'title' },
          {
            title: t('enforcement.ev.file'),
            render: (_, r) =>
              r.fileName ? (
                <Space size={8}>
                  <a href={`/api/enforcement/evidence/${r.id}/file`} download={r.fileName} aria-label={`${t('enforcement.ev.download')} ${r.fileName}`}>
                    {t('enforcement.ev.download')}
                  </a>
                  <Typography.Text ellipsis={{ tooltip: r.fileName }} style={{ maxWidth: 220 }}>
                    {r.fileName}（{mib(r.sizeBytes ?? 0)}）
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          { title: t('enforcement.ev.kind'), dataIndex: 'kind' },
          { title: t('enforcement.ev.on'), dataIndex: 'collectedOn' },
          { title: 'SM3', dataIndex: 'sm3', render: (v: string | null) => (v ? <code title={v}>{v.slice(0, 16)}…</code> : '—') },
        ]}
      />
      {open && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={start}
          initialValues={{ kind: '视听资料', collectedOn: chinaToday() }}
          style={{ marginTop: 16, maxWidth: 640 }}
        >
          <h4>{t('enforcement.ev.add')}</h4>
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 8 }} />}
          <Form.Item name="kind" label={t('enforcement.ev.kind')} rules={[{ required: true }]}>
            <Select options={EVIDENCE_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="title" label={t('enforcement.ev.name')} rules={[{ required: true, message: t('enforcement.ev.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="collectedOn" label={t('enforcement.ev.on')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="officerIds"
            label={t('enforcement.ev.officers')}
            rules={[{ required: true, type: 'array', min: 2, message: t('enforcement.ev.two') }]}
          >
            <Select
              mode="multiple"
              loading={officers.isPending}
              options={(officers.data?.items ?? [])
                .filter((o) => o.status === 'valid' && (q.data?.investigatorIds ?? []).includes(o.id))
                .map((o) => ({ value: o.id, label: `${o.name}（${o.certNo}）` }))}
            />
          </Form.Item>
          <Form.Item label={t('enforcement.ev.file')} extra={t('enforcement.ev.hint')}>
            <input
              ref={picker}
              type="file"
              style={{ display: 'none' }}
              accept={ACCEPT}
              aria-label={t('enforcement.ev.file')}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              disabled={busy}
            />
            <Space wrap>
              <Button icon={<UploadOutlined />} onClick={() => picker.current?.click()} disabled={busy || !!upload}>
                {t('enforcement.ev.choose')}
              </Button>
              <Typography.Text type={file ? undefined : 'secondary'}>{file ? `${file.name}（${mib(file.size)}）` : t('enforcement.ev.none')}</Typography.Text>
            </Space>
          </Form.Item>
          {upload && (
            <Progress
              percent={Math.floor((received / upload.sizeBytes) * 100)}
              status={error ? 'exception' : busy ? 'active' : 'normal'}
              format={() => `${mib(received)} / ${mib(upload.sizeBytes)}`}
            />
          )}
          <Space wrap>
            {!upload && (
              <Button type="primary" htmlType="submit" disabled={!file}>
                {t('enforcement.ev.upload')}
              </Button>
            )}
            {upload && busy && <Button onClick={() => (paused.current = true)}>{t('enforcement.ev.pause')}</Button>}
            {upload && !busy && (
              <Button type="primary" onClick={() => void resume()}>
                {t('enforcement.ev.resume')}
              </Button>
            )}
            {upload && (
              <Button danger onClick={() => void cancel()}>
                {t('enforcement.ev.cancel')}
              </Button>
            )}
          </Space>
        </Form>
      )}
    </Card>
  );
}
