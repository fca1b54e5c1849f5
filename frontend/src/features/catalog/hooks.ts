import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type ListQuery, type Schema } from '../../api/client';
import { importKindEnumValues, productStatusEnumValues } from '../../api/schema';
import { i18n } from '../../i18n';
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

export type ProductListItem = Schema<'ProductListOutput'>;
export type ProductDetail = Schema<'ProductDetailOutput'>;
export type Variant = Schema<'VariantOutput'>;
export type ProductStatus = Schema<'ProductStatusEnum'>;
export type Collection = Schema<'CollectionOutput'>;
/** The filters of `GET catalog/products/` (its query parameters but the page). */
export type ProductListParams = Omit<ListQuery<'/catalog/products/'>, 'page' | 'page_size'>;
export type ProductSearchRequest = Schema<'ProductSearchInputRequest'>;
export type ProductSearchResponse = Schema<'ProductSearchOutput'>;
export type ProductCard = Schema<'ProductCardOutput'>;
/** How the query was read: the words searched for, and the filters taken from it. */
export type UnderstoodQuery = Schema<'UnderstoodOutput'>;
export type ImportJob = Schema<'ImportJobOutput'>;
export type ImportKind = Schema<'ImportKindEnum'>;
export type ImportFormat = Schema<'ImportFormatEnum'>;
export type ImportStatus = Schema<'ImportStatusEnum'>;
/** Target field → the file's column; "option:<Name>" targets are variant options. */
export type ImportMapping = ImportJob['mapping'];
export type ImportPreview = Schema<'ImportPreviewOutput'>;
export type ImportRowError = Schema<'ImportRowErrorOutput'>;
export type RunOptions = Schema<'ImportRunInputRequest'>;

export const PRODUCT_STATUSES = productStatusEnumValues;
export const IMPORT_KINDS = importKindEnumValues;

/** The worker is reading the file (validating) or writing products (running). */
export function isImportBusy(job: ImportJob): boolean {
  return job.status === 'validating' || job.status === 'running';
}

export function useProducts(params: ProductListParams) {
  return usePaginatedQuery([PRODUCTS], (query) => api.get('/catalog/products/', { query }), { filters: params });
}

export function useProduct(id: number) {
  return useQuery({
    queryKey: [PRODUCT, id],
    queryFn: () => api.get('/catalog/products/{product_id}/', { params: { product_id: id } }),
  });
}

/** Every collection (for the filter); they change with imports, not while a page is open. */
export function useCollections() {
  return useQuery({
    queryKey: [COLLECTIONS],
    queryFn: () => fetchAllPages((query) => api.get('/catalog/collections/', { query })),
    staleTime: 60_000,
  });
}

/** Shopper-style search: a POST that changes nothing, so it is a query keyed on the request. */
export function useProductSearch(request: ProductSearchRequest | null) {
  return useQuery({
    queryKey: [SEARCH, request],
    queryFn: () => api.post('/catalog/search/', { body: request as ProductSearchRequest }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
}

/** Import history; polls while a job on the page is validating or running. */
export function useImports() {
  return usePaginatedQuery([IMPORTS], (query) => api.get('/catalog/imports/', { query }), {
    refetchInterval: (data) => (data?.results.some(isImportBusy) ? POLL_MS : false),
  });
}

/** One import job; polls while the worker has it. */
export function useImport(id: number) {
  return useQuery({
    queryKey: [IMPORT, id],
    queryFn: () => api.get('/catalog/imports/{job_id}/', { params: { job_id: id } }),
    refetchInterval: (query) => (query.state.data && isImportBusy(query.state.data) ? POLL_MS : false),
  });
}

/**
 * The per-row problems of the job's last validation or run. Shown only once the worker is done
 * with the job, and fetched again whenever the table appears (validation and runs rewrite them).
 */
export function useImportErrors(job: ImportJob) {
  return usePaginatedQuery([IMPORT_ERRORS, job.id], (query) =>
    api.get('/catalog/imports/{job_id}/errors/', { params: { job_id: job.id }, query }),
  );
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
      return api.post('/catalog/imports/', { body });
    },
    invalidates: [IMPORTS],
    successMessage: (job) => i18n.t('catalog:imports.notify.uploaded', { name: job.filename }),
    notifyOnError: false,
  });
}

const JOB_CHANGES = [IMPORTS, IMPORT];

export function useUpdateMapping() {
  return useApiMutation({
    mutationFn: ({ job, mapping }: { job: ImportJob; mapping: ImportMapping }) =>
      api.patch('/catalog/imports/{job_id}/', { params: { job_id: job.id }, body: { mapping } }),
    invalidates: JOB_CHANGES,
    successMessage: () => i18n.t('catalog:imports.notify.mappingSaved'),
  });
}

export function useUpdateStatusWords() {
  return useApiMutation({
    mutationFn: ({ job, words }: { job: ImportJob; words: ImportJob['status_words'] }) =>
      api.put('/catalog/imports/{job_id}/status-words/', { params: { job_id: job.id }, body: { status_words: words } }),
    invalidates: JOB_CHANGES,
    successMessage: () => i18n.t('catalog:imports.notify.statusWordsSaved'),
  });
}

export function useValidateImport() {
  return useApiMutation({
    mutationFn: (job: ImportJob) => api.post('/catalog/imports/{job_id}/validate/', { params: { job_id: job.id } }),
    invalidates: JOB_CHANGES,
    successMessage: (job) => i18n.t('catalog:imports.notify.checking', { name: job.filename }),
  });
}

export function useRunImport() {
  return useApiMutation({
    mutationFn: ({ job, options }: { job: ImportJob; options: RunOptions }) =>
      api.post('/catalog/imports/{job_id}/run/', { params: { job_id: job.id }, body: options }),
    // Products change as the import runs; the list is fetched again when it is opened.
    invalidates: [...JOB_CHANGES, PRODUCTS, COLLECTIONS],
    successMessage: (job) => i18n.t('catalog:imports.notify.importing', { name: job.filename }),
  });
}
