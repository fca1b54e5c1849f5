import { Button, Group, Select, TextInput } from '@mantine/core';
import { CONVERSATION_CHANNELS, CONVERSATION_STATUSES, type ConversationListParams, type FeedbackValue } from './hooks';
import { CHANNEL_LABELS, STATUS_LABELS } from './labels';

const STATUS_OPTIONS = CONVERSATION_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
const CHANNEL_OPTIONS = CONVERSATION_CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }));
const FEEDBACK_OPTIONS: { value: FeedbackValue; label: string }[] = [
  { value: 'up', label: 'Rated helpful' },
  { value: 'down', label: 'Rated not helpful' },
];
const FIELD_WIDTH = { base: '100%', xs: 170 };

interface InboxFilterBarProps {
  values: ConversationListParams;
  update: (patch: ConversationListParams) => void;
  clear: () => void;
  filtered: boolean;
}

export function InboxFilterBar({ values, update, clear, filtered }: InboxFilterBarProps) {
  return (
    <Group component="section" aria-label="Filters" align="flex-end" gap="sm" mb="lg">
      <Select
        label="Status"
        placeholder="Any status"
        data={STATUS_OPTIONS}
        value={values.status ?? null}
        onChange={(status) => update({ status: (status ?? undefined) as ConversationListParams['status'] })}
        clearable
        w={FIELD_WIDTH}
      />
      <Select
        label="Channel"
        placeholder="Any channel"
        data={CHANNEL_OPTIONS}
        value={values.channel ?? null}
        onChange={(channel) => update({ channel: (channel ?? undefined) as ConversationListParams['channel'] })}
        clearable
        w={FIELD_WIDTH}
      />
      <Select
        label="Feedback"
        placeholder="Any feedback"
        data={FEEDBACK_OPTIONS}
        value={values.feedback ?? null}
        onChange={(feedback) => update({ feedback: (feedback ?? undefined) as FeedbackValue | undefined })}
        clearable
        w={FIELD_WIDTH}
      />
      <TextInput
        label="From"
        type="date"
        value={values.since ?? ''}
        max={values.until}
        onChange={(event) => update({ since: event.currentTarget.value })}
        w={FIELD_WIDTH}
      />
      <TextInput
        label="To"
        type="date"
        value={values.until ?? ''}
        min={values.since}
        onChange={(event) => update({ until: event.currentTarget.value })}
        w={FIELD_WIDTH}
      />
      {filtered && (
        <Button variant="subtle" onClick={clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
}
