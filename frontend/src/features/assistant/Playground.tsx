import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ExternalLink } from '../../shared/ExternalLink';
import { formatMoneyRange } from '../../shared/format';
import { ProductCell } from '../catalog/ProductCell';
import { AvailabilityBadge } from '../catalog/labels';
import { formatTimings, type AssistantReply, type ChatCitation } from './chat';
import { usePlayground } from './usePlayground';

function Citation({ citation }: { citation: ChatCitation }) {
  const { t } = useTranslation('assistant', { keyPrefix: 'playground' });
  const where = [
    citation.source_name,
    citation.section,
    citation.page != null ? t('page', { page: citation.page }) : null,
  ].filter(
    Boolean,
  );
  return (
    <Text component="li" size="sm">
      [{citation.n}] <ExternalLink href={citation.url}>{citation.title}</ExternalLink>
      {where.length > 0 && (
        <Text span size="xs" c="dimmed">
          {' '}
          · {where.join(' · ')}
        </Text>
      )}
    </Text>
  );
}

function Reply({ reply }: { reply: AssistantReply }) {
  const { t } = useTranslation('assistant', { keyPrefix: 'playground' });
  return (
    <Stack gap="xs">
      {/* Answers quote store documents: always plain text, never HTML. */}
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {reply.text}
        {reply.status === 'streaming' && <Loader size={12} ml={6} type="dots" aria-label={t('answering')} />}
      </Text>
      {reply.error && (
        <Alert color="red" p="xs">
          {reply.error}
        </Alert>
      )}
      {reply.products.length > 0 && (
        <Stack gap={6} aria-label={t('products')}>
          {reply.products.map((product) => (
            <Group key={product.id} justify="space-between" wrap="nowrap" gap="xs">
              <ProductCell id={product.id} title={product.title} image={product.image} />
              <Group gap={6} wrap="nowrap">
                <Text size="sm">{formatMoneyRange(product.min_price, product.max_price, product.currency)}</Text>
                <AvailabilityBadge available={product.available} />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      {reply.citations.length > 0 && (
        <Stack gap={2} component="ol" aria-label={t('sources')} p={0} m={0} style={{ listStyle: 'none' }}>
          {reply.citations.map((citation) => (
            <Citation key={citation.n} citation={citation} />
          ))}
        </Stack>
      )}
      {reply.tools.length > 0 && (
        <Group gap={6} aria-label={t('toolCalls')}>
          {reply.tools.map((tool, index) => (
            <Badge key={index} variant="outline" color={tool.status === 'failed' ? 'red' : 'gray'} tt="none">
              {t('tool', { name: tool.name, status: t(`toolStatus.${tool.status}`) })}
            </Badge>
          ))}
        </Group>
      )}
      {reply.timings && (
        <Text size="xs" c="dimmed" aria-label={t('timings')}>
          {reply.status !== 'complete' && `${t(`status.${reply.status}`)} · `}
          {formatTimings(reply.timings)}
        </Text>
      )}
    </Stack>
  );
}

/** Chat with the assistant as a shopper would, with its sources, tools and timings shown. */
export function Playground() {
  const { t } = useTranslation('assistant', { keyPrefix: 'playground' });
  const { exchanges, streaming, ask, stop, reset } = usePlayground();
  const [question, setQuestion] = useState('');

  const send = () => {
    const text = question.trim();
    if (!text || streaming) return;
    setQuestion('');
    void ask(text);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="playground-title">
      <Group justify="space-between" mb="sm">
        <Title id="playground-title" order={3} size="h4">
          {t('title')}
        </Title>
        <Button variant="subtle" size="xs" onClick={reset} disabled={exchanges.length === 0}>
          {t('newConversation')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('description')}
      </Text>
      <Stack gap="md" aria-label={t('conversation')} role="log">
        {exchanges.map((exchange) => (
          <Stack key={exchange.id} gap="xs" component="article" aria-label={t('answerTo', { question: exchange.question })}>
            <Paper bg="var(--mantine-color-blue-light)" p="xs" radius="md" ml="xl">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {exchange.question}
              </Text>
            </Paper>
            <Reply reply={exchange.reply} />
          </Stack>
        ))}
      </Stack>
      <Stack gap="xs" mt="md">
        <Textarea
          label={t('message')}
          placeholder={t('placeholder')}
          autosize
          minRows={2}
          value={question}
          onChange={(event) => setQuestion(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              send();
            }
          }}
        />
        <Group justify="flex-end">
          {streaming ? (
            <Button variant="default" onClick={stop}>
              {t('stop')}
            </Button>
          ) : (
            <Button onClick={send} disabled={!question.trim()}>
              {t('send')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
