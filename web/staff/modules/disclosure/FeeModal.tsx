import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { applyServerError } from '../../shared/form-errors.ts';
import { disclosureApi } from './api.ts';

type Values = { year: number; name: string; basis: string; amount: number };
const FIELDS = ['year', 'name', 'basis', 'amount'];

/** 登记 a 行政事业性收费项目 of the user's office with the year's amount (万元); the server's messages land on their fields. */
export function FeeModal(p: { open: boolean; year: number; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const need = (label: string) => [{ required: true, whitespace: true, message: `请填写「${label}」` }];
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await disclosureApi.createFee(v);
      form.resetFields();
      p.onClose();
      p.onDone();
    } catch (e) {
      setError(applyServerError(form, e, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={p.open} title={t('disclosure.fee.add')} onCancel={p.onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <div data-testid="fee-form">
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: p.year }}>
          <Form.Item name="year" label={t('disclosure.f.year')} rules={[{ required: true, message: `请填写「${t('disclosure.f.year')}」` }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="name" label={t('disclosure.fee.name')} rules={need(t('disclosure.fee.name'))}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="basis" label={t('disclosure.fee.basis')} rules={need(t('disclosure.fee.basis'))}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="amount" label={t('disclosure.annual.charges')} rules={[{ required: true, message: `请填写「${t('disclosure.annual.charges')}」` }]}>
            <InputNumber min={0} precision={4} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
