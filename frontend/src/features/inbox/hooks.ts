import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type ListQuery, type Schema } from '../../api/client';
import { channelEnumValues, conversationStatusEnumValues, feedbackEnumValues } from '../../api/schema';
import { i18n } from '../../i18n';
import { useAdminEvents, type AdminEvent } from '../../shared/useAdminEvents';
import { useApiMutation } from '../../shared/useApiMutation';
import { usePaginatedQuery } from '../../shared/usePaginatedQuery';

// Query key prefixes: the list and each conversation.
const CONVERSATIONS = 'conversations';
const CONVERSATION = 'conversation';

export type ConversationListItem = Schema<'ConversationOutput'>;
export type ConversationDetail = Schema<'ConversationDetailOutput'>;
export type ConversationStatus = Schema<'ConversationStatusEnum'>;
/** The inbox filters: `GET conversations/`'s query parameters but the page. */
export type ConversationListParams = Omit<ListQuery<'/conversations/'>, 'page' | 'page_size'>;
export type TranscriptMessage = Schema<'InboxMessageOutput'>;
export type FeedbackValue = Schema<'FeedbackEnum'>;
/** A source an answer cites: a knowledge passage, a product or an order. */
export type AnswerCitation = Schema<'AnswerCitationOutput'>;
export type AnswerProduct = Schema<'AnswerProductOutput'>;
export type ToolCall = Schema<'ToolCallOutput'>;

export const CONVERSATION_STATUSES = conversationStatusEnumValues;
export const CONVERSATION_CHANNELS = channelEnumValues;
export const FEEDBACK_VALUES = feedbackEnumValues;

export function useConversations(params: ConversationListParams) {
  return usePaginatedQuery([CONVERSATIONS], (query) => api.get('/conversations/', { query }), { filters: params });
}

export function useConversation(id: string) {
  return useQuery({
    queryKey: [CONVERSATION, id],
    queryFn: () => api.get('/conversations/{conversation_id}/', { params: { conversation_id: id } }),
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

export function useConversationStatus(id: string) {
  return useApiMutation<'resolve' | 'reopen', ConversationDetail>({
    mutationFn: (action) =>
      api.post(`/conversations/{conversation_id}/${action}/`, { params: { conversation_id: id } }),
    invalidates: [CONVERSATIONS, CONVERSATION],
    successMessage: (_data, action) => i18n.t(`inbox:notify.${action}`),
  });
}

export function useReply(id: string) {
  return useApiMutation<string, TranscriptMessage>({
    mutationFn: (text) =>
      api.post('/conversations/{conversation_id}/replies/', { params: { conversation_id: id }, body: { text } }),
    invalidates: [CONVERSATIONS, CONVERSATION],
    successMessage: () => i18n.t('inbox:notify.replySent'),
  });
}
