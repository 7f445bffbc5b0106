import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useLogin } from '../../app/session.ts';
import { ApiError } from '../../shared/api.ts';

export type Credentials = { username: string; password: string };

/** Safe post-login target: only same-site paths, never back to /login. */
function safeNext(next: string | null) {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

/**
 * Two steps: username + password, then (when the server answers TOTP_REQUIRED) the
 * six-digit code. Errors are the server's Chinese `title`.
 */
export function useLoginFlow() {
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [creds, setCreds] = useState<Credentials | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const attempt = (c: Credentials, totp?: string) => {
    setError(null);
    login.mutate(
      { username: c.username.trim(), password: c.password, ...(totp ? { totp } : {}) },
      {
        onSuccess: () => navigate(safeNext(params.get('next')), { replace: true }),
        onError: (e) => {
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
        },
      },
    );
  };

  return {
    step,
    error,
    pending: login.isPending,
    username: creds?.username,
    submitPassword: (c: Credentials) => attempt(c),
    submitTotp: (code: string) => creds && attempt(creds, code),
    back: () => {
      setStep('password');
      setError(null);
    },
  };
}
