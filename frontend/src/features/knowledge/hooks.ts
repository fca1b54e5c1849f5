import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUpload, type ApiError, type Schema } from '../../api/client';
import { modeEnumValues, scheduleEnumValues } from '../../api/schema';
import { i18n } from '../../i18n';
import { POLL_MS } from '../../shared/polling';
import { useApiMutation } from '../../shared/useApiMutation';
import { fetchAllPages, usePaginatedQuery } from '../../shared/usePaginatedQuery';

// Query key prefixes. The source list and the single source are separate so that
// deleting a source doesn't refetch (and 404) the page being left.
const SOURCES = 'knowledge-sources';
const SOURCE = 'knowledge-source';
const DOCUMENTS = 'knowledge-documents';
const FAQS = 'knowledge-faqs';
const SETTINGS = 'knowledge-settings';

export type KnowledgeSource = Schema<'SourceOutput'>;
export type SourceKind = Schema<'SourceKindEnum'>;
export type SourceStatus = Schema<'SourceStatusEnum'>;
/** Kinds created with a JSON body; `upload` (and `spreadsheet`) come from a file upload. */
export type CreatableSourceKind = Schema<'SourceCreateInputKindEnum'>;
export type Schedule = Schema<'ScheduleEnum'>;
/** Per-kind settings: url `{url}`, website `{url, max_pages, use_sitemap}`, text `{text, format}`, faq `{}`. */
export type SourceConfig = Schema<'SourceConfigOutput'>;
export type TextFormat = NonNullable<SourceConfig['format']>;
export type KnowledgeDocument = Schema<'DocumentOutput'>;
export type DocumentStatus = Schema<'DocumentStatusEnum'>;
export type Faq = Schema<'FaqEntryOutput'>;
export type FaqInput = Schema<'FaqEntryInputRequest'>;
export type KnowledgeLimits = Schema<'LimitsOutput'>;
export type KnowledgeSettings = Schema<'SettingsOutput'>;
export type SearchMode = Schema<'ModeEnum'>;
export type SearchRequest = Schema<'SearchInputRequest'>;
export type SearchResponse = Schema<'SearchOutput'>;
export type SearchResult = Schema<'HitOutput'>;
export type Citation = Schema<'CitationOutput'>;

export const SCHEDULES = scheduleEnumValues;
export const SEARCH_MODES = modeEnumValues;


export function isSyncing(source: KnowledgeSource): boolean {
  return source.status === 'queued' || source.status === 'syncing';
}

/** The sources table; polls while any source on the page is queued or syncing. */
export function useSources() {
  return usePaginatedQuery([SOURCES], (query) => api.get('/knowledge/sources/', { query }), {
    refetchInterval: (data) => (data?.results.some(isSyncing) ? POLL_MS : false),
  });
}

/** Every source (for pickers). */
export function useAllSources() {
  return useQuery({
    queryKey: [SOURCES, 'all'],
    queryFn: () => fetchAllPages((query) => api.get('/knowledge/sources/', { query })),
  });
}

/** One source; polls while it is queued or syncing. */
export function useSource(id: number) {
  return useQuery({
    queryKey: [SOURCE, id],
    queryFn: () => api.get('/knowledge/sources/{source_id}/', { params: { source_id: id } }),
    refetchInterval: (query) => (query.state.data && isSyncing(query.state.data) ? POLL_MS : false),
  });
}

export function useDocuments(source: KnowledgeSource, status: DocumentStatus | null) {
  const params = { source_id: source.id };
  const fetchPage = (query: { page: number; status?: DocumentStatus }) =>
    api.get('/knowledge/sources/{source_id}/documents/', { params, query });
  return usePaginatedQuery([DOCUMENTS, source.id], fetchPage, {
    filters: status ? { status } : {},
    refetchInterval: isSyncing(source) ? POLL_MS : false,
  });
}

export type NewSourceInput = Schema<'SourceCreateInputRequest'>;

export function useCreateSource() {
  return useApiMutation({
    mutationFn: (input: NewSourceInput) => api.post('/knowledge/sources/', { body: input }),
    invalidates: [SOURCES],
    successMessage: (source) => i18n.t('knowledge:notify.added', { name: source.name }),
    notifyOnError: false,
  });
}

export interface UploadInput {
  file: File;
  name: string;
  onProgress: (fraction: number) => void;
}

/**
 * Uploads one file as a new source, reporting the fraction sent. A batch of files goes up one
 * after another and calls `finish` once at the end, so the source list is refetched once.
 */
export function useUploadSources() {
  const queryClient = useQueryClient();
  return {
    upload: ({ file, name, onProgress }: UploadInput) => {
      const body = new FormData();
      body.append('file', file);
      if (name.trim()) body.append('name', name.trim());
      return apiUpload('/knowledge/sources/upload/', body, onProgress);
    },
    finish: () => queryClient.invalidateQueries({ queryKey: [SOURCES] }),
  };
}

export type SourcePatch = Schema<'PatchedSourceUpdateInputRequest'>;

/** PATCHes a source. Changing a text source's `config.text` makes the server re-sync it. */
export function useUpdateSource({ notifyOnError = true }: { notifyOnError?: boolean } = {}) {
  return useApiMutation({
    mutationFn: ({ source, patch }: { source: KnowledgeSource; patch: SourcePatch }) =>
      api.patch('/knowledge/sources/{source_id}/', { params: { source_id: source.id }, body: patch }),
    invalidates: [SOURCES, SOURCE, DOCUMENTS],
    successMessage: (source, { patch }) =>
      i18n.t(patch.config ? 'knowledge:notify.savedResyncing' : 'knowledge:notify.updated', { name: source.name }),
    notifyOnError,
  });
}

export function useSyncSource() {
  return useApiMutation({
    mutationFn: (source: KnowledgeSource) =>
      api.post('/knowledge/sources/{source_id}/sync/', { params: { source_id: source.id } }),
    invalidates: [SOURCES, SOURCE, DOCUMENTS],
    successMessage: (source) => i18n.t('knowledge:notify.resyncing', { name: source.name }),
  });
}

export function useDeleteSource() {
  return useApiMutation({
    mutationFn: (source: KnowledgeSource) =>
      api.delete('/knowledge/sources/{source_id}/', { params: { source_id: source.id } }),
    invalidates: [SOURCES],
    successMessage: (_, source) => i18n.t('knowledge:notify.deleted', { name: source.name }),
  });
}

export function useFaqs(source: KnowledgeSource) {
  return usePaginatedQuery([FAQS, source.id], (query) =>
    api.get('/knowledge/sources/{source_id}/faqs/', { params: { source_id: source.id }, query }),
  );
}

// FAQ changes re-index the source, so its status changes too.
const FAQ_INVALIDATES = [FAQS, SOURCE, SOURCES, DOCUMENTS];

export function useCreateFaq(source: KnowledgeSource) {
  return useApiMutation({
    mutationFn: (input: FaqInput) =>
      api.post('/knowledge/sources/{source_id}/faqs/', { params: { source_id: source.id }, body: input }),
    invalidates: FAQ_INVALIDATES,
    successMessage: () => i18n.t('knowledge:notify.questionAdded'),
    notifyOnError: false,
  });
}

export function useUpdateFaq() {
  return useApiMutation({
    mutationFn: ({ faq, input }: { faq: Faq; input: FaqInput }) =>
      api.patch('/knowledge/faqs/{entry_id}/', { params: { entry_id: faq.id }, body: input }),
    invalidates: FAQ_INVALIDATES,
    successMessage: () => i18n.t('knowledge:notify.questionUpdated'),
    notifyOnError: false,
  });
}

export function useDeleteFaq() {
  return useApiMutation({
    mutationFn: (faq: Faq) => api.delete('/knowledge/faqs/{entry_id}/', { params: { entry_id: faq.id } }),
    invalidates: FAQ_INVALIDATES,
    successMessage: () => i18n.t('knowledge:notify.questionDeleted'),
  });
}

/** Upload limits, fetched once `enabled`; they change with a deploy, not during a session. */
export function useKnowledgeLimits(enabled = true) {
  return useQuery({
    queryKey: ['knowledge-limits'],
    queryFn: () => api.get('/knowledge/limits/'),
    staleTime: Infinity,
    enabled,
  });
}

/** Polls while the store's knowledge is being re-embedded. */
export function useKnowledgeSettings() {
  return useQuery({
    queryKey: [SETTINGS],
    queryFn: () => api.get('/knowledge/settings/'),
    refetchInterval: (query) => (query.state.data?.reembedding ? POLL_MS : false),
  });
}

export function useUpdateKnowledgeSettings() {
  return useApiMutation({
    mutationFn: (patch: Schema<'PatchedSettingsUpdateInputRequest'>) =>
      api.patch('/knowledge/settings/', { body: patch }),
    invalidates: [SETTINGS],
    successMessage: (settings) => i18n.t('knowledge:notify.searchLanguage', { language: settings.search_language }),
  });
}

/** A retrieval test: a POST, but it changes nothing, so no invalidation or notifications. */
export function useSearch() {
  return useMutation<SearchResponse, ApiError, SearchRequest>({
    mutationFn: (request) => api.post('/knowledge/search/', { body: request }),
  });
}
