import type { Faq, KnowledgeDocument, KnowledgeSource, Me, Member, Paginated, Role } from '../api/types';

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
