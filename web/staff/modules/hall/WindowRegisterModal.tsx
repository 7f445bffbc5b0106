import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { hallApi, type Registered } from './api.ts';

/** 窗口登记 (一窗受理): the clerk picks the item, fills the form built from its field list and ticks the materials received. */
export function WindowRegisterModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: Registered) => void }) {
  const t = useT();
  const me = useSession();
  const [form] = Form.useForm();
  const [code, setCode] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const items = useQuery({ queryKey: ['hall', 'items'], queryFn: () => hallApi.items(), enabled: open });
  const item = useQuery({ queryKey: ['hall', 'item', code], queryFn: () => hallApi.item(code!), enabled: !!code });
  const req = [{ required: true, message: t('hall.required') }];
  const submit = async (v: Record<string, any>) => {
    if (!item.data) return;
    setBusy(true);
    setError(null);
    try {
      const r = await hallApi.register({
        itemCode: item.data.code,
        areaCode: v.areaCode,
        applicant: v.applicant,
        phone: v.phone,
        form: Object.fromEntries(item.data.fields.map((f) => [f.key, f.key === 'phone' ? v.phone : v[`f_${f.key}`]])),
        materials: v.materials ?? [],
      });
      form.resetFields();
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
          <Input maxLength={6} />
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
            <Form.Item key={f.key} name={`f_${f.key}`} label={f.label} rules={f.required ? req : []}>
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
          <Form.Item name="materials" label={t('hall.field.materials')}>
            <Checkbox.Group
              options={item.data.materials.map((m) => ({ value: m.name, label: m.required ? m.name : `${m.name}（如有）` }))}
              style={{ display: 'grid', gap: 4 }}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
