import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, QRCode, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import { applyServerError } from '../../shared/form-errors.ts';
import { useTotpDisable, useTotpEnable, useTotpSetup } from './use-profile.ts';

const CODE_RULE = /^\d{6}$/;

/** Enrol an authenticator (QR code + secret + otpauth URI), or turn TOTP off with password + code. */
export function TotpCard() {
  const t = useT();
  const me = useSession();
  const { message } = App.useApp();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const disable = useTotpDisable();
  const [enableForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ password: string; code: string }>();
  const [error, setError] = useState<string | null>(null);
  const codeRules = [{ required: true, pattern: CODE_RULE, message: t('profile.codeRule') }];
  const on = me.user.totpEnabled;

  const onEnable = ({ code }: { code: string }) => {
    setError(null);
    enable.mutate(code, {
      onSuccess: () => {
        message.success(t('profile.totpEnabled'));
        setup.reset();
      },
      onError: (e) => setError(applyServerError(enableForm, e, ['code'])),
    });
  };
  const onDisable = (v: { password: string; code: string }) => {
    setError(null);
    disable.mutate(v, {
      onSuccess: () => {
        message.success(t('profile.totpDisabled'));
        disableForm.resetFields();
      },
      onError: (e) => setError(applyServerError(disableForm, e, ['password', 'code'])),
    });
  };

  return (
    <Card
      className="mz-card"
      title={t('profile.totp')}
      data-testid="totp-card"
      extra={
        on ? (
          <Tag color="success" icon={<CheckCircleFilled />}>
            {t('profile.totpOn')}
          </Tag>
        ) : (
          <Tag>{t('profile.totpOff')}</Tag>
        )
      }
    >
      <p className="mz-muted">{t('profile.totpIntro')}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!on && !setup.data && (
        <Button type="primary" loading={setup.isPending} onClick={() => setup.mutate(undefined, { onError: (e) => setError(e.message) })}>
          {t('profile.totpStart')}
        </Button>
      )}
      {!on && setup.data && (
        <div className="mz-totp-setup">
          <p className="mz-step">{t('profile.totpScan')}</p>
          <div className="mz-totp-grid">
            <QRCode value={setup.data.otpauthUri} size={168} bordered />
            <div className="mz-totp-text">
              <div className="mz-muted">{t('profile.totpSecret')}</div>
              <Typography.Text copyable className="mz-mono mz-totp-secret">
                {setup.data.secret}
              </Typography.Text>
              <div className="mz-muted mz-gap">{t('profile.totpUri')}</div>
              <Typography.Text copyable className="mz-mono" style={{ fontSize: 11 }}>
                {setup.data.otpauthUri}
              </Typography.Text>
            </div>
          </div>
          <p className="mz-step">{t('profile.totpCode')}</p>
          <Form form={enableForm} layout="inline" name="totp-enable" onFinish={onEnable}>
            <Form.Item name="code" rules={codeRules}>
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} placeholder="123456" aria-label={t('login.totp')} style={{ width: 140 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={enable.isPending}>
              {t('profile.totpEnable')}
            </Button>
          </Form>
        </div>
      )}
      {on && (
        <Form form={disableForm} layout="vertical" name="totp-disable" onFinish={onDisable} style={{ maxWidth: 420 }}>
          <Typography.Paragraph>{t('profile.totpDisableNote')}</Typography.Paragraph>
          <Form.Item
            name="password"
            label={t('profile.oldPassword')}
            rules={[{ required: true, message: t('common.required', { f: t('profile.oldPassword') }) }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="code" label={t('login.totp')} rules={codeRules}>
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
          </Form.Item>
          <Button danger htmlType="submit" loading={disable.isPending}>
            {t('profile.totpDisable')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
