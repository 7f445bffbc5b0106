import { useState } from 'react';
import { api, ApiError, setCsrfToken } from '../../shared/api.ts';

export type Credentials = { username: string; password: string };

/** Safe post-login target: only same-site paths, never back to /login. */
function safeNext(next: string | null) {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

/**
 * Two steps: username + password, then (when the server answers TOTP_REQUIRED) the
 * six-digit code. Errors are the server's Chinese `title`. A signed-in user goes on to the
 * console as a new page load: the sign-in page carries none of the console's code.
 */
export function useLoginFlow() {
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [creds, setCreds] = useState<Credentials | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  const attempt = async (c: Credentials, totp?: string) => {
    setError(null);
    setPending(true);
    try {
      const me = await api.login({ username: c.username.trim(), password: c.password, ...(totp ? { totp } : {}) });
      setCsrfToken(me.csrfToken);
      window.location.replace(safeNext(new URLSearchParams(window.location.search).get('next')));
    } catch (e) {
      setPending(false);
      const err = e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e));
      if (err.code === 'TOTP_REQUIRED') {
        setCreds(c);
        setStep('totp');
        return;
      }
      if (err.code === 'TOTP_INVALID' && step === 'password') {
        setCreds(c);
        setStep('totp');
      }
      setError(err);
    }
  };

  return {
    step,
    error,
    pending,
    username: creds?.username,
    submitPassword: (c: Credentials) => void attempt(c),
    submitTotp: (code: string) => void (creds && attempt(creds, code)),
    back: () => {
      setStep('password');
      setError(null);
    },
  };
}
