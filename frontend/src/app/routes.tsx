import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from '../features/not-found/NotFoundPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';

/** Django serves the SPA for every path under /app/. */
export const BASENAME = '/app';

// Every page but the home page loads its code when first opened, so the first load of the
// admin site stays small (see `bench admin`: initial_js_gzip_bytes).
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      {
        path: 'inbox',
        children: [
          { index: true, lazy: () => import('../features/inbox/InboxPage').then((m) => ({ Component: m.InboxPage })) },
          {
            path: ':id',
            lazy: () => import('../features/inbox/ConversationPage').then((m) => ({ Component: m.ConversationPage })),
          },
        ],
      },
      {
        path: 'analytics',
        lazy: () => import('../features/analytics/AnalyticsPage').then((m) => ({ Component: m.AnalyticsPage })),
      },
      {
        path: 'knowledge',
        children: [
          { index: true, lazy: () => import('../features/knowledge/KnowledgePage').then((m) => ({ Component: m.KnowledgePage })) },
          {
            path: 'sources/:id',
            lazy: () => import('../features/knowledge/SourceDetailPage').then((m) => ({ Component: m.SourceDetailPage })),
          },
          { path: 'search', lazy: () => import('../features/knowledge/SearchPage').then((m) => ({ Component: m.SearchPage })) },
        ],
      },
      {
        path: 'catalog',
        children: [
          { index: true, element: <Navigate to="products" replace /> },
          { path: 'products', lazy: () => import('../features/catalog/ProductsPage').then((m) => ({ Component: m.ProductsPage })) },
          {
            path: 'products/:id',
            lazy: () => import('../features/catalog/ProductDetailPage').then((m) => ({ Component: m.ProductDetailPage })),
          },
          {
            path: 'imports',
            lazy: () => import('../features/catalog/imports/ImportsPage').then((m) => ({ Component: m.ImportsPage })),
          },
          {
            path: 'imports/new',
            lazy: () => import('../features/catalog/imports/ImportWizardPage').then((m) => ({ Component: m.NewImportPage })),
          },
          {
            path: 'imports/:id',
            lazy: () => import('../features/catalog/imports/ImportWizardPage').then((m) => ({ Component: m.ImportJobPage })),
          },
        ],
      },
      { path: 'team', lazy: () => import('../features/team/TeamPage').then((m) => ({ Component: m.TeamPage })) },
      { path: 'api-keys', lazy: () => import('../features/api-keys/ApiKeysPage').then((m) => ({ Component: m.ApiKeysPage })) },
      { path: 'audit', lazy: () => import('../features/audit/AuditPage').then((m) => ({ Component: m.AuditPage })) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: BASENAME });
}
