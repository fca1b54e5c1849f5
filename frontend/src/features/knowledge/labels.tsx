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

export const KIND_LABELS: Record<SourceKind, string> = {
  upload: 'File',
  url: 'Web page',
  website: 'Website',
  faq: 'FAQ',
  text: 'Text note',
  spreadsheet: 'Spreadsheet',
};

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

const SCHEDULE_LABELS: Record<Schedule, string> = {
  off: 'Manual only',
  hourly: 'Hourly',
  daily: 'Daily',
  weekly: 'Weekly',
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
  return (
    <Badge color={KIND_COLORS[kind]} variant="light">
      {KIND_LABELS[kind]}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: SourceStatus | DocumentStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="dot">
      {status}
    </Badge>
  );
}

/** `documents_done / documents_total` as a bar; striped and moving until the total is known. */
export function SyncProgress({ source }: { source: KnowledgeSource }) {
  const { documents_done: done, documents_total: total } = source.progress;
  return (
    <WorkProgress
      done={done}
      total={total}
      label={`${source.name}: ${done} of ${total} documents synced`}
      caption={total > 0 ? `${done}/${total} documents` : 'Waiting to start…'}
    />
  );
}

/** The status badge, with the progress bar while queued or syncing. */
export function SourceStatusCell({ source }: { source: KnowledgeSource }) {
  return (
    <Stack gap={4} align="flex-start">
      <StatusBadge status={source.status} />
      {isSyncing(source) && <SyncProgress source={source} />}
    </Stack>
  );
}

export function scheduleLabel(schedule: Schedule): string {
  return SCHEDULE_LABELS[schedule];
}

const SCHEDULE_OPTIONS: ComboboxItem<Schedule>[] = SCHEDULES.map((schedule) => ({
  value: schedule,
  label: SCHEDULE_LABELS[schedule],
}));

/** A schedule picker; spread `form.getInputProps('schedule')` or pass value/onChange. */
export function ScheduleSelect(props: Omit<SelectProps<Schedule>, 'data'>) {
  return <Select<Schedule> label="Schedule" data={SCHEDULE_OPTIONS} allowDeselect={false} {...props} />;
}

/** Markdown or plain text, for a text note; spread `form.getInputProps('format')`. */
export function TextFormatInput(props: Omit<RadioGroupProps, 'children' | 'label'>) {
  return (
    <Radio.Group label="Format" {...props}>
      <Group mt="xs">
        <Radio value="markdown" label="Markdown" />
        <Radio value="text" label="Plain text" />
      </Group>
    </Radio.Group>
  );
}
