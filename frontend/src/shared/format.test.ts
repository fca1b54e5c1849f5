import { describe, expect, it } from 'vitest';
import { formatBytes, formatRelativeTime } from './format';

describe('formatRelativeTime', () => {
  const now = Date.parse('2025-01-15T12:00:00Z');

  it('describes past and future times in the largest fitting unit', () => {
    expect(formatRelativeTime('2025-01-15T11:55:00Z', '—', now)).toBe('5 minutes ago');
    expect(formatRelativeTime('2025-01-15T14:00:00Z', '—', now)).toBe('in 2 hours');
    expect(formatRelativeTime('2025-01-14T12:00:00Z', '—', now)).toBe('yesterday');
    expect(formatRelativeTime('2025-01-15T11:59:50Z', '—', now)).toBe('now');
  });

  it('uses the fallback for a missing date and echoes an unparsable one', () => {
    expect(formatRelativeTime(null, 'Never', now)).toBe('Never');
    expect(formatRelativeTime('soon', '—', now)).toBe('soon');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
  });
});
