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

// Catalog

export const PRODUCT_STATUSES = ['active', 'draft', 'archived'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

/** Money as the API sends it: a decimal string ("289.00"), or null when unknown. */
export type Money = string | null;

export interface ProductListItem {
  id: number;
  title: string;
  handle: string;
  vendor: string;
  product_type: string;
  status: ProductStatus;
  url: string;
  /** The first image's URL, untrusted. */
  image: string | null;
  min_price: Money;
  max_price: Money;
  currency: string;
  available: boolean;
  updated_at: string;
}

export interface Variant {
  id: number;
  sku: string;
  title: string;
  /** Option name → value, in file order: {"Size": "M", "Color": "Red"}. */
  options: Record<string, string>;
  price: Money;
  compare_at_price: Money;
  /** null when stock isn't tracked. */
  inventory_quantity: number | null;
  available: boolean;
  barcode: string;
  image_url: string;
}

export interface ProductDetail extends ProductListItem {
  external_id: string;
  /** Merchant-supplied HTML: never rendered; use description_text. */
  description_html: string;
  description_text: string;
  tags: string[];
  images: string[];
  attributes: Record<string, string>;
  /** Collection titles. */
  collections: string[];
  variants: Variant[];
  archived_at: string | null;
}

export interface Collection {
  id: number;
  title: string;
  handle: string;
  product_count: number;
}

/** Query-string filters of `GET catalog/products/`. */
export interface ProductListParams {
  q?: string;
  status?: ProductStatus;
  vendor?: string;
  /** A collection handle or title. */
  collection?: string;
  in_stock?: 'true';
  min_price?: string;
  max_price?: string;
}

export interface ProductSearchFilters {
  min_price?: string;
  max_price?: string;
  in_stock?: boolean;
  options?: Record<string, string[]>;
  collection?: string;
  vendor?: string;
}

export interface ProductSearchRequest {
  query: string;
  k?: number;
  mode?: SearchMode;
  filters?: ProductSearchFilters;
}

export interface VariantCard {
  id: number;
  sku: string;
  options: Record<string, string>;
  price: Money;
  compare_at_price: Money;
  available: boolean;
}

export interface ProductCard {
  id: number;
  title: string;
  handle: string;
  url: string;
  image: string | null;
  min_price: Money;
  max_price: Money;
  currency: string;
  available: boolean;
  score: number;
  /** The variant that best matches the query. */
  variant: VariantCard | null;
}

/** How the query was read: the words searched for, and the filters taken from it. */
export interface UnderstoodQuery {
  text: string;
  min_price: Money;
  max_price: Money;
  colours: string[];
  sizes: string[];
  in_stock: boolean;
}

export interface ProductSearchResponse {
  results: ProductCard[];
  understood: UnderstoodQuery;
  took_ms: number;
}

export const IMPORT_KINDS = ['products', 'orders'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportFormat = 'shopify' | 'woocommerce' | 'generic' | 'json';
export type ImportStatus = 'uploaded' | 'validating' | 'validated' | 'running' | 'completed' | 'failed';

/** Target field → the file's column; "option:<Name>" targets are variant options. */
export type ImportMapping = Record<string, string>;

export interface ImportPreview {
  format: ImportFormat;
  columns: string[];
  mapping: ImportMapping;
  /** Required target fields without a column, as detected on upload. */
  required_missing: string[];
  /** The first rows, column → cell, verbatim (untrusted). CSV/XLSX cells are strings; JSON items hold any JSON. */
  sample: Record<string, unknown>[];
  row_estimate: number | null;
  notes: string[];
}

export interface ImportSummary {
  items_seen: number;
  items_valid: number;
  items_failed: number;
  created: number;
  updated: number;
  unchanged: number;
  archived: number;
}

export interface ImportJob {
  id: number;
  kind: ImportKind;
  filename: string;
  size: number;
  /** Read on upload: a job is only created for a file that could be previewed. */
  format: ImportFormat;
  mapping: ImportMapping;
  preview: ImportPreview;
  status: ImportStatus;
  /** Why the job failed, or a warning on a completed job (e.g. archiving refused by the guard). */
  error: string;
  /** ISO 4217 code of the file's prices. */
  currency: string;
  archive_missing: boolean;
  confirm_archive: boolean;
  summary: ImportSummary;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface ImportRowError {
  /** 1-based line in the file (the CSV header is line 1), sheet row, or JSON item number. */
  line: number;
  column: string;
  code: string;
  message: string;
  external_id: string;
}

// Inbox (GET /conversations/, GET /conversations/<id>/)

export const CONVERSATION_STATUSES = ['open', 'handed_off', 'resolved'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const CONVERSATION_CHANNELS = ['widget', 'api', 'playground'] as const;
export type ConversationChannel = (typeof CONVERSATION_CHANNELS)[number];
export type FeedbackValue = 'up' | 'down';

export interface ConversationListItem {
  /** The public uuid. */
  id: string;
  channel: ConversationChannel;
  status: ConversationStatus;
  locale: string;
  started_at: string;
  last_activity_at: string;
  message_count: number;
  /** The first shopper message (at most 140 characters); null before the shopper wrote. */
  preview: string | null;
  last_message: string | null;
  feedback: { up: number; down: number };
  handed_off: boolean;
}

export interface ConversationListParams {
  status?: ConversationStatus;
  channel?: ConversationChannel;
  /** YYYY-MM-DD */
  since?: string;
  until?: string;
  feedback?: FeedbackValue;
}

/** A source an answer cites: a knowledge passage, a product or an order. */
export interface AnswerCitation {
  n: number;
  kind: 'knowledge' | 'product' | 'order';
  title: string;
  url?: string | null;
  section?: string | null;
  snippet?: string;
}

export interface AnswerProduct {
  id: number;
  title: string;
  url: string | null;
  image: string | null;
  min_price: Money;
  max_price: Money;
  currency: string;
  available: boolean;
}

export interface ToolCall {
  name: string;
  arguments?: Record<string, unknown>;
  result?: unknown;
}

export type MessageRole = 'user' | 'assistant' | 'agent';

export interface TranscriptMessage {
  id: string;
  seq: number;
  role: MessageRole;
  status: 'streaming' | 'complete' | 'stopped' | 'failed';
  content: string;
  citations: AnswerCitation[];
  products: AnswerProduct[];
  tool_calls: ToolCall[];
  feedback: FeedbackValue | null;
  feedback_comment: string;
  timings: Record<string, number | null>;
  model: string;
  created_at: string;
  /** The team member's name on agent replies. */
  author: string | null;
}

export interface ConversationDetail extends ConversationListItem {
  messages: TranscriptMessage[];
}

/** Live events on /ws/app/events/ that the admin site acts on (others are ignored). */
export type AdminEvent =
  | { type: 'conversation.message'; conversation_id: string; channel: ConversationChannel; message: TranscriptMessage }
  | { type: 'conversation.updated'; conversation_id: string; status: ConversationStatus };

// Analytics (GET /analytics/?days=)

export const ANALYTICS_PERIODS = [7, 30, 90] as const;
export type AnalyticsPeriod = (typeof ANALYTICS_PERIODS)[number];

export interface AnalyticsDay {
  date: string;
  conversations: number;
  messages: number;
  questions: number;
  feedback_up: number;
  feedback_down: number;
}

export interface QuestionGroup {
  text: string;
  count: number;
  last_asked_at: string;
}

export interface Analytics {
  days: AnalyticsPeriod;
  since: string;
  until: string;
  totals: {
    conversations: number;
    messages: number;
    questions: number;
    handed_off: number;
    answered_without_handoff_share: number | null;
    feedback_up: number;
    feedback_down: number;
    feedback_positive_share: number | null;
  };
  daily: AnalyticsDay[];
  top_questions: QuestionGroup[];
  knowledge_gaps: (QuestionGroup & { best_similarity: number | null })[];
}

// Onboarding (GET /onboarding/)

export type OnboardingStepKey = 'knowledge' | 'catalog' | 'assistant' | 'widget' | 'install' | 'live';

export interface OnboardingStep {
  key: OnboardingStepKey;
  done: boolean;
  detail: string;
}

export interface Onboarding {
  steps: OnboardingStep[];
}
