import { Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import { STAFF_CHANNELS, chinaToday, enforcementApi } from './api.ts';

type Values = {
  channel: string;
  receivedOn: Dayjs;
  reportedParty: string;
  reportedPartyCode?: string;
  content: string;
  informantName?: string;
  informantPhone?: string;
};
type Done = { refNo: string; queryCode: string };

/** 登记举报 received in person, by phone or by letter; the informant's name and phone are optional and stored encrypted. */
export function ReceiveTipoffModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: Done) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const req = [{ required: true, message: '必填 Required' }];
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const blank = (s?: string) => (s?.trim() ? s.trim() : undefined);
      const r = await enforcementApi.receive({
        ...v,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
        reportedPartyCode: blank(v.reportedPartyCode),
        informantName: blank(v.informantName),
        informantPhone: blank(v.informantPhone),
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
    <Modal open={open} title={t('enforcement.t.receive')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden width={640}>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ channel: '来访', receivedOn: chinaToday() }}>
        <Form.Item name="channel" label={t('enforcement.t.channel')} rules={req}>
          <Select options={STAFF_CHANNELS.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="receivedOn" label={t('enforcement.t.received')} rules={req}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reportedParty" label={t('enforcement.t.party')} rules={req}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="reportedPartyCode" label={t('enforcement.f.partyCode')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="content" label={t('enforcement.t.content')} rules={req}>
          <Input.TextArea rows={4} maxLength={3000} />
        </Form.Item>
        <Form.Item name="informantName" label={t('enforcement.t.informantName')} extra={t('enforcement.t.informantHint')}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="informantPhone" label={t('enforcement.t.informantPhone')}>
          <Input maxLength={20} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
