import { describe, expect, it } from 'vitest';
import { page } from '../test/fixtures';
import { countPages } from './usePaginatedQuery';

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
