import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../app/Providers';
import { BASENAME, routes } from '../app/routes';
import { mockFetch, type Routes } from './fetchMock';

/**
 * Renders the whole app at `path` (below /app) against mocked API routes.
 * Returns the Testing Library result plus the list of requests made.
 */
export function renderApp(path: string, apiRoutes: Routes) {
  const requests = mockFetch(apiRoutes);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [`${BASENAME}${path}`], basename: BASENAME });
  const result = render(
    <Providers queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, requests, router };
}
