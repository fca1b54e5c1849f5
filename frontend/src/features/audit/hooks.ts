import { api, type Schema } from '../../api/client';
import { usePaginatedQuery } from '../../shared/usePaginatedQuery';

export type AuditEvent = Schema<'AuditEventOutput'>;

export function useAuditEvents() {
  return usePaginatedQuery(['audit-events'], (query) => api.get('/audit-events/', { query }));
}
