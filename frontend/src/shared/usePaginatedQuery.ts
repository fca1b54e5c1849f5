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

/** Polling interval in ms, or false for none; a function decides from the latest page. */
export type RefetchInterval<T> = number | false | ((data: Paginated<T> | undefined) => number | false);

export interface PaginatedQueryOptions<T> {
  /** Extra query-string parameters, e.g. a filter. Changing them goes back to page 1. */
  params?: Record<string, string>;
  refetchInterval?: RefetchInterval<T>;
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

/**
 * Fetches `path?page=N` (plus `params`) from a paginated list endpoint;
 * `key` is the query key prefix to invalidate.
 */
export function usePaginatedQuery<T>(
  key: string,
  path: string,
  { params = {}, refetchInterval = false }: PaginatedQueryOptions<T> = {},
): PaginatedQuery<T> {
  const filters = new URLSearchParams(params).toString();
  const [page, setPage] = useState(1);
  const [pageFilters, setPageFilters] = useState(filters);
  if (pageFilters !== filters) {
    // Other filters, other pages: start again from the first.
    setPageFilters(filters);
    setPage(1);
  }

  const query = useQuery({
    queryKey: [key, path, filters, page],
    queryFn: () => apiFetch<Paginated<T>>(`${path}?page=${page}${filters && `&${filters}`}`),
    placeholderData: keepPreviousData,
    refetchInterval:
      typeof refetchInterval === 'function' ? (current) => refetchInterval(current.state.data) : refetchInterval,
  });

  // Deleting the last row of the last page leaves us on a page that no longer exists.
  const pageGone = page > 1 && query.error?.status === 404;
  useEffect(() => {
    if (pageGone) setPage((current) => current - 1);
  }, [pageGone]);

  return { query, page, setPage, totalPages: countPages(query.data, page) };
}

/** Every item of a paginated list, following pages until the last (at most `maxPages`). */
export async function fetchAllPages<T>(path: string, maxPages = 20): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const data = await apiFetch<Paginated<T>>(`${path}?page=${page}`);
    items.push(...data.results);
    if (data.next === null) break;
  }
  return items;
}
