import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { applyServerError } from '../../shared/form-errors.ts';
import { catalogueApi } from './api.ts';

const FIELDS = ['kind', 'catalogueCode', 'name', 'powerId', 'officeId', 'objects', 'basis', 'checkCategory', 'checkMethod', 'frequency', 'content'];

/**
 * 谁监管、谁录入: the supervising office's staff enter a 目录清单 or 检查实施清单 item; it then waits
 * for another person of that office to review it.
 */
export function SupervisionEntry({ open, kind, onClose, onDone }: { open: boolean; kind: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const offices = useQuery({ queryKey: ['catalogue', 'offices'], queryFn: catalogueApi.offices, enabled: open });
  const powers = useQuery({ queryKey: ['catalogue', 'powers', 'entry'], queryFn: () => catalogueApi.powers({}), enabled: open });
  const items: any[] = powers.data?.items ?? [];
  const enter = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      catalogueApi.enterSupervision(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === undefined || x === '' ? null : x]))),
    onSuccess: () => (form.resetFields(), setError(null), onDone()),
    onError: (e) => setError(applyServerError(form, e, FIELDS)),
  });
  return (
    <Modal
      open={open}
      title={t('catalogue.supervision.enter')}
      okText={t('catalogue.supervision.submit')}
      onOk={() => form.submit()}
      confirmLoading={enter.isPending}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <p className="mz-muted">{t('catalogue.supervision.enterNote')}</p>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ kind }} onFinish={(v) => enter.mutate(v)} data-testid="supervision-entry">
        <Form.Item name="kind" label={t('catalogue.supervision.kind')} rules={[{ required: true }]}>
          <Select options={['目录清单', '检查实施清单'].map((k) => ({ value: k, label: k }))} />
        </Form.Item>
        <Form.Item name="officeId" label={t('catalogue.col.office')} rules={[{ required: true, message: t('catalogue.col.office') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={offices.isLoading}
            options={(offices.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="powerId" label={t('catalogue.col.power')} rules={[{ required: true, message: t('catalogue.col.power') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={powers.isLoading}
            options={items.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
            onChange={(id) => {
              const p = items.find((x) => x.id === id);
              if (p && !form.getFieldValue('basis')) form.setFieldValue('basis', p.legalBasis);
            }}
          />
        </Form.Item>
        <Form.Item
          name="catalogueCode"
          label={t('catalogue.supervision.code')}
          extra={t('catalogue.supervision.codeHint')}
          rules={[{ required: true, pattern: /^\d{14}$/, message: t('catalogue.supervision.codeHint') }]}
        >
          <Input inputMode="numeric" maxLength={14} className="mz-mono" />
        </Form.Item>
        <Form.Item name="name" label={t('catalogue.col.name')} rules={[{ required: true, min: 2, message: t('catalogue.col.name') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="objects" label={t('catalogue.supervision.objects')} rules={[{ required: true, min: 2, message: t('catalogue.supervision.objects') }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="basis" label={t('catalogue.col.basis')} rules={[{ required: true, min: 2, message: t('catalogue.col.basis') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="checkCategory" label={t('catalogue.supervision.checkCategory')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="checkMethod" label={t('catalogue.supervision.checkMethod')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="frequency" label={t('catalogue.supervision.frequency')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
