import { Text } from '@mantine/core';
import { formatDateTime, formatRelativeTime } from './format';

/** "5 minutes ago", with the exact time on hover. */
export function RelativeTime({ iso, fallback = '—' }: { iso: string | null; fallback?: string }) {
  return (
    <Text span size="sm" title={iso ? formatDateTime(iso) : undefined} style={{ whiteSpace: 'nowrap' }}>
      {formatRelativeTime(iso, fallback)}
    </Text>
  );
}
