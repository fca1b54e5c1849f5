import type { Me, Member, Paginated, Role } from '../api/types';

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
