import { useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { enforcementApi } from './api.ts';

type Values = {
  partyName: string;
  partyCode?: string;
  actDate: Dayjs;
  discoveredOn: Dayjs;
  actDescription: string;
  filedOn: Dayjs;
  filingStandard: string;
  powerCode: string;
};

/** 立案: the party, the act, the 立案 standard and the power item; the server checks the limitation period and 一事不再罚. */
export function FileCaseModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const powers = useQuery({ queryKey: ['enforcement', 'catalogue'], queryFn: enforcementApi.catalogue, enabled: open });
  const req = [{ required: true, message: '必填 Required' }];
  const d = (x: Dayjs) => x.format('YYYY-MM-DD');
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await enforcementApi.file({ ...v, partyKind: 'org', actDate: d(v.actDate), discoveredOn: d(v.discoveredOn), filedOn: d(v.filedOn) });
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
    <Modal open={open} title={t('enforcement.file')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden width={640}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="partyName" label={t('enforcement.f.partyName')} rules={req}>
          <Input />
        </Form.Item>
        <Form.Item name="partyCode" label={t('enforcement.f.partyCode')}>
          <Input />
        </Form.Item>
        <Form.Item name="powerCode" label={t('enforcement.f.power')} rules={req}>
          <Select options={(powers.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} />
        </Form.Item>
        <Form.Item name="actDescription" label={t('enforcement.f.act')} rules={req}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="actDate" label={t('enforcement.f.actDate')} rules={req}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="discoveredOn" label={t('enforcement.f.discoveredOn')} rules={req}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="filedOn" label={t('enforcement.f.filedOn')} rules={req}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="filingStandard" label={t('enforcement.f.standard')} rules={req}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
