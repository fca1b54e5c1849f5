import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/client';
import type {
  AdminEvent,
  ConversationDetail,
  ConversationListItem,
  ConversationListParams,
  TranscriptMessage,
} from '../../api/types';
import { useAdminEvents } from '../../shared/useAdminEvents';
import { useApiMutation } from '../../shared/useApiMutation';
import { usePaginatedQuery } from '../../shared/usePaginatedQuery';

// Query key prefixes: the list and each conversation.
const CONVERSATIONS = 'conversations';
const CONVERSATION = 'conversation';

const LIST_PATH = '/conversations/';
const conversationPath = (id: string) => `${LIST_PATH}${id}/`;

export function useConversations(params: ConversationListParams) {
  return usePaginatedQuery<ConversationListItem>(CONVERSATIONS, LIST_PATH, {
    params: params as Record<string, string>,
  });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: [CONVERSATION, id],
    queryFn: () => apiFetch<ConversationDetail>(conversationPath(id)),
  });
}

/**
 * Keeps the inbox live: a new message or a status change refetches the list and that
 * conversation (the server's page and filters decide where it goes); a reconnect refetches all.
 */
export function useInboxLiveUpdates(): void {
  const queryClient = useQueryClient();
  const refetch = (conversationId?: string) => {
    void queryClient.invalidateQueries({ queryKey: [CONVERSATIONS] });
    void queryClient.invalidateQueries({ queryKey: conversationId ? [CONVERSATION, conversationId] : [CONVERSATION] });
  };
  useAdminEvents(
    (event: AdminEvent) => {
      if (event.type === 'conversation.message' || event.type === 'conversation.updated') refetch(event.conversation_id);
    },
    () => refetch(),
  );
}

const STATUS_MESSAGES = { resolve: 'Conversation resolved.', reopen: 'Conversation reopened.' } as const;

export function useConversationStatus(id: string) {
  return useApiMutation<keyof typeof STATUS_MESSAGES, ConversationDetail>({
    mutationFn: (action) => apiFetch<ConversationDetail>(`${conversationPath(id)}${action}/`, { method: 'POST' }),
    invalidates: [CONVERSATIONS, CONVERSATION],
    successMessage: (_data, action) => STATUS_MESSAGES[action],
  });
}

export function useReply(id: string) {
  return useApiMutation<string, TranscriptMessage>({
    mutationFn: (text) => apiFetch<TranscriptMessage>(`${conversationPath(id)}replies/`, { method: 'POST', body: { text } }),
    invalidates: [CONVERSATIONS, CONVERSATION],
    successMessage: () => 'Reply sent.',
  });
}
