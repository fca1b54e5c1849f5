import { Anchor, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { canEditContent } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import {
  useConversation,
  useConversationStatus,
  useInboxLiveUpdates,
  useReply,
  type ConversationDetail,
} from './hooks';
import { ConversationStatusBadge, INBOX_PAGE } from './labels';
import { Transcript } from './Transcript';

const MAX_REPLY_CHARS = 4000;

function StatusActions({ conversation }: { conversation: ConversationDetail }) {
  const { t } = useTranslation('inbox', { keyPrefix: 'conversation' });
  const status = useConversationStatus(conversation.id);
  const action = conversation.status === 'resolved' ? 'reopen' : 'resolve';
  return (
    <Button
      variant={action === 'resolve' ? 'filled' : 'default'}
      loading={status.isPending}
      onClick={() => status.mutate(action)}
    >
      {action === 'resolve' ? t('resolve') : t('reopen')}
    </Button>
  );
}

function ReplyForm({ id }: { id: string }) {
  const { t } = useTranslation('inbox', { keyPrefix: 'conversation' });
  const reply = useReply(id);
  const [text, setText] = useState('');
  const send = () => reply.mutate(text.trim(), { onSuccess: () => setText('') });
  return (
    <Card withBorder component="form" onSubmit={(event) => (event.preventDefault(), send())}>
      <Stack gap="sm">
        <Textarea
          label={t('reply')}
          description={t('replyDescription')}
          autosize
          minRows={2}
          maxLength={MAX_REPLY_CHARS}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={reply.isPending} disabled={!text.trim()}>
            {t('send')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Conversation({ conversation }: { conversation: ConversationDetail }) {
  const { t } = useTranslation('inbox');
  const { role } = useSession();
  const canAct = canEditContent(role);
  return (
    <>
      <PageHeader
        title={t('conversation.title')}
        description={t('conversation.description', {
          channel: t(`channel.${conversation.channel}`),
          time: formatDateTime(conversation.started_at),
        })}
        action={canAct && <StatusActions conversation={conversation} />}
      />
      <Stack gap="md">
        <Group gap="xs">
          <ConversationStatusBadge status={conversation.status} />
          <Text size="sm" c="dimmed">
            {t('conversation.messages', { count: conversation.message_count })}
            {conversation.locale && ` · ${conversation.locale}`}
          </Text>
        </Group>
        <Transcript messages={conversation.messages} />
        {canAct && conversation.status === 'handed_off' && <ReplyForm id={conversation.id} />}
      </Stack>
    </>
  );
}

export function ConversationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('inbox');
  const conversation = useConversation(id);
  useInboxLiveUpdates();
  return (
    <>
      <Anchor component={Link} to={INBOX_PAGE} size="sm" mb="sm" display="inline-block">
        {t('conversation.back')}
      </Anchor>
      <QueryState query={conversation}>{(data) => <Conversation conversation={data} />}</QueryState>
    </>
  );
}
