import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Upload } from 'antd';
import { useState } from 'react';
import { useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { hallApi, type Registered } from './api.ts';

/** 窗口登记 (一窗受理): the clerk picks the item, fills the form built from its field list and uploads a scan of each material received. */
export function WindowRegisterModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: Registered) => void }) {
  const t = useT();
  const me = useSession();
  const [form] = Form.useForm();
  const [code, setCode] = useState<string | undefined>();
  const [area, setArea] = useState(me.areaCode.slice(0, 6));
  const [files, setFiles] = useState<Map<number, File>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = useQuery({ queryKey: ['hall', 'items'], queryFn: () => hallApi.items(), enabled: open });
  // As the area implements the item: its implementation list may name other materials.
  const item = useQuery({
    queryKey: ['hall', 'item', code, area],
    queryFn: () => hallApi.item(code!, /^\d{6}$/.test(area) ? area : undefined),
    enabled: !!code,
  });
  const req = [{ required: true, message: t('hall.required') }];
  const submit = async (v: Record<string, any>) => {
    if (!item.data) return;
    setBusy(true);
    setError(null);
    try {
      const r = await hallApi.register(
        {
          itemCode: item.data.code,
          areaCode: v.areaCode,
          applicant: v.applicant,
          phone: v.phone,
          form: Object.fromEntries(item.data.fields.map((f) => [f.key, f.key === 'phone' ? v.phone : v[`f_${f.key}`]])),
        },
        files,
      );
      form.resetFields();
      setFiles(new Map());
      onClose();
      onDone(r);
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('hall.register')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden width={680}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ areaCode: me.areaCode.slice(0, 6) }}>
        <Form.Item name="itemCode" label={t('hall.c.item')} rules={req}>
          <Select options={items.data?.items.map((i) => ({ value: i.code, label: i.name }))} onChange={(v) => setCode(v)} data-testid="hall-item" />
        </Form.Item>
        <Form.Item name="areaCode" label={t('hall.field.area')} rules={req}>
          <Input maxLength={6} onChange={(e) => (setArea(e.target.value), setFiles(new Map()))} />
        </Form.Item>
        <Form.Item name="applicant" label={t('hall.field.applicant')} rules={req}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('hall.field.phone')} rules={req}>
          <Input />
        </Form.Item>
        {item.data?.fields
          .filter((f) => f.key !== 'phone')
          .map((f) => (
            <Form.Item key={f.key} name={`f_${f.key}`} label={f.label} extra={f.help} rules={f.required ? req : []}>
              {f.kind === 'select' ? (
                <Select options={f.options?.map((o) => ({ value: o, label: o }))} />
              ) : f.kind === 'textarea' ? (
                <Input.TextArea rows={2} />
              ) : (
                <Input />
              )}
            </Form.Item>
          ))}
        {item.data && (
          <Form.Item label={t('hall.field.materials')} extra={t('hall.materials.hint')}>
            <div style={{ display: 'grid', gap: 6 }} data-testid="hall-material-uploads">
              {item.data.materials.map((m, i) => (
                <div key={`${m.name}-${i}`} style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Upload
                    accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx,.txt"
                    showUploadList={false}
                    beforeUpload={(f) => (setFiles((prev) => new Map(prev).set(i, f)), false)}
                  >
                    <Button size="small">{t('hall.materials.upload')}</Button>
                  </Upload>
                  <span>{m.required ? m.name : `${m.name}（如有）`}</span>
                  {files.get(i) && <span style={{ color: '#389e0d' }}>✓ {files.get(i)!.name}</span>}
                </div>
              ))}
            </div>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
