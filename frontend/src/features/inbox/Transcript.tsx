import { Badge, Button, Card, Code, Collapse, Group, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { AnswerCitation, AnswerProduct, ToolCall, TranscriptMessage } from './hooks';
import { ExternalLink } from '../../shared/ExternalLink';
import { formatMoneyRange } from '../../shared/format';
import { RelativeTime } from '../../shared/RelativeTime';
import { ROLE_LABELS } from './labels';

function Citations({ citations }: { citations: AnswerCitation[] }) {
  return (
    <List size="sm" aria-label="Sources" listStyleType="none" spacing={4}>
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
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" aria-label="Products shown">
      {products.map((product) => (
        <Card key={product.id} withBorder padding="xs">
          <Text size="sm" fw={500} lineClamp={2}>
            <ExternalLink href={product.url}>{product.title}</ExternalLink>
          </Text>
          <Text size="sm" c="dimmed">
            {formatMoneyRange(product.min_price, product.max_price, product.currency)}
            {product.available ? '' : ' · out of stock'}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function ToolCallItem({ call }: { call: ToolCall }) {
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <div>
      <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={opened}>
        Tool: {call.name}
      </Button>
      <Collapse expanded={opened}>
        <Code block>{JSON.stringify({ arguments: call.arguments, result: call.result }, null, 2)}</Code>
      </Collapse>
    </div>
  );
}

function ToolCalls({ calls }: { calls: ToolCall[] }) {
  return (
    <Stack gap={4} aria-label="Tool calls">
      {calls.map((call, index) => (
        <ToolCallItem key={index} call={call} />
      ))}
    </Stack>
  );
}

function Feedback({ message }: { message: TranscriptMessage }) {
  if (!message.feedback) return null;
  const helpful = message.feedback === 'up';
  return (
    <Group gap="xs">
      <Badge variant="light" color={helpful ? 'green' : 'red'}>
        {helpful ? 'Rated helpful' : 'Rated not helpful'}
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
  const speaker = message.role === 'agent' && message.author ? `${ROLE_LABELS.agent} · ${message.author}` : ROLE_LABELS[message.role];
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      maw={{ base: '100%', sm: '85%' }}
      ml={fromShopper ? 'auto' : undefined}
      bg={fromShopper ? 'var(--mantine-primary-color-light)' : undefined}
      aria-label={`${speaker} message`}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {speaker}
          </Text>
          <Group gap="xs">
            {message.status !== 'complete' && (
              <Badge size="sm" variant="outline" color={message.status === 'failed' ? 'red' : 'gray'}>
                {message.status}
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
  if (messages.length === 0) return <Text c="dimmed">No messages yet.</Text>;
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Transcript">
      {messages.map((message) => (
        <Message key={message.id} message={message} />
      ))}
    </Stack>
  );
}
