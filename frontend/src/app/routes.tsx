import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from '../features/not-found/NotFoundPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';

/** Django serves the SPA for every path under /app/. */
export const BASENAME = '/app';

// Every page but the home page loads its code when first opened, so the first load of the
// admin site stays small (see `bench admin`: initial_js_gzip_bytes).
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return () => load().then((module) => ({ Component: module[name] }));
}

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      {
        path: 'inbox',
        children: [
          { index: true, lazy: page(() => import('../features/inbox/InboxPage'), 'InboxPage') },
          {
            path: ':id',
            lazy: page(() => import('../features/inbox/ConversationPage'), 'ConversationPage'),
          },
        ],
      },
      {
        path: 'analytics',
        lazy: page(() => import('../features/analytics/AnalyticsPage'), 'AnalyticsPage'),
      },
      {
        path: 'knowledge',
        children: [
          { index: true, lazy: page(() => import('../features/knowledge/KnowledgePage'), 'KnowledgePage') },
          {
            path: 'sources/:id',
            lazy: page(() => import('../features/knowledge/SourceDetailPage'), 'SourceDetailPage'),
          },
          { path: 'search', lazy: page(() => import('../features/knowledge/SearchPage'), 'SearchPage') },
        ],
      },
      {
        path: 'catalog',
        children: [
          { index: true, element: <Navigate to="products" replace /> },
          { path: 'products', lazy: page(() => import('../features/catalog/ProductsPage'), 'ProductsPage') },
          {
            path: 'products/:id',
            lazy: page(() => import('../features/catalog/ProductDetailPage'), 'ProductDetailPage'),
          },
          {
            path: 'imports',
            lazy: page(() => import('../features/catalog/imports/ImportsPage'), 'ImportsPage'),
          },
          {
            path: 'imports/new',
            lazy: page(() => import('../features/catalog/imports/ImportWizardPage'), 'NewImportPage'),
          },
          {
            path: 'imports/:id',
            lazy: page(() => import('../features/catalog/imports/ImportWizardPage'), 'ImportJobPage'),
          },
        ],
      },
      { path: 'assistant', lazy: page(() => import('../features/assistant/AssistantPage'), 'AssistantPage') },
      { path: 'widget', lazy: page(() => import('../features/widget/WidgetPage'), 'WidgetPage') },
      { path: 'team', lazy: page(() => import('../features/team/TeamPage'), 'TeamPage') },
      { path: 'settings', lazy: page(() => import('../features/settings/SettingsPage'), 'SettingsPage') },
      { path: 'api-keys', lazy: page(() => import('../features/api-keys/ApiKeysPage'), 'ApiKeysPage') },
      { path: 'audit', lazy: page(() => import('../features/audit/AuditPage'), 'AuditPage') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: BASENAME });
}
