import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken } from '../shared/api.ts';
import type { Me, Scope } from '../shared/api-types.ts';
import { ME_KEY } from './query-client.ts';
import { noteSessionEnd } from './session-expiry.ts';

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        const me = await api.me();
        setCsrfToken(me.csrfToken);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          noteSessionEnd(e);
          return null;
        }
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user; only for components rendered inside the auth guard. */
export function useSession(): Me {
  const me = useMe().data;
  if (!me) throw new Error('useSession outside RequireAuth');
  return me;
}

export function useCan() {
  const me = useMe().data;
  return (permission: string) => !!me?.permissions.includes(permission);
}

const SCOPE_RANK: Record<Scope, number> = { self: 0, org: 1, subtree: 2 };

/** The widest data scope among the user's roles, for the header badge. */
export function widestScope(me: Me): Scope | null {
  let best: Scope | null = null;
  for (const r of me.roles) if (!best || SCOPE_RANK[r.scope] > SCOPE_RANK[best]) best = r.scope;
  return best;
}

/**
 * Set when the user signs out (not when a session expires): the sign-in page then opens plainly,
 * without a `next` back to the page they left — the next person to sign in on this browser should
 * not land on the previous user's case.
 */
let signedOut = false;
export const signedOutByUser = () => signedOut;

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.logout().catch(() => undefined),
    // Before the request: a query answered 401 while it runs sends the guard to the sign-in page, which must open plainly too.
    onMutate: () => {
      signedOut = true;
    },
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
      qc.setQueryData(ME_KEY, null);
    },
  });
}
