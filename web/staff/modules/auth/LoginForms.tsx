import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import type { Credentials } from './use-login-flow.ts';
import type { LoginT } from './login-i18n.ts';

type FieldProps = { id: string; label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input with its hint and error underneath, read out with it. */
function Field({ id, label, error, hint, ...input }: FieldProps) {
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`mz-field${error ? ' mz-field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} className="mz-input" aria-invalid={!!error} aria-describedby={described} {...input} />
      {error && (
        <div id={`${id}-error`} className="mz-field-error">
          {error}
        </div>
      )}
      {hint && (
        <div id={`${id}-hint`} className="mz-field-hint">
          {hint}
        </div>
      )}
    </div>
  );
}

function SubmitButton({ t, pending }: { t: LoginT; pending: boolean }) {
  return (
    <button type="submit" className="mz-btn mz-btn-primary" disabled={pending} aria-busy={pending}>
      {pending && <span className="mz-btn-spinner" aria-hidden="true" />}
      {t('login.submit')}
    </button>
  );
}

/** Username and password; each is required before anything is sent. */
export function PasswordForm({
  t,
  pending,
  values,
  onChange,
  onSubmit,
}: {
  t: LoginT;
  pending: boolean;
  values: Credentials;
  onChange: (v: Credentials) => void;
  onSubmit: (v: Credentials) => void;
}) {
  const [tried, setTried] = useState(false);
  const missing = (v: string, label: string) => (tried && !v.trim() ? t('login.required', { f: label }) : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (values.username.trim() && values.password) onSubmit(values);
  };
  return (
    <form name="login" className="mz-login-fields" onSubmit={submit} noValidate>
      <Field
        id="login-username"
        label={t('login.username')}
        autoComplete="username"
        autoFocus
        value={values.username}
        onChange={(e) => onChange({ ...values, username: e.target.value })}
        error={missing(values.username, t('login.username'))}
      />
      <Field
        id="login-password"
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        value={values.password}
        onChange={(e) => onChange({ ...values, password: e.target.value })}
        error={missing(values.password, t('login.password'))}
      />
      <SubmitButton t={t} pending={pending} />
    </form>
  );
}

/** The six-digit code of the user's authenticator app. */
export function TotpForm({
  t,
  pending,
  username,
  onSubmit,
  onBack,
}: {
  t: LoginT;
  pending: boolean;
  username?: string;
  onSubmit: (code: string) => void;
  onBack: () => void;
}) {
  const [code, setCode] = useState('');
  const [tried, setTried] = useState(false);
  const valid = /^\d{6}$/.test(code);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (valid) onSubmit(code);
  };
  return (
    <form name="totp" className="mz-login-fields" onSubmit={submit} noValidate>
      <p className="mz-login-totp-user">{username}</p>
      <Field
        id="login-totp"
        label={t('login.totp')}
        hint={t('login.totpHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        autoFocus
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={tried && !valid ? t('login.codeRule') : undefined}
      />
      <SubmitButton t={t} pending={pending} />
      <button type="button" className="mz-btn mz-btn-link" onClick={onBack}>
        {t('login.back')}
      </button>
    </form>
  );
}
