import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';
import { ApiError } from '../../shared/api.ts';
import type { UserDetail, UserInput } from '../../shared/api-types.ts';
import { applyServerError } from '../../shared/form-errors.ts';
import { OrgUnitSelect } from '../../shared/OrgUnitSelect.tsx';
import { useSaveUser } from './use-users.ts';

const FIELDS = ['username', 'displayName', 'orgUnitId', 'phone', 'email', 'password'];

/** Create or edit a user's basic information; server field errors land next to the inputs. */
export function UserForm({ user, readOnly, onSaved }: { user: UserDetail | null; readOnly: boolean; onSaved: (id: string) => void }) {
  const t = useT();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<UserInput>();
  const [error, setError] = useState<string | null>(null);
  const save = useSaveUser();
  const req = (f: string) => ({ required: true, message: t('common.required', { f }) });
  const initial: Partial<UserInput> = user
    ? { username: user.username, displayName: user.displayName, orgUnitId: user.orgUnit.id, phone: user.phone, email: user.email }
    : {};

  const onFinish = (values: UserInput) => {
    setError(null);
    const clean: UserInput = { ...values, phone: values.phone || null, email: values.email || null, password: values.password || undefined };
    // On edit send only what changed, so the audit log shows the real change.
    const input = user
      ? (Object.fromEntries(
          Object.entries(clean).filter(([k, v]) => k !== 'username' && k !== 'password' && v !== (initial as Record<string, unknown>)[k]),
        ) as UserInput)
      : clean;
    save.mutate(
      { id: user?.id, version: user?.version, input },
      {
        onSuccess: (saved) => {
          message.success(t('common.saved'));
          if (!user && saved.initialPassword) {
            modal.success({
              title: t('user.tempPassword'),
              content: (
                <div>
                  <Typography.Paragraph copyable={{ text: saved.initialPassword }} className="mz-mono" style={{ fontSize: 18 }}>
                    {saved.initialPassword}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">{t('user.tempPasswordNote')}</Typography.Text>
                </div>
              ),
            });
          }
          onSaved(saved.user.id);
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') return setError(t('common.versionConflict'));
          setError(applyServerError(form, e, FIELDS));
        },
      },
    );
  };

  return (
    <Form<UserInput> form={form} layout="vertical" disabled={readOnly} initialValues={initial} onFinish={onFinish} name="user">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item
        name="username"
        label={t('user.username')}
        extra={!user && t('user.usernameRule')}
        rules={[req(t('user.username')), { pattern: /^[a-z0-9][a-z0-9._-]{1,39}$/, message: t('user.usernameRule') }]}
      >
        <Input disabled={!!user} autoComplete="off" maxLength={40} />
      </Form.Item>
      <Form.Item name="displayName" label={t('user.displayName')} rules={[req(t('user.displayName')), { max: 50 }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="orgUnitId" label={t('user.orgUnit')} rules={[req(t('user.orgUnit'))]}>
        <OrgUnitSelect initialLabel={user?.orgUnit.name} />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('user.phone')}
        extra={user && t('user.phoneNote')}
        rules={[{ pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: t('user.phoneRule') }]}
      >
        <Input inputMode="tel" maxLength={13} />
      </Form.Item>
      <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email' }]}>
        <Input maxLength={100} />
      </Form.Item>
      {!user && (
        <Form.Item name="password" label={t('user.password')} extra={t('user.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
      {!readOnly && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      )}
    </Form>
  );
}
