import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CONVERSATION_CHANNELS,
  CONVERSATION_STATUSES,
  FEEDBACK_VALUES,
  type ConversationListParams,
  type FeedbackValue,
} from './hooks';

const FIELD_WIDTH = { base: '100%', xs: 170 };

interface InboxFilterBarProps {
  values: ConversationListParams;
  update: (patch: ConversationListParams) => void;
  clear: () => void;
  filtered: boolean;
}

export function InboxFilterBar({ values, update, clear, filtered }: InboxFilterBarProps) {
  const { t } = useTranslation('inbox');
  return (
    <Group component="section" aria-label={t('filters.label')} align="flex-end" gap="sm" mb="lg">
      <Select
        label={t('filters.status')}
        placeholder={t('filters.anyStatus')}
        data={CONVERSATION_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
        value={values.status ?? null}
        onChange={(status) => update({ status: (status ?? undefined) as ConversationListParams['status'] })}
        clearable
        w={FIELD_WIDTH}
      />
      <Select
        label={t('filters.channel')}
        placeholder={t('filters.anyChannel')}
        data={CONVERSATION_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
        value={values.channel ?? null}
        onChange={(channel) => update({ channel: (channel ?? undefined) as ConversationListParams['channel'] })}
        clearable
        w={FIELD_WIDTH}
      />
      <Select
        label={t('filters.feedback')}
        placeholder={t('filters.anyFeedback')}
        data={FEEDBACK_VALUES.map((value) => ({ value, label: t(`feedback.${value}`) }))}
        value={values.feedback ?? null}
        onChange={(feedback) => update({ feedback: (feedback ?? undefined) as FeedbackValue | undefined })}
        clearable
        w={FIELD_WIDTH}
      />
      <TextInput
        label={t('filters.from')}
        type="date"
        value={values.since ?? ''}
        max={values.until}
        onChange={(event) => update({ since: event.currentTarget.value })}
        w={FIELD_WIDTH}
      />
      <TextInput
        label={t('filters.to')}
        type="date"
        value={values.until ?? ''}
        min={values.since}
        onChange={(event) => update({ until: event.currentTarget.value })}
        w={FIELD_WIDTH}
      />
      {filtered && (
        <Button variant="subtle" onClick={clear}>
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
