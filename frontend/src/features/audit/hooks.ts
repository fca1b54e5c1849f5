import type { AuditEvent } from '../../api/types';
import { usePaginatedQuery } from '../../shared/usePaginatedQuery';

export function useAuditEvents() {
  return usePaginatedQuery<AuditEvent>('audit-events', '/audit-events/');
}
