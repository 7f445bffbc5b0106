import { ApiError } from '../shared/api.ts';

/** A timed-out session, noted by the console and told once by the sign-in page (which loads without the console). */
const EXPIRED_FLAG = 'mz.sessionExpired';

/** Remember that the session timed out, so the login page can say so once. */
export function noteSessionEnd(err: unknown) {
  if (err instanceof ApiError && err.code === 'SESSION_EXPIRED') {
    try {
      sessionStorage.setItem(EXPIRED_FLAG, '1');
    } catch {
      /* storage unavailable: the notice is a courtesy */
    }
  }
}

/** True once after a timeout, then forgotten. */
export function takeSessionExpired(): boolean {
  try {
    const v = sessionStorage.getItem(EXPIRED_FLAG) === '1';
    sessionStorage.removeItem(EXPIRED_FLAG);
    return v;
  } catch {
    return false;
  }
}
