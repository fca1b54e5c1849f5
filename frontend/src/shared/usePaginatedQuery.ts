import { useEffect, useState } from 'react';
import { keepPreviousData, useQuery, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import type { ApiError } from '../api/client';

/** One page of a list endpoint (the API's page-number pagination: `Paginated…List` in the schema). */
export interface Paginated<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface PaginatedQuery<T> {
  query: UseQueryResult<Paginated<T>, ApiError>;
  page: number;
  setPage: (page: number) => void;
  totalPages: number;
}

/** Polling interval in ms, or false for none; a function decides from the latest page. */
export type RefetchInterval<T> = number | false | ((data: Paginated<T> | undefined) => number | false);

export interface PaginatedQueryOptions<T, F> {
  /** The list's filters, sent with every page. Changing them goes back to page 1. */
  filters?: F;
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
 * One page at a time of a list endpoint: `fetchPage` gets the filters plus the page number,
 * e.g. `(query) => api.get('/members/', { query })`; `key` starts the query key (invalidating
 * its first element refetches every page).
 */
export function usePaginatedQuery<T, F extends object = object>(
  key: QueryKey,
  fetchPage: (query: F & { page: number }) => Promise<Paginated<T>>,
  { filters, refetchInterval = false }: PaginatedQueryOptions<T, F> = {},
): PaginatedQuery<T> {
  const filterKey = JSON.stringify(filters ?? {});
  const [page, setPage] = useState(1);
  const [pageFilters, setPageFilters] = useState(filterKey);
  if (pageFilters !== filterKey) {
    // Other filters, other pages: start again from the first.
    setPageFilters(filterKey);
    setPage(1);
  }

  const query = useQuery({
    queryKey: [...key, filterKey, page],
    queryFn: () => fetchPage({ page, ...(filters as F) }),
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
export async function fetchAllPages<T>(
  fetchPage: (query: { page: number }) => Promise<Paginated<T>>,
  maxPages = 20,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= maxPages; page += 1) {
    const data = await fetchPage({ page });
    items.push(...data.results);
    if (data.next === null) break;
  }
  return items;
}
