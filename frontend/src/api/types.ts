export const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Paginated<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface User {
  id: number;
  email: string;
  name: string;
}

export interface Tenant {
  slug: string;
  name: string;
  status: string;
}

export interface StoreLink {
  slug: string;
  name: string;
  role: Role;
  url: string;
}

export interface Me {
  user: User;
  tenant: Tenant;
  role: Role;
  stores: StoreLink[];
}

export interface Member {
  id: number;
  user: User;
  role: Role;
  created_at: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export interface Invitation {
  id: number;
  email: string;
  role: Role;
  invited_by: string;
  created_at: string;
  expires_at: string;
  status: InvitationStatus;
}

export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Returned once, on creation: includes the full secret key. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

export interface AuditEvent {
  id: number;
  action: string;
  actor: string;
  target: string;
  data: Record<string, unknown>;
  created_at: string;
}

// Knowledge

export const SOURCE_KINDS = ['upload', 'url', 'website', 'faq', 'text', 'spreadsheet'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
/** Kinds created with a JSON body; `upload` (and `spreadsheet`) come from a file upload. */
export type CreatableSourceKind = 'url' | 'website' | 'text' | 'faq';
export type SourceStatus = 'idle' | 'queued' | 'syncing' | 'ready' | 'error';
export const SCHEDULES = ['off', 'hourly', 'daily', 'weekly'] as const;
export type Schedule = (typeof SCHEDULES)[number];
export type TextFormat = 'markdown' | 'text';

export interface SourceProgress {
  documents_total: number;
  documents_done: number;
  documents_failed: number;
  chunks: number;
}

/** Per-kind settings: url `{url}`, website `{url, max_pages, use_sitemap}`, text `{text, format}`, faq `{}`. */
export interface SourceConfig {
  url?: string;
  max_pages?: number;
  use_sitemap?: boolean;
  text?: string;
  format?: TextFormat;
  [key: string]: unknown;
}

export interface KnowledgeSource {
  id: number;
  kind: SourceKind;
  name: string;
  status: SourceStatus;
  schedule: Schedule;
  config: SourceConfig;
  progress: SourceProgress;
  last_synced_at: string | null;
  next_sync_at: string | null;
  last_error: string;
  created_at: string;
  updated_at: string;
}

export type DocumentStatus = 'pending' | 'processing' | 'ready' | 'error' | 'skipped';

export interface KnowledgeDocument {
  id: number;
  title: string;
  url: string | null;
  filename: string | null;
  content_type: string;
  status: DocumentStatus;
  error_code: string;
  error_message: string;
  notes: string[];
  chunk_count: number;
  found_on: { id: number; title: string } | null;
  synced_at: string | null;
}

export interface Faq {
  id: number;
  question: string;
  answer: string;
  updated_at: string;
}

export interface KnowledgeLimits {
  max_upload_bytes: number;
  /** Lower-case, with the dot: ".pdf". */
  allowed_extensions: string[];
}

export interface KnowledgeSettings {
  search_language: string;
  embedding_model: string;
  available_languages: string[];
  reembedding: boolean;
}

export const SEARCH_MODES = ['hybrid', 'vector', 'keyword'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

export interface SearchRequest {
  query: string;
  k: number;
  mode: SearchMode;
  source_ids?: number[];
  kinds?: SourceKind[];
}

export interface Citation {
  document_id: number;
  title: string;
  url: string | null;
  filename: string | null;
  page: number | null;
  section: string | null;
}

export interface SearchResult {
  chunk_id: number;
  text: string;
  score: number;
  vector_rank: number | null;
  keyword_rank: number | null;
  citation: Citation;
  source: { id: number; name: string; kind: SourceKind };
}

export interface SearchResponse {
  results: SearchResult[];
  took_ms: number;
}
