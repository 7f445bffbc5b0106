import { RouterProvider } from 'react-router-dom';
import { Providers } from './Providers.tsx';
import { router } from './router.tsx';

/** The staff console behind the sign-in: providers (antd, queries, language) and the routes. */
export function Console() {
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
