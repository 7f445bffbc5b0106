import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import type { AreaNode } from '../../shared/api-types.ts';
import { applyServerError } from '../../shared/form-errors.ts';
import { useCreateArea, useUpdateArea } from './use-areas.ts';

/** Digits a child's code shares with its parent's, by the parent's level. */
const PREFIX: Record<number, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

type Values = { code: string; name: string; nameEn?: string };

/** New sub-area under `parent`, or edit `area`'s names. */
export function AreaFormModal({ parent, area, onClose }: { parent?: AreaNode; area?: AreaNode; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateArea();
  const update = useUpdateArea();
  const childRule = parent?.level === 3 ? /^\d{9}$/ : parent?.level === 4 ? /^\d{12}$/ : /^\d{6}$/;

  const onFinish = (v: Values) => {
    setError(null);
    const done = {
      onSuccess: () => {
        message.success(t('common.saved'));
        onClose();
      },
      onError: (e: unknown) => setError(applyServerError(form, e, ['code', 'name', 'nameEn', 'parentCode'])),
    };
    if (area) update.mutate({ code: area.code, name: v.name, nameEn: v.nameEn || null }, done);
    else create.mutate({ code: v.code, name: v.name, nameEn: v.nameEn || undefined, parentCode: parent!.code }, done);
  };

  return (
    <Modal
      open
      title={area ? `${t('area.edit')} · ${area.name}` : `${t('area.create')} · ${parent?.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        name="area"
        onFinish={onFinish}
        initialValues={
          area ? { code: area.code, name: area.name, nameEn: area.nameEn ?? '' } : { code: parent ? parent.code.slice(0, PREFIX[parent.level]) : '' }
        }
      >
        <Form.Item
          name="code"
          label={t('area.code')}
          extra={!area && t('area.codeRule')}
          rules={[
            { required: true, message: t('common.required', { f: t('area.code') }) },
            { pattern: childRule, message: t('area.codeMismatch') },
          ]}
        >
          <Input disabled={!!area} inputMode="numeric" maxLength={12} className="mz-mono" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('area.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { f: t('area.name') }) }, { max: 100 }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t('area.nameEn')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
