import { describe, expect, it } from 'vitest';
import { formatBytes, formatMoney, formatMoneyRange, formatRelativeTime } from './format';

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

describe('formatMoney', () => {
  it('formats a decimal string in its currency', () => {
    expect(formatMoney('1234.5', 'USD')).toBe(new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(1234.5));
    expect(formatMoney(null, 'USD')).toBe('—');
    expect(formatMoney('abc', 'USD')).toBe('abc');
  });

  it('shows a range only when its ends differ', () => {
    const usd = (value: number) => new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(value);
    expect(formatMoneyRange('10.00', '10.00', 'USD')).toBe(usd(10));
    expect(formatMoneyRange('10.00', '25.00', 'USD')).toBe(`${usd(10)} – ${usd(25)}`);
    expect(formatMoneyRange(null, null, 'USD', 'No price')).toBe('No price');
  });
});
