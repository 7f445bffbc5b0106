import { Alert, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';

type Props<V> = {
  title: ReactNode;
  okText?: string;
  danger?: boolean;
  note?: ReactNode;
  initialValues?: Partial<V>;
  width?: number;
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  children?: ReactNode;
};

/**
 * A small form in a modal for one case command. Server errors stay in the modal (field errors
 * next to their inputs); a version conflict closes it so the page's 刷新 banner takes over.
 */
export function ActionModal<V extends object>({ title, okText, danger, note, initialValues, width, onSubmit, onClose, children }: Props<V>) {
  const t = useT();
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') return onClose();
      if (e instanceof ApiError) {
        const known = new Set(Object.keys(form.getFieldsValue(true) as object));
        const field = typeof e.details?.field === 'string' ? e.details.field : null;
        if (field && known.has(field)) form.setFields([{ name: field as never, errors: [e.title] }]);
        else setError(e.title);
      } else setError(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={width}
      okText={okText ?? t('common.confirm')}
      okButtonProps={{ danger }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      {note && <Alert type="info" showIcon title={note} className="mz-modal-note" />}
      {error && <Alert type="error" showIcon title={error} className="mz-modal-note" role="alert" />}
      <Form<V> form={form} layout="vertical" onFinish={submit} initialValues={initialValues} requiredMark="optional" preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}

/** 理由 / 意见 textarea: required (with a message) or optional. */
export function ReasonField({
  name = 'reason',
  label,
  required,
  placeholder,
  max = 2000,
}: {
  name?: string;
  label: string;
  required?: boolean;
  placeholder?: string;
  max?: number;
}) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, whitespace: true, message: t('common.required', { f: label }) }, { max }] : [{ max }]}
    >
      <Input.TextArea rows={3} maxLength={max} showCount placeholder={placeholder} />
    </Form.Item>
  );
}
