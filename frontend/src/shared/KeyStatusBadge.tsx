import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';

/** "active", or "revoked" with the time it was revoked on hover: API keys and widget keys. */
export function KeyStatusBadge({ revokedAt }: { revokedAt: string | null }) {
  const { t } = useTranslation();
  return revokedAt ? (
    <Badge color="red" variant="light" title={t('keyStatus.revokedAt', { time: formatDateTime(revokedAt) })}>
      {t('keyStatus.revoked')}
    </Badge>
  ) : (
    <Badge color="green" variant="light">
      {t('keyStatus.active')}
    </Badge>
  );
}
