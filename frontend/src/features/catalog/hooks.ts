import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';
import type {
  Collection,
  ImportJob,
  ImportKind,
  ImportMapping,
  ImportRowError,
  ProductDetail,
  ProductListItem,
  ProductListParams,
  ProductSearchRequest,
  ProductSearchResponse,
} from '../../api/types';
import { POLL_MS } from '../../shared/polling';
import { useApiMutation } from '../../shared/useApiMutation';
import { fetchAllPages, usePaginatedQuery } from '../../shared/usePaginatedQuery';

// Query key prefixes. The import list and the single import are separate so that a wizard
// step doesn't refetch the whole history, and vice versa.
const PRODUCTS = 'catalog-products';
const PRODUCT = 'catalog-product';
const COLLECTIONS = 'catalog-collections';
const SEARCH = 'catalog-search';
const IMPORTS = 'catalog-imports';
const IMPORT = 'catalog-import';
const IMPORT_ERRORS = 'catalog-import-errors';

const IMPORTS_PATH = '/catalog/imports/';
const importPath = (id: number) => `${IMPORTS_PATH}${id}/`;

/** The worker is reading the file (validating) or writing products (running). */
export function isImportBusy(job: ImportJob): boolean {
  return job.status === 'validating' || job.status === 'running';
}

export function useProducts(params: ProductListParams) {
  return usePaginatedQuery<ProductListItem>(PRODUCTS, '/catalog/products/', {
    params: params as Record<string, string>,
  });
}

export function useProduct(id: number) {
  return useQuery({
    queryKey: [PRODUCT, id],
    queryFn: () => apiFetch<ProductDetail>(`/catalog/products/${id}/`),
  });
}

/** Every collection (for the filter); they change with imports, not while a page is open. */
export function useCollections() {
  return useQuery({
    queryKey: [COLLECTIONS],
    queryFn: () => fetchAllPages<Collection>('/catalog/collections/'),
    staleTime: 60_000,
  });
}

/** Shopper-style search: a POST that changes nothing, so it is a query keyed on the request. */
export function useProductSearch(request: ProductSearchRequest | null) {
  return useQuery({
    queryKey: [SEARCH, request],
    queryFn: () =>
      apiFetch<ProductSearchResponse>('/catalog/search/', { method: 'POST', body: request as ProductSearchRequest }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
}

/** Import history; polls while a job on the page is validating or running. */
export function useImports() {
  return usePaginatedQuery<ImportJob>(IMPORTS, IMPORTS_PATH, {
    refetchInterval: (data) => (data?.results.some(isImportBusy) ? POLL_MS : false),
  });
}

/** One import job; polls while the worker has it. */
export function useImport(id: number) {
  return useQuery({
    queryKey: [IMPORT, id],
    queryFn: () => apiFetch<ImportJob>(importPath(id)),
    refetchInterval: (query) => (query.state.data && isImportBusy(query.state.data) ? POLL_MS : false),
  });
}

/**
 * The per-row problems of the job's last validation or run. Shown only once the worker is done
 * with the job, and fetched again whenever the table appears (validation and runs rewrite them).
 */
export function useImportErrors(job: ImportJob) {
  return usePaginatedQuery<ImportRowError>(IMPORT_ERRORS, `${importPath(job.id)}errors/`);
}

export interface ImportUpload {
  file: File;
  kind: ImportKind;
  /** ISO 4217 code of the file's prices; the store's currency when absent. */
  currency?: string;
}

export function useCreateImport() {
  return useApiMutation({
    mutationFn: ({ file, kind, currency }: ImportUpload) => {
      const body = new FormData();
      body.append('file', file);
      body.append('kind', kind);
      if (currency) body.append('currency', currency);
      return apiFetch<ImportJob>(IMPORTS_PATH, { method: 'POST', body });
    },
    invalidates: [IMPORTS],
    successMessage: (job) => `“${job.filename}” uploaded.`,
    notifyOnError: false,
  });
}

const JOB_CHANGES = [IMPORTS, IMPORT];

export function useUpdateMapping() {
  return useApiMutation({
    mutationFn: ({ job, mapping }: { job: ImportJob; mapping: ImportMapping }) =>
      apiFetch<ImportJob>(importPath(job.id), { method: 'PATCH', body: { mapping } }),
    invalidates: JOB_CHANGES,
    successMessage: () => 'Column mapping saved.',
  });
}

export function useValidateImport() {
  return useApiMutation({
    mutationFn: (job: ImportJob) => apiFetch<ImportJob>(`${importPath(job.id)}validate/`, { method: 'POST' }),
    invalidates: JOB_CHANGES,
    successMessage: (job) => `Checking “${job.filename}”…`,
  });
}

export interface RunOptions {
  archive_missing: boolean;
  confirm_archive: boolean;
}

export function useRunImport() {
  return useApiMutation({
    mutationFn: ({ job, options }: { job: ImportJob; options: RunOptions }) =>
      apiFetch<ImportJob>(`${importPath(job.id)}run/`, { method: 'POST', body: options }),
    // Products change as the import runs; the list is fetched again when it is opened.
    invalidates: [...JOB_CHANGES, PRODUCTS, COLLECTIONS],
    successMessage: (job) => `Importing “${job.filename}”…`,
  });
}
