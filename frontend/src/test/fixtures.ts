import type { Faq, KnowledgeDocument, KnowledgeSource } from '../features/knowledge/hooks';
import type { ImportJob, ImportRowError, ProductDetail, ProductListItem } from '../features/catalog/hooks';
import type { Me } from '../features/session/useMeQuery';
import type { Member } from '../features/team/hooks';
import type { Paginated } from '../shared/usePaginatedQuery';
import type { Role } from '../shared/roles';

interface PageInfo {
  count?: number;
  next?: string | null;
  previous?: string | null;
}

export function page<T>(results: T[], { count = results.length, next = null, previous = null }: PageInfo = {}): Paginated<T> {
  return { count, next, previous, results };
}

export function me(role: Role): Me {
  return {
    user: { id: 1, email: 'ann@example.com', name: 'Ann' },
    tenant: { slug: 'demo', name: 'Demo Store', status: 'active' },
    role,
    stores: [
      { slug: 'demo', name: 'Demo Store', role, url: 'http://demo.localhost:8000/app/' },
      { slug: 'other', name: 'Other Shop', role: 'viewer', url: 'http://other.localhost:8000/app/' },
    ],
  };
}

export function member(id: number, email: string, role: Role, name = ''): Member {
  return { id, user: { id: id + 100, email, name }, role, created_at: '2025-01-15T10:00:00Z' };
}

export function source(id: number, overrides: Partial<KnowledgeSource> = {}): KnowledgeSource {
  return {
    id,
    kind: 'url',
    name: `Source ${id}`,
    status: 'ready',
    update_pending: false,
    schedule: 'off',
    config: { url: 'https://shop.example/shipping' },
    progress: { documents_total: 1, documents_done: 1, documents_failed: 0, chunks: 4 },
    last_synced_at: '2025-01-15T10:00:00Z',
    next_sync_at: null,
    last_error: '',
    created_at: '2025-01-15T09:00:00Z',
    updated_at: '2025-01-15T10:00:00Z',
    ...overrides,
  };
}

export function knowledgeDocument(id: number, overrides: Partial<KnowledgeDocument> = {}): KnowledgeDocument {
  return {
    id,
    title: `Page ${id}`,
    url: `https://shop.example/page-${id}`,
    filename: null,
    content_type: 'text/html',
    status: 'ready',
    error_code: '',
    error_message: '',
    notes: [],
    chunk_count: 3,
    found_on: null,
    synced_at: '2025-01-15T10:00:00Z',
    ...overrides,
  };
}

export function faq(id: number, question: string, answer: string): Faq {
  return { id, question, answer, updated_at: '2025-01-15T10:00:00Z' };
}

export function product(id: number, overrides: Partial<ProductListItem> = {}): ProductListItem {
  return {
    id,
    title: `Product ${id}`,
    handle: `product-${id}`,
    vendor: 'Demo Outfitters',
    product_type: 'Jacket',
    status: 'active',
    url: `https://shop.example/products/product-${id}`,
    image: `https://cdn.example/product-${id}.jpg`,
    min_price: '10.00',
    max_price: '10.00',
    currency: 'USD',
    available: true,
    updated_at: '2025-01-15T10:00:00Z',
    ...overrides,
  };
}

export function productDetail(id: number, overrides: Partial<ProductDetail> = {}): ProductDetail {
  return {
    ...product(id),
    external_id: `product-${id}`,
    description_html: '<p>A product.</p>',
    description_text: 'A product.',
    tags: [],
    images: [`https://cdn.example/product-${id}.jpg`],
    attributes: {},
    collections: [],
    variants: [],
    documents: [],
    archived_at: null,
    ...overrides,
  };
}

export function importJob(id: number, overrides: Partial<ImportJob> = {}): ImportJob {
  return {
    id,
    kind: 'products',
    filename: 'products.csv',
    size: 2048,
    format: 'shopify',
    mapping: { external_id: 'Handle', title: 'Title', price: 'Variant Price', sku: 'Variant SKU', 'option:Size': 'Option1 Value' },
    status_words: {},
    preview: {
      format: 'shopify',
      columns: ['Handle', 'Title', 'Option1 Name', 'Option1 Value', 'Variant SKU', 'Variant Price'],
      mapping: { external_id: 'Handle', title: 'Title', price: 'Variant Price', sku: 'Variant SKU', 'option:Size': 'Option1 Value' },
      required_missing: [],
      sample: [
        { Handle: 'cascade-3l', Title: 'Cascade 3L Shell', 'Option1 Name': 'Size', 'Option1 Value': 'M', 'Variant SKU': 'CA-M', 'Variant Price': '289.00' },
        { Handle: 'cascade-3l', Title: '', 'Option1 Name': '', 'Option1 Value': 'L', 'Variant SKU': 'CA-L', 'Variant Price': '289.00' },
      ],
      row_estimate: 2,
      notes: [],
    },
    status: 'uploaded',
    error: '',
    archive_missing: false,
    currency: 'USD',
    confirm_archive: false,
    summary: { items_seen: 0, items_valid: 0, items_failed: 0, created: 0, updated: 0, unchanged: 0, archived: 0 },
    created_at: '2025-01-15T10:00:00Z',
    updated_at: '2025-01-15T10:00:00Z',
    finished_at: null,
    ...overrides,
  };
}

export function rowError(line: number, overrides: Partial<ImportRowError> = {}): ImportRowError {
  return {
    line,
    column: 'Variant Price',
    code: 'invalid_price',
    message: `Variant Price "abc" is not a number`,
    external_id: 'broken',
    ...overrides,
  };
}
