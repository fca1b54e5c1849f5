import { Badge, Button, Card, Code, Collapse, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { AnswerCitation, AnswerProduct, ToolCall, TranscriptMessage } from './hooks';
import { ExternalLink } from '../../shared/ExternalLink';
import { formatMoneyRange } from '../../shared/format';
import { RelativeTime } from '../../shared/RelativeTime';

function Citations({ citations }: { citations: AnswerCitation[] }) {
  const { t } = useTranslation('inbox', { keyPrefix: 'transcript' });
  return (
    <List size="sm" aria-label={t('sources')} listStyleType="none" spacing={4}>
      {citations.map((citation) => (
        <List.Item key={citation.n}>
          <Text span size="sm" fw={500}>
            [{citation.n}]{' '}
          </Text>
          <ExternalLink href={citation.url}>{citation.title}</ExternalLink>
          {citation.section && (
            <Text span size="sm" c="dimmed">
              {' '}
              · {citation.section}
            </Text>
          )}
        </List.Item>
      ))}
    </List>
  );
}

function Products({ products }: { products: AnswerProduct[] }) {
  const { t } = useTranslation('inbox', { keyPrefix: 'transcript' });
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" aria-label={t('products')}>
      {products.map((product) => (
        <Card key={product.id} withBorder padding="xs">
          <Text size="sm" fw={500} lineClamp={2}>
            <ExternalLink href={product.url}>{product.title}</ExternalLink>
          </Text>
          <Text size="sm" c="dimmed">
            {formatMoneyRange(product.min_price, product.max_price, product.currency)}
            {product.available ? '' : t('outOfStock')}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function ToolCallItem({ call }: { call: ToolCall }) {
  const { t } = useTranslation('inbox', { keyPrefix: 'transcript' });
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <div>
      <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={opened}>
        {t('tool', { name: call.name })}
      </Button>
      <Collapse expanded={opened}>
        <Code block>{JSON.stringify({ arguments: call.arguments, result: call.result }, null, 2)}</Code>
      </Collapse>
    </div>
  );
}

function ToolCalls({ calls }: { calls: ToolCall[] }) {
  const { t } = useTranslation('inbox', { keyPrefix: 'transcript' });
  return (
    <Stack gap={4} aria-label={t('toolCalls')}>
      {calls.map((call, index) => (
        <ToolCallItem key={index} call={call} />
      ))}
    </Stack>
  );
}

function Feedback({ message }: { message: TranscriptMessage }) {
  const { t } = useTranslation('inbox');
  if (!message.feedback) return null;
  const helpful = message.feedback === 'up';
  return (
    <Group gap="xs">
      <Badge variant="light" color={helpful ? 'green' : 'red'}>
        {t(`feedback.${message.feedback}`)}
      </Badge>
      {message.feedback_comment && (
        <Text size="sm" c="dimmed">
          “{message.feedback_comment}”
        </Text>
      )}
    </Group>
  );
}

function Message({ message }: { message: TranscriptMessage }) {
  const fromShopper = message.role === 'user';
  const { t } = useTranslation('inbox');
  const speaker =
    message.role === 'agent' && message.author
      ? t('speaker.agentNamed', { name: message.author })
      : t(`speaker.${message.role}`);
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      maw={{ base: '100%', sm: '85%' }}
      ml={fromShopper ? 'auto' : undefined}
      bg={fromShopper ? 'var(--mantine-primary-color-light)' : undefined}
      aria-label={t('transcript.message', { speaker })}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {speaker}
          </Text>
          <Group gap="xs">
            {message.status !== 'complete' && (
              <Badge size="sm" variant="outline" color={message.status === 'failed' ? 'red' : 'gray'}>
                {t(`transcript.messageStatus.${message.status}`)}
              </Badge>
            )}
            <RelativeTime iso={message.created_at} />
          </Group>
        </Group>
        {/* Shopper and model text is shown as plain text, never as HTML. */}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {message.content}
        </Text>
        {message.citations.length > 0 && <Citations citations={message.citations} />}
        {message.products.length > 0 && <Products products={message.products} />}
        {message.tool_calls.length > 0 && <ToolCalls calls={message.tool_calls} />}
        <Feedback message={message} />
      </Stack>
    </Paper>
  );
}

export function Transcript({ messages }: { messages: TranscriptMessage[] }) {
  const { t } = useTranslation('inbox', { keyPrefix: 'transcript' });
  if (messages.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('label')}>
      {messages.map((message) => (
        <Message key={message.id} message={message} />
      ))}
    </Stack>
  );
}
