import { Anchor, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { RelativeTime } from '../../shared/RelativeTime';
import { StatusMessage } from '../../shared/StatusMessage';
import { useConversations, useInboxLiveUpdates, type ConversationListItem } from './hooks';
import { InboxFilterBar } from './InboxFilterBar';
import { useInboxFilters } from './inboxFilters';
import { ConversationStatusBadge, conversationPage } from './labels';

export function FeedbackCounts({ up, down }: { up: number; down: number }) {
  const { t } = useTranslation('inbox');
  if (!up && !down) return <>—</>;
  return (
    <Text span size="sm" aria-label={t('feedbackCountsLabel', { up, down })} style={{ whiteSpace: 'nowrap' }}>
      {t('feedbackCounts', { up, down })}
    </Text>
  );
}

export function InboxPage() {
  const { t } = useTranslation('inbox');
  const { values, update, clear, filtered } = useInboxFilters();
  const conversations = useConversations(values);
  useInboxLiveUpdates();
  const columns: Column<ConversationListItem>[] = [
  {
    header: t('column.conversation'),
    cell: (conversation) => (
      <Stack gap={2} maw={520}>
        <Anchor component={Link} to={conversationPage(conversation.id)} fw={500} lineClamp={1}>
          {conversation.preview || t('noMessageYet')}
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
    header: t('column.status'),
    cell: (conversation) => (
      <Group gap={4} wrap="nowrap">
        <ConversationStatusBadge status={conversation.status} />
        {conversation.handed_off && conversation.status !== 'handed_off' && (
          <Text span size="xs" c="dimmed">
            {t('wasHandedOff')}
          </Text>
        )}
      </Group>
    ),
  },
  { header: t('column.channel'), cell: (conversation) => t(`channel.${conversation.channel}`) },
  { header: t('column.messages'), cell: (conversation) => conversation.message_count },
  { header: t('column.feedback'), cell: (conversation) => <FeedbackCounts {...conversation.feedback} /> },
  { header: t('column.lastActivity'), cell: (conversation) => <RelativeTime iso={conversation.last_activity_at} /> },
];
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <InboxFilterBar values={values} update={update} clear={clear} filtered={filtered} />
      <PaginatedTable
        label={t('table')}
        list={conversations}
        columns={columns}
        rowKey={(conversation) => conversation.id}
        emptyMessage={
          filtered ? (
            t('noMatch')
          ) : (
            <StatusMessage
              title={t('empty.title')}
              description={t('empty.description')}
            />
          )
        }
      />
    </>
  );
}
