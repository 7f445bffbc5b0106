import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate } from 'react-router-dom';
import { takeSessionExpired } from '../../app/query-client.ts';
import { BrandMark } from '../../app/BrandMark.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { useMe } from '../../app/session.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { WEB_MODULES } from '../index.ts';
import { useHealth } from '../../shared/use-health.ts';
import { useLoginFlow, type Credentials } from './use-login-flow.ts';

/** Demo accounts (published in the README, seeded only in demo mode); shown only when /api/health says demo. */
const DEMO_PASSWORD = 'Minzheng@2019';
const DEMO_ACCOUNTS = ['admin', 'nx-fgc', 'yc-mzj', 'ld-mzj'] as const;

const MODULES: MessageKey[] = [...WEB_MODULES.map((m) => m.label), 'nav.lawStudy'];

export function LoginPage() {
  const t = useT();
  const me = useMe();
  const health = useHealth();
  const flow = useLoginFlow();
  const [expired] = useState(takeSessionExpired);
  const [form] = Form.useForm<Credentials>();
  const demo = health.data?.demo === true;

  if (me.data) return <Navigate to="/" replace />;

  return (
    <div className="mz-login">
      <header className="mz-login-top">
        <BrandMark />
        <LanguageSwitch />
      </header>
      <main className="mz-login-main">
        <div className="mz-login-card">
          <section className="mz-login-intro" aria-hidden="false">
            <h1 className="mz-login-title">{t('app.name')}</h1>
            <p className="mz-login-slogan">{t('login.slogan')}</p>
            <p className="mz-login-desc">{t('login.desc')}</p>
            <ul className="mz-login-modules">
              {MODULES.map((k) => (
                <li key={k}>{t(k)}</li>
              ))}
            </ul>
            <p className="mz-login-host">{t('login.host')}</p>
          </section>
          <section className="mz-login-form" aria-labelledby="login-heading">
            <h2 id="login-heading">{t('login.title')}</h2>
            <p className="mz-login-sub">{t('login.subtitle')}</p>
            {expired && !flow.error && <Alert className="mz-login-alert" type="info" showIcon title={t('login.expired')} />}
            {flow.error && <Alert className="mz-login-alert" type="error" showIcon title={flow.error.title} role="alert" />}
            {flow.step === 'password' ? (
              <Form<Credentials> form={form} layout="vertical" requiredMark={false} onFinish={flow.submitPassword} size="large" name="login">
                <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('common.required', { f: t('login.username') }) }]}>
                  <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
                </Form.Item>
                <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('common.required', { f: t('login.password') }) }]}>
                  <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={flow.pending}>
                  {t('login.submit')}
                </Button>
              </Form>
            ) : (
              <Form<{ totp: string }> layout="vertical" requiredMark={false} size="large" name="totp" onFinish={(v) => flow.submitTotp(v.totp)}>
                <p className="mz-login-totp-user">
                  <SafetyOutlined /> {flow.username}
                </p>
                <Form.Item
                  name="totp"
                  label={t('login.totp')}
                  extra={t('login.totpHint')}
                  rules={[{ required: true, pattern: /^\d{6}$/, message: t('profile.codeRule') }]}
                >
                  <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={flow.pending}>
                  {t('login.submit')}
                </Button>
                <Button type="link" block onClick={flow.back}>
                  {t('login.back')}
                </Button>
              </Form>
            )}
            {demo && (
              <Alert
                className="mz-login-demo"
                type="warning"
                showIcon
                title={t('login.demoTitle')}
                data-testid="demo-notice"
                description={
                  <>
                    <p className="mz-login-demo-text">{t('login.demoText')}</p>
                    {flow.step === 'password' && (
                      <>
                        <p className="mz-login-demo-text">{t('login.demoAccounts', { pw: DEMO_PASSWORD })}</p>
                        <ul className="mz-login-demo-list">
                          {DEMO_ACCOUNTS.map((u) => (
                            <li key={u}>
                              <button
                                type="button"
                                className="mz-login-demo-account"
                                title={t(`login.demoRole.${u}`)}
                                onClick={() => form.setFieldsValue({ username: u, password: DEMO_PASSWORD })}
                              >
                                <code>{u}</code>
                                <span>{t(`login.demoRole.${u}`)}</span>
                              </button>
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </>
                }
              />
            )}
            <p className="mz-login-notice">{t('login.notice')}</p>
          </section>
        </div>
      </main>
      <footer className="mz-login-footer">
        <span>{t('app.footer')}</span>
        <a href="/portal/">{t('login.portal')}</a>
      </footer>
    </div>
  );
}
