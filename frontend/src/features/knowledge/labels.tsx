import {
  Badge,
  Group,
  Radio,
  Select,
  Stack,
  type ComboboxItem,
  type RadioGroupProps,
  type SelectProps,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { WorkProgress } from '../../shared/WorkProgress';
import {
  isSyncing,
  SCHEDULES,
  type DocumentStatus,
  type KnowledgeSource,
  type Schedule,
  type SourceKind,
  type SourceStatus,
} from './hooks';

const KIND_COLORS: Record<SourceKind, string> = {
  upload: 'grape',
  url: 'blue',
  website: 'indigo',
  faq: 'teal',
  text: 'orange',
  spreadsheet: 'lime',
};

const STATUS_COLORS: Record<SourceStatus | DocumentStatus, string> = {
  idle: 'gray',
  queued: 'blue',
  syncing: 'blue',
  ready: 'green',
  error: 'red',
  pending: 'gray',
  processing: 'blue',
  skipped: 'yellow',
};

/** The app path of a source's page. */
export function sourcePage(id: number): string {
  return `/knowledge/sources/${id}`;
}

/** Sources fetched from the web: the only ones a schedule makes sense for. */
export function isRemote(kind: SourceKind): boolean {
  return kind === 'url' || kind === 'website';
}

export function KindBadge({ kind }: { kind: SourceKind }) {
  const { t } = useTranslation('knowledge');
  return (
    <Badge color={KIND_COLORS[kind]} variant="light">
      {t(`kind.${kind}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: SourceStatus | DocumentStatus }) {
  const { t } = useTranslation('knowledge');
  return (
    <Badge color={STATUS_COLORS[status]} variant="dot">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The source's status, and "update pending" while the index lags an edit made during a sync. */
export function SourceStatusBadges({ source }: { source: KnowledgeSource }) {
  const { t } = useTranslation('knowledge');
  return (
    <Group gap={4}>
      <StatusBadge status={source.status} />
      {source.update_pending && (
        <Badge color="yellow" variant="light">
          {t('updatePending')}
        </Badge>
      )}
    </Group>
  );
}

/** `documents_done / documents_total` as a bar; striped and moving until the total is known. */
export function SyncProgress({ source }: { source: KnowledgeSource }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'progress' });
  const { documents_done: done, documents_total: total } = source.progress;
  return (
    <WorkProgress
      done={done}
      total={total}
      label={t('label', { name: source.name, done, total })}
      caption={total > 0 ? t('caption', { done, total }) : t('waiting')}
    />
  );
}

/** The status badge, with the progress bar while queued or syncing. */
export function SourceStatusCell({ source }: { source: KnowledgeSource }) {
  return (
    <Stack gap={4} align="flex-start">
      <SourceStatusBadges source={source} />
      {isSyncing(source) && <SyncProgress source={source} />}
    </Stack>
  );
}

export function scheduleLabel(schedule: Schedule): string {
  return i18n.t(`knowledge:schedule.${schedule}`);
}

/** A schedule picker; spread `form.getInputProps('schedule')` or pass value/onChange. */
export function ScheduleSelect(props: Omit<SelectProps<Schedule>, 'data'>) {
  const { t } = useTranslation('knowledge');
  const options: ComboboxItem<Schedule>[] = SCHEDULES.map((schedule) => ({ value: schedule, label: scheduleLabel(schedule) }));
  return <Select<Schedule> label={t('schedule.label')} data={options} allowDeselect={false} {...props} />;
}

/** Markdown or plain text, for a text note; spread `form.getInputProps('format')`. */
export function TextFormatInput(props: Omit<RadioGroupProps, 'children' | 'label'>) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'format' });
  return (
    <Radio.Group label={t('label')} {...props}>
      <Group mt="xs">
        <Radio value="markdown" label={t('markdown')} />
        <Radio value="text" label={t('text')} />
      </Group>
    </Radio.Group>
  );
}
