import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { ApiKeysPage } from '../features/api-keys/ApiKeysPage';
import { AssistantPage } from '../features/assistant/AssistantPage';
import { AuditPage } from '../features/audit/AuditPage';
import { ImportsPage } from '../features/catalog/imports/ImportsPage';
import { ImportJobPage, NewImportPage } from '../features/catalog/imports/ImportWizardPage';
import { ProductDetailPage } from '../features/catalog/ProductDetailPage';
import { ProductsPage } from '../features/catalog/ProductsPage';
import { KnowledgePage } from '../features/knowledge/KnowledgePage';
import { SearchPage } from '../features/knowledge/SearchPage';
import { SourceDetailPage } from '../features/knowledge/SourceDetailPage';
import { NotFoundPage } from '../features/not-found/NotFoundPage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { TeamPage } from '../features/team/TeamPage';
import { WidgetPage } from '../features/widget/WidgetPage';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';

/** Django serves the SPA for every path under /app/. */
export const BASENAME = '/app';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <OverviewPage /> },
      {
        path: 'knowledge',
        children: [
          { index: true, element: <KnowledgePage /> },
          { path: 'sources/:id', element: <SourceDetailPage /> },
          { path: 'search', element: <SearchPage /> },
        ],
      },
      {
        path: 'catalog',
        children: [
          { index: true, element: <Navigate to="products" replace /> },
          { path: 'products', element: <ProductsPage /> },
          { path: 'products/:id', element: <ProductDetailPage /> },
          { path: 'imports', element: <ImportsPage /> },
          { path: 'imports/new', element: <NewImportPage /> },
          { path: 'imports/:id', element: <ImportJobPage /> },
        ],
      },
      { path: 'assistant', element: <AssistantPage /> },
      { path: 'widget', element: <WidgetPage /> },
      { path: 'team', element: <TeamPage /> },
      { path: 'api-keys', element: <ApiKeysPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes, { basename: BASENAME });
}
