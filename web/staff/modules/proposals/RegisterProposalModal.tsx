import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { KINDS, ROLES, proposalApi } from './api.ts';

type Values = {
  kind: string;
  number: string;
  session: string;
  deputies: string;
  delegation?: string;
  title: string;
  summary: string;
  receivedOn: Dayjs;
  role: string;
  leadOffice?: string;
};

/** 交办登记: the item as the 人大常委会 / 政协 sent it; the server checks and answers in Chinese. */
export function RegisterProposalModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const req = [{ required: true, message: t('proposals.required') }];
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await proposalApi.register({ ...v, kind: v.kind as never, role: v.role as never, receivedOn: v.receivedOn.format('YYYY-MM-DD') });
      form.resetFields();
      onClose();
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e.title : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('proposals.register')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden width={640}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: '政协提案', role: '主办' }}>
        <Form.Item name="kind" label={t('proposals.f.kind')} rules={req}>
          <Select options={KINDS.map((x) => ({ value: x, label: x }))} />
        </Form.Item>
        <Form.Item name="number" label={t('proposals.c.number')} rules={req} extra="第0123号">
          <Input />
        </Form.Item>
        <Form.Item name="session" label={t('proposals.f.session')} rules={req} extra="自治区政协十二届四次会议">
          <Input />
        </Form.Item>
        <Form.Item name="deputies" label={t('proposals.c.deputies')} rules={req}>
          <Input />
        </Form.Item>
        <Form.Item name="delegation" label={t('proposals.field.delegation')}>
          <Input />
        </Form.Item>
        <Form.Item name="title" label={t('proposals.c.title')} rules={req}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('proposals.field.summary')} rules={req}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('proposals.c.receivedOn')} rules={req}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="role" label={t('proposals.f.role')} rules={req}>
          <Select options={ROLES.map((x) => ({ value: x, label: x }))} />
        </Form.Item>
        <Form.Item name="leadOffice" label={t('proposals.field.leadOffice')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
