import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConversationStatus } from './hooks';

const STATUS_COLORS: Record<ConversationStatus, string> = { open: 'blue', handed_off: 'orange', resolved: 'gray' };

export function ConversationStatusBadge({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation('inbox');
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {t(`status.${status}`)}
    </Badge>
  );
}

export const INBOX_PAGE = '/inbox';
export const conversationPage = (id: string) => `${INBOX_PAGE}/${id}`;
