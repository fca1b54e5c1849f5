import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiFetch, type ApiError } from '../api/client';
import type { Paginated } from '../api/types';

export interface PaginatedQuery<T> {
  query: UseQueryResult<Paginated<T>, ApiError>;
  page: number;
  setPage: (page: number) => void;
  totalPages: number;
}

/**
 * Total page count for page-number pagination without knowing the page size:
 * a page with a `next` link is full, and a page without one is the last.
 */
export function countPages(data: Paginated<unknown> | undefined, page: number): number {
  if (!data) return page;
  if (data.next === null || data.results.length === 0) return page;
  return Math.ceil(data.count / data.results.length);
}

/** Fetches `path?page=N` from a paginated list endpoint; `key` is the query key prefix to invalidate. */
export function usePaginatedQuery<T>(key: string, path: string): PaginatedQuery<T> {
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: [key, page],
    queryFn: () => apiFetch<Paginated<T>>(`${path}?page=${page}`),
    placeholderData: keepPreviousData,
  });

  // Deleting the last row of the last page leaves us on a page that no longer exists.
  const pageGone = page > 1 && query.error?.status === 404;
  useEffect(() => {
    if (pageGone) setPage((current) => current - 1);
  }, [pageGone]);

  return { query, page, setPage, totalPages: countPages(query.data, page) };
}
