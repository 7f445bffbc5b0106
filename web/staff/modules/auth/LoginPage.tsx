import { useEffect, useState } from 'react';
import { BrandMark } from '../../app/BrandMark.tsx';
import { takeSessionExpired } from '../../app/session-expiry.ts';
import { api } from '../../shared/api.ts';
import { useLoginI18n, type LoginLocale, type LoginT } from './login-i18n.ts';
import { PasswordForm, TotpForm } from './LoginForms.tsx';
import { LOGIN_MODULES } from './messages.ts';
import { useLoginFlow, type Credentials } from './use-login-flow.ts';

/** Demo accounts (published in the README, seeded only in demo mode); shown only when /api/health says demo. */
const DEMO_PASSWORD = 'Minzheng@2019';
const DEMO_ACCOUNTS = ['admin', 'nx-fgc', 'yc-mzj', 'ld-mzj'] as const;

/**
 * 用户登录. The first page most people load, on any link: plain React and the page's own styles,
 * without antd, the router or the console's dictionaries (issue 18: ≤ 120 KB gzip of JavaScript,
 * tests/web/bundle-budget.test.ts). A user already signed in goes on to the console.
 */
export function LoginPage() {
  const { locale, setLocale, t } = useLoginI18n();
  const flow = useLoginFlow();
  const [expired] = useState(takeSessionExpired);
  const [demo, setDemo] = useState(false);
  const [values, setValues] = useState<Credentials>({ username: '', password: '' });

  useEffect(() => {
    // Signed in already (another tab, or the back button): on to the console.
    api.me().then(
      () => window.location.replace('/'),
      () => undefined,
    );
    api.health().then(
      (h) => setDemo(h.demo === true),
      () => undefined,
    );
  }, []);

  return (
    <div className="mz-login">
      <header className="mz-login-top">
        <BrandMark name={t('app.name')} org={t('app.org')} />
        <LanguageButtons locale={locale} onChange={setLocale} label={t('lang.switch')} />
      </header>
      <main className="mz-login-main">
        <div className="mz-login-card">
          <section className="mz-login-intro">
            <h1 className="mz-login-title">{t('app.name')}</h1>
            <p className="mz-login-slogan">{t('login.slogan')}</p>
            <p className="mz-login-desc">{t('login.desc')}</p>
            <ul className="mz-login-modules">
              {LOGIN_MODULES[locale === 'zh-CN' ? 'zh' : 'en'].map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <p className="mz-login-host">{t('login.host')}</p>
          </section>
          <section className="mz-login-form" aria-labelledby="login-heading">
            <h2 id="login-heading">{t('login.title')}</h2>
            <p className="mz-login-sub">{t('login.subtitle')}</p>
            {expired && !flow.error && (
              <div className="mz-alert mz-alert-info mz-login-alert" role="status">
                {t('login.expired')}
              </div>
            )}
            {flow.error && (
              <div className="mz-alert mz-alert-error mz-login-alert" role="alert">
                {flow.error.title}
              </div>
            )}
            {flow.step === 'password' ? (
              <PasswordForm t={t} pending={flow.pending} values={values} onChange={setValues} onSubmit={flow.submitPassword} />
            ) : (
              <TotpForm t={t} pending={flow.pending} username={flow.username} onSubmit={flow.submitTotp} onBack={flow.back} />
            )}
            {demo && <DemoNotice t={t} showAccounts={flow.step === 'password'} onPick={(u) => setValues({ username: u, password: DEMO_PASSWORD })} />}
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

/** 中文 / English, kept with the console's choice. */
function LanguageButtons({ locale, onChange, label }: { locale: LoginLocale; onChange: (l: LoginLocale) => void; label: string }) {
  const options: [LoginLocale, string][] = [
    ['zh-CN', '中文'],
    ['en-US', 'English'],
  ];
  return (
    <div className="mz-lang" role="group" aria-label={label}>
      {options.map(([value, text]) => (
        <button key={value} type="button" className="mz-lang-option" aria-pressed={locale === value} onClick={() => onChange(value)}>
          {text}
        </button>
      ))}
    </div>
  );
}

function DemoNotice({ t, showAccounts, onPick }: { t: LoginT; showAccounts: boolean; onPick: (username: string) => void }) {
  return (
    <div className="mz-alert mz-alert-warning mz-login-demo" data-testid="demo-notice">
      <div className="mz-alert-title">{t('login.demoTitle')}</div>
      <p className="mz-login-demo-text">{t('login.demoText')}</p>
      {showAccounts && (
        <>
          <p className="mz-login-demo-text">{t('login.demoAccounts', { pw: DEMO_PASSWORD })}</p>
          <ul className="mz-login-demo-list">
            {DEMO_ACCOUNTS.map((u) => (
              <li key={u}>
                <button type="button" className="mz-login-demo-account" title={t(`login.demoRole.${u}`)} onClick={() => onPick(u)}>
                  <code>{u}</code>
                  <span>{t(`login.demoRole.${u}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
