import { describe, expect, it } from 'vitest';
import { api } from '../api/client';
import { mockFetch } from '../test/fetchMock';
import { page } from '../test/fixtures';
import { countPages, fetchAllPages } from './usePaginatedQuery';

describe('countPages', () => {
  it('is 1 for a single page', () => {
    expect(countPages(page([1, 2, 3]), 1)).toBe(1);
  });

  it('derives the page count from a full page that has a next link', () => {
    expect(countPages(page([1, 2, 3], { count: 7, next: '/x?page=2' }), 1)).toBe(3);
    expect(countPages(page([1, 2, 3], { count: 7, next: '/x?page=3', previous: '/x?page=1' }), 2)).toBe(3);
  });

  it('treats a page without a next link as the last one', () => {
    expect(countPages(page([7], { count: 7, previous: '/x?page=2' }), 3)).toBe(3);
  });
});

describe('fetchAllPages', () => {
  it('follows pages until one has no next link', async () => {
    const requests = mockFetch({
      'GET /api/v1/members/?page=1': { body: page([1, 2], { count: 3, next: '/api/v1/members/?page=2' }) },
      'GET /api/v1/members/?page=2': { body: page([3], { count: 3, previous: '/api/v1/members/?page=1' }) },
    });

    const members = await fetchAllPages((query) => api.get('/members/', { query }));
    expect(members).toEqual([1, 2, 3]);
    expect(requests).toHaveLength(2);
  });
});
