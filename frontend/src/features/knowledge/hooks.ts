import { useMutation, useQuery } from '@tanstack/react-query';
import { apiFetch, type ApiError } from '../../api/client';
import type {
  CreatableSourceKind,
  DocumentStatus,
  Faq,
  KnowledgeDocument,
  KnowledgeLimits,
  KnowledgeSettings,
  KnowledgeSource,
  Schedule,
  SearchRequest,
  SearchResponse,
  SourceConfig,
} from '../../api/types';
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


export function isSyncing(source: KnowledgeSource): boolean {
  return source.status === 'queued' || source.status === 'syncing';
}

const SOURCES_PATH = '/knowledge/sources/';
const sourcePath = (id: number) => `${SOURCES_PATH}${id}/`;

/** The sources table; polls while any source on the page is queued or syncing. */
export function useSources() {
  return usePaginatedQuery<KnowledgeSource>(SOURCES, SOURCES_PATH, {
    refetchInterval: (data) => (data?.results.some(isSyncing) ? POLL_MS : false),
  });
}

/** Every source (for pickers). */
export function useAllSources() {
  return useQuery({
    queryKey: [SOURCES, 'all'],
    queryFn: () => fetchAllPages<KnowledgeSource>(SOURCES_PATH),
  });
}

/** One source; polls while it is queued or syncing. */
export function useSource(id: number) {
  return useQuery({
    queryKey: [SOURCE, id],
    queryFn: () => apiFetch<KnowledgeSource>(sourcePath(id)),
    refetchInterval: (query) => (query.state.data && isSyncing(query.state.data) ? POLL_MS : false),
  });
}

export function useDocuments(source: KnowledgeSource, status: DocumentStatus | null) {
  return usePaginatedQuery<KnowledgeDocument>(DOCUMENTS, `${sourcePath(source.id)}documents/`, {
    params: status ? { status } : {},
    refetchInterval: isSyncing(source) ? POLL_MS : false,
  });
}

export interface NewSourceInput {
  kind: CreatableSourceKind;
  name: string;
  schedule: Schedule;
  config: SourceConfig;
}

export function useCreateSource() {
  return useApiMutation({
    mutationFn: (input: NewSourceInput) => apiFetch<KnowledgeSource>(SOURCES_PATH, { method: 'POST', body: input }),
    invalidates: [SOURCES],
    successMessage: (source) => `Source “${source.name}” added.`,
    notifyOnError: false,
  });
}

export interface UploadInput {
  file: File;
  name: string;
}

export function useUploadSource() {
  return useApiMutation({
    mutationFn: ({ file, name }: UploadInput) => {
      const body = new FormData();
      body.append('file', file);
      if (name.trim()) body.append('name', name.trim());
      return apiFetch<KnowledgeSource>(`${SOURCES_PATH}upload/`, { method: 'POST', body });
    },
    invalidates: [SOURCES],
    successMessage: (source) => `“${source.name}” uploaded.`,
    notifyOnError: false,
  });
}

export interface SourcePatch {
  name?: string;
  schedule?: Schedule;
  config?: SourceConfig;
}

/** PATCHes a source. Changing a text source's `config.text` makes the server re-sync it. */
export function useUpdateSource({ notifyOnError = true }: { notifyOnError?: boolean } = {}) {
  return useApiMutation({
    mutationFn: ({ source, patch }: { source: KnowledgeSource; patch: SourcePatch }) =>
      apiFetch<KnowledgeSource>(sourcePath(source.id), { method: 'PATCH', body: patch }),
    invalidates: [SOURCES, SOURCE, DOCUMENTS],
    successMessage: (source, { patch }) =>
      patch.config ? `Saved “${source.name}”. Re-syncing…` : `Source “${source.name}” updated.`,
    notifyOnError,
  });
}

export function useSyncSource() {
  return useApiMutation({
    mutationFn: (source: KnowledgeSource) =>
      apiFetch<KnowledgeSource>(`${sourcePath(source.id)}sync/`, { method: 'POST' }),
    invalidates: [SOURCES, SOURCE, DOCUMENTS],
    successMessage: (source) => `Re-syncing “${source.name}”…`,
  });
}

export function useDeleteSource() {
  return useApiMutation({
    mutationFn: (source: KnowledgeSource) => apiFetch<void>(sourcePath(source.id), { method: 'DELETE' }),
    invalidates: [SOURCES],
    successMessage: (_, source) => `Source “${source.name}” deleted.`,
  });
}

export function useFaqs(source: KnowledgeSource) {
  return usePaginatedQuery<Faq>(FAQS, `${sourcePath(source.id)}faqs/`);
}

export interface FaqInput {
  question: string;
  answer: string;
}

// FAQ changes re-index the source, so its status changes too.
const FAQ_INVALIDATES = [FAQS, SOURCE, SOURCES, DOCUMENTS];

export function useCreateFaq(source: KnowledgeSource) {
  return useApiMutation({
    mutationFn: (input: FaqInput) =>
      apiFetch<Faq>(`${sourcePath(source.id)}faqs/`, { method: 'POST', body: input }),
    invalidates: FAQ_INVALIDATES,
    successMessage: () => 'Question added.',
    notifyOnError: false,
  });
}

export function useUpdateFaq() {
  return useApiMutation({
    mutationFn: ({ faq, input }: { faq: Faq; input: FaqInput }) =>
      apiFetch<Faq>(`/knowledge/faqs/${faq.id}/`, { method: 'PATCH', body: input }),
    invalidates: FAQ_INVALIDATES,
    successMessage: () => 'Question updated.',
    notifyOnError: false,
  });
}

export function useDeleteFaq() {
  return useApiMutation({
    mutationFn: (faq: Faq) => apiFetch<void>(`/knowledge/faqs/${faq.id}/`, { method: 'DELETE' }),
    invalidates: FAQ_INVALIDATES,
    successMessage: () => 'Question deleted.',
  });
}

/** Upload limits, fetched once `enabled`; they change with a deploy, not during a session. */
export function useKnowledgeLimits(enabled = true) {
  return useQuery({
    queryKey: ['knowledge-limits'],
    queryFn: () => apiFetch<KnowledgeLimits>('/knowledge/limits/'),
    staleTime: Infinity,
    enabled,
  });
}

/** Polls while the store's knowledge is being re-embedded. */
export function useKnowledgeSettings() {
  return useQuery({
    queryKey: [SETTINGS],
    queryFn: () => apiFetch<KnowledgeSettings>('/knowledge/settings/'),
    refetchInterval: (query) => (query.state.data?.reembedding ? POLL_MS : false),
  });
}

export function useUpdateKnowledgeSettings() {
  return useApiMutation({
    mutationFn: (patch: { search_language: string }) =>
      apiFetch<KnowledgeSettings>('/knowledge/settings/', { method: 'PATCH', body: patch }),
    invalidates: [SETTINGS],
    successMessage: (settings) => `Search language set to ${settings.search_language}.`,
  });
}

/** A retrieval test: a POST, but it changes nothing, so no invalidation or notifications. */
export function useSearch() {
  return useMutation<SearchResponse, ApiError, SearchRequest>({
    mutationFn: (request) => apiFetch<SearchResponse>('/knowledge/search/', { method: 'POST', body: request }),
  });
}
