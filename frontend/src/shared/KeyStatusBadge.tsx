import { Badge } from '@mantine/core';
import { formatDateTime } from './format';

/** "active", or "revoked" with the time it was revoked on hover: API keys and widget keys. */
export function KeyStatusBadge({ revokedAt }: { revokedAt: string | null }) {
  return revokedAt ? (
    <Badge color="red" variant="light" title={`Revoked ${formatDateTime(revokedAt)}`}>
      revoked
    </Badge>
  ) : (
    <Badge color="green" variant="light">
      active
    </Badge>
  );
}
