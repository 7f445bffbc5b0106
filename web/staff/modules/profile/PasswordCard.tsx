import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { applyServerError } from '../../shared/form-errors.ts';
import { useChangePassword } from './use-profile.ts';

type Values = { oldPassword: string; newPassword: string; confirm: string };

export function PasswordCard() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const change = useChangePassword();

  const onFinish = (v: Values) => {
    setError(null);
    change.mutate(
      { oldPassword: v.oldPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          message.success(t('profile.passwordChanged'));
          form.resetFields();
        },
        onError: (e) => setError(applyServerError(form, e, ['oldPassword', 'newPassword'])),
      },
    );
  };

  return (
    <Card className="mz-card" title={t('profile.password')} data-testid="password-card">
      <Alert type="info" showIcon title={t('profile.policy')} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" name="password" onFinish={onFinish} style={{ maxWidth: 420 }}>
        <Form.Item
          name="oldPassword"
          label={t('profile.oldPassword')}
          rules={[{ required: true, message: t('common.required', { f: t('profile.oldPassword') }) }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('profile.newPassword')}
          rules={[
            { required: true, message: t('common.required', { f: t('profile.newPassword') }) },
            { min: 10, message: t('profile.policy') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('profile.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { f: t('profile.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('profile.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('profile.password')}
        </Button>
      </Form>
    </Card>
  );
}
