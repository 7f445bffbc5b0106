import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../shared/api.ts';
import { noteSessionEnd } from './session-expiry.ts';

export const ME_KEY = ['me'] as const;

const SESSION_GONE = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/**
 * One client for the console. A 401 from any call means the session ended (idle timeout,
 * logout elsewhere): drop the cached identity so the auth guard sends the user to /login.
 */
export function createQueryClient() {
  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401 && SESSION_GONE.has(err.code)) {
      noteSessionEnd(err);
      client.setQueryData(ME_KEY, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    // Any change may have notified someone (this user's units included): refresh the bell's count.
    mutationCache: new MutationCache({ onError, onSuccess: () => client.invalidateQueries({ queryKey: ['notifications', 'count'] }) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
