import { useState } from 'react';
import { useDebouncedCallback } from '@mantine/hooks';
import { useSearchParams } from 'react-router';
import { PRODUCT_STATUSES, type ProductListParams, type ProductSearchRequest, type ProductStatus } from './hooks';

/**
 * "catalog": the product list filtered by title or exact SKU (every status, paginated).
 * "shopper": the assistant's product search over active products, showing how it read the query.
 */
export type SearchMode = 'catalog' | 'shopper';

export interface ProductFilterValues {
  mode: SearchMode;
  q: string;
  status: ProductStatus | null;
  vendor: string;
  /** A collection handle. */
  collection: string | null;
  inStock: boolean;
  minPrice: string;
  maxPrice: string;
}

const KEYS: Record<keyof ProductFilterValues, string> = {
  mode: 'mode',
  q: 'q',
  status: 'status',
  vendor: 'vendor',
  collection: 'collection',
  inStock: 'in_stock',
  minPrice: 'min_price',
  maxPrice: 'max_price',
};

function readFilters(params: URLSearchParams): ProductFilterValues {
  const status = params.get(KEYS.status);
  return {
    mode: params.get(KEYS.mode) === 'shopper' ? 'shopper' : 'catalog',
    q: params.get(KEYS.q) ?? '',
    status: PRODUCT_STATUSES.includes(status as ProductStatus) ? (status as ProductStatus) : null,
    vendor: params.get(KEYS.vendor) ?? '',
    collection: params.get(KEYS.collection) || null,
    inStock: params.get(KEYS.inStock) === 'true',
    minPrice: params.get(KEYS.minPrice) ?? '',
    maxPrice: params.get(KEYS.maxPrice) ?? '',
  };
}

function writeValue(params: URLSearchParams, key: keyof ProductFilterValues, value: unknown): void {
  const empty = value === null || value === '' || value === false || (key === 'mode' && value === 'catalog');
  if (empty) params.delete(KEYS[key]);
  else params.set(KEYS[key], String(value));
}

/** The products page's search and filters, kept in the URL so they survive reloads and can be shared. */
export function useProductFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const values = readFilters(searchParams);
  const update = (patch: Partial<ProductFilterValues>) =>
    setSearchParams(
      (params) => {
        for (const [key, value] of Object.entries(patch)) writeValue(params, key as keyof ProductFilterValues, value);
        return params;
      },
      { replace: true },
    );
  const clear = () => update({ q: '', status: null, vendor: '', collection: null, inStock: false, minPrice: '', maxPrice: '' });
  return { values, update, clear };
}

/** Whether anything narrows the list (the mode doesn't). */
export function hasFilters(values: ProductFilterValues): boolean {
  return Boolean(
    values.q || values.status || values.vendor || values.collection || values.inStock || values.minPrice || values.maxPrice,
  );
}

export function toListParams(values: ProductFilterValues): ProductListParams {
  const params: ProductListParams = {};
  if (values.q.trim()) params.q = values.q.trim();
  if (values.status) params.status = values.status;
  if (values.vendor.trim()) params.vendor = values.vendor.trim();
  if (values.collection) params.collection = values.collection;
  if (values.inStock) params.in_stock = 'true';
  if (values.minPrice) params.min_price = values.minPrice;
  if (values.maxPrice) params.max_price = values.maxPrice;
  return params;
}

/** Shopper search shows up to this many products, best first (the endpoint's maximum). */
export const SEARCH_LIMIT = 50;

/** The search request for the shopper mode, or null when there is no query yet. */
export function toSearchRequest(values: ProductFilterValues): ProductSearchRequest | null {
  const query = values.q.trim();
  if (!query) return null;
  const filters: NonNullable<ProductSearchRequest['filters']> = {};
  if (values.vendor.trim()) filters.vendor = values.vendor.trim();
  if (values.collection) filters.collection = values.collection;
  if (values.inStock) filters.in_stock = true;
  if (values.minPrice) filters.min_price = values.minPrice;
  if (values.maxPrice) filters.max_price = values.maxPrice;
  return { query, k: SEARCH_LIMIT, filters };
}

/**
 * A text field whose value lives elsewhere (the URL): typing updates the field at once and
 * commits after a pause; an outside change (e.g. "Clear filters") resets the field.
 */
export function useDebouncedField(value: string, commit: (value: string) => void, delay = 350) {
  const [local, setLocal] = useState(value);
  const [committed, setCommitted] = useState(value);
  if (value !== committed) {
    setCommitted(value);
    setLocal(value);
  }
  const debouncedCommit = useDebouncedCallback(commit, delay);
  const onChange = (next: string) => {
    setLocal(next);
    debouncedCommit(next);
  };
  return [local, onChange] as const;
}
