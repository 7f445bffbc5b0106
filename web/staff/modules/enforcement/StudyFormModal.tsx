import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../../shared/api.ts';

/**
 * The frame of the 学法用法 forms (plan, question, paper): a modal whose form is sent by `send`; the server's
 * Chinese messages land on their fields (details.fields) or, when they name no field, above the form.
 */
export function StudyFormModal<V extends object>(p: {
  open: boolean;
  title: string;
  testId: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  send: (v: V) => Promise<unknown>;
  onClose: () => void;
  onDone: () => void;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: V) => {
    setBusy(true);
    setError(null);
    try {
      await p.send(v);
      p.form.resetFields();
      p.onClose();
      p.onDone();
    } catch (e) {
      if (!(e instanceof ApiError)) return setError(String(e));
      const fields = Object.entries(e.fieldErrors);
      p.form.setFields(fields.map(([name, msg]) => ({ name: name as never, errors: [msg] })));
      setError(e.title);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={p.open} title={p.title} onCancel={p.onClose} onOk={() => p.form.submit()} confirmLoading={busy} destroyOnHidden width={640}>
      <div data-testid={p.testId}>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
        <Form form={p.form} layout="vertical" onFinish={submit} initialValues={p.initialValues}>
          {p.children}
        </Form>
      </div>
    </Modal>
  );
}

/** A required field's rule with its Chinese message. */
export const need = (label: string) => [{ required: true, whitespace: true, message: `请填写「${label}」` }];
