import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/PageHeader';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { RelativeTime } from '../../shared/RelativeTime';
import { StatusMessage } from '../../shared/StatusMessage';
import { useConversations, useInboxLiveUpdates, type ConversationListItem } from './hooks';
import { InboxFilterBar } from './InboxFilterBar';
import { useInboxFilters } from './inboxFilters';
import { CHANNEL_LABELS, ConversationStatusBadge, conversationPage } from './labels';

export function FeedbackCounts({ up, down }: { up: number; down: number }) {
  if (!up && !down) return <>—</>;
  return (
    <Text span size="sm" aria-label={`${up} helpful, ${down} not helpful`} style={{ whiteSpace: 'nowrap' }}>
      {up} up · {down} down
    </Text>
  );
}

const COLUMNS: Column<ConversationListItem>[] = [
  {
    header: 'Conversation',
    cell: (conversation) => (
      <Stack gap={2} maw={520}>
        <Anchor component={Link} to={conversationPage(conversation.id)} fw={500} lineClamp={1}>
          {conversation.preview || 'No message yet'}
        </Anchor>
        {conversation.last_message && conversation.last_message !== conversation.preview && (
          <Text size="sm" c="dimmed" lineClamp={1}>
            {conversation.last_message}
          </Text>
        )}
      </Stack>
    ),
  },
  {
    header: 'Status',
    cell: (conversation) => (
      <Group gap={4} wrap="nowrap">
        <ConversationStatusBadge status={conversation.status} />
        {conversation.handed_off && conversation.status !== 'handed_off' && (
          <Text span size="xs" c="dimmed">
            was handed off
          </Text>
        )}
      </Group>
    ),
  },
  { header: 'Channel', cell: (conversation) => CHANNEL_LABELS[conversation.channel] },
  { header: 'Messages', cell: (conversation) => conversation.message_count },
  { header: 'Feedback', cell: (conversation) => <FeedbackCounts {...conversation.feedback} /> },
  { header: 'Last activity', cell: (conversation) => <RelativeTime iso={conversation.last_activity_at} /> },
];

export function InboxPage() {
  const { values, update, clear, filtered } = useInboxFilters();
  const conversations = useConversations(values);
  useInboxLiveUpdates();
  return (
    <>
      <PageHeader title="Inbox" description="Every conversation shoppers had with the assistant, newest first." />
      <InboxFilterBar values={values} update={update} clear={clear} filtered={filtered} />
      <PaginatedTable
        label="Conversations"
        list={conversations}
        columns={COLUMNS}
        rowKey={(conversation) => conversation.id}
        emptyMessage={
          filtered ? (
            'No conversation matches these filters.'
          ) : (
            <StatusMessage
              title="No conversations yet"
              description="Conversations appear here as soon as a shopper writes to the assistant on your storefront."
            />
          )
        }
      />
    </>
  );
}
