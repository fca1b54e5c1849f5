import { Badge } from '@mantine/core';
import type { ConversationChannel, ConversationStatus, MessageRole } from './hooks';

export const STATUS_LABELS: Record<ConversationStatus, string> = {
  open: 'Open',
  handed_off: 'Handed off',
  resolved: 'Resolved',
};

const STATUS_COLORS: Record<ConversationStatus, string> = { open: 'blue', handed_off: 'orange', resolved: 'gray' };

export const CHANNEL_LABELS: Record<ConversationChannel, string> = {
  widget: 'Widget',
  api: 'API',
  playground: 'Playground',
};

export const ROLE_LABELS: Record<MessageRole, string> = { user: 'Shopper', assistant: 'Assistant', agent: 'Team' };

export function ConversationStatusBadge({ status }: { status: ConversationStatus }) {
  return (
    <Badge variant="light" color={STATUS_COLORS[status]}>
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export const INBOX_PAGE = '/inbox';
export const conversationPage = (id: string) => `${INBOX_PAGE}/${id}`;
