import { useQuery } from '@tanstack/react-query';
import { api, type Schema } from '../../api/client';

export type Me = Schema<'MeOutput'>;

export const ME_QUERY_KEY = 'me';

export function useMeQuery() {
  return useQuery({
    queryKey: [ME_QUERY_KEY],
    queryFn: () => api.get('/me/'),
    staleTime: 5 * 60 * 1000,
  });
}
