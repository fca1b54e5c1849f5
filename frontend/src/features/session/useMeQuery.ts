import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';
import type { Me } from '../../api/types';

export const ME_QUERY_KEY = 'me';

export function useMeQuery() {
  return useQuery({
    queryKey: [ME_QUERY_KEY],
    queryFn: () => apiFetch<Me>('/me/'),
    staleTime: 5 * 60 * 1000,
  });
}
