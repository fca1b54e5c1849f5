import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { confirmDestructive } from '../../shared/confirm';
import { RelativeTime } from '../../shared/RelativeTime';
import { useServerForm } from '../../shared/useServerForm';
import { canEditContent } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import {
  isSyncing,
  useDeleteSource,
  useSyncSource,
  useUpdateSource,
  type KnowledgeSource,
  type Schedule,
} from './hooks';
import { isRemote, KindBadge, scheduleLabel, ScheduleSelect, SourceStatusBadges, SyncProgress } from './labels';

/** The source's name as a heading; editors can rename it in place. */
function SourceName({ source, editable }: { source: KnowledgeSource; editable: boolean }) {
  const { t } = useTranslation(['knowledge', 'common']);
  const [editing, setEditing] = useState(false);
  const update = useUpdateSource({ notifyOnError: false });
  const form = useForm({
    initialValues: { name: source.name },
    validate: { name: (value: string) => (value.trim() ? null : t('create.nameRequired')) },
  });
  const stopEditing = () => {
    server.clearFormError();
    setEditing(false);
  };
  const server = useServerForm(
    form,
    ({ name }) => update.mutateAsync({ source, patch: { name: name.trim() } }),
    stopEditing,
  );

  if (!editing) {
    return (
      <Group gap="xs" wrap="nowrap">
        <Title order={2}>{source.name}</Title>
        {editable && (
          <ActionIcon
            variant="subtle"
            aria-label={t('source.rename')}
            onClick={() => {
              form.setValues({ name: source.name });
              setEditing(true);
            }}
          >
            ✎
          </ActionIcon>
        )}
      </Group>
    );
  }
  return (
    <form onSubmit={server.onSubmit} noValidate aria-label={t('source.rename')}>
      <Stack gap="xs">
        {server.formError && <Alert color="red">{server.formError}</Alert>}
        <Group align="flex-start" gap="xs">
          <TextInput label={t('source.name')} required data-autofocus w={320} {...form.getInputProps('name')} />
          <Group gap="xs" mt={25}>
            <Button type="submit" size="sm" loading={form.submitting}>
              {t('source.save')}
            </Button>
            <Button variant="default" size="sm" onClick={stopEditing}>
              {t('common:cancel')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Name, kind, status and progress, last error, schedule; Re-sync and Delete for editors. */
export function SourceHeader({ source }: { source: KnowledgeSource }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'source' });
  const { role } = useSession();
  const edit = canEditContent(role);
  const navigate = useNavigate();
  const update = useUpdateSource();
  const sync = useSyncSource();
  const remove = useDeleteSource();
  const syncing = isSyncing(source);

  const confirmDelete = () =>
    confirmDestructive({
      title: t('confirmDelete.title'),
      message: t('confirmDelete.message', { name: source.name }),
      confirmLabel: t('delete'),
      onConfirm: () => remove.mutate(source, { onSuccess: () => void navigate('/knowledge') }),
    });

  const changeSchedule = (schedule: Schedule | null) => {
    if (schedule && schedule !== source.schedule) update.mutate({ source, patch: { schedule } });
  };

  return (
    <Stack gap="md" mb="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <SourceName source={source} editable={edit} />
          <Group gap="xs">
            <KindBadge kind={source.kind} />
            <SourceStatusBadges source={source} />
            <Text size="sm" c="dimmed">
              {t('lastSynced')} <RelativeTime iso={source.last_synced_at} fallback={t('never')} />
              {source.next_sync_at && (
                <>
                  {t('next')}
                  <RelativeTime iso={source.next_sync_at} />
                </>
              )}
              {t('chunks', { count: source.progress.chunks })}
            </Text>
          </Group>
        </Stack>
        <Group align="flex-end">
          {isRemote(source.kind) &&
            (edit ? (
              <ScheduleSelect value={source.schedule} onChange={changeSchedule} disabled={update.isPending} w={160} />
            ) : (
              <Text size="sm">{t('scheduleValue', { schedule: scheduleLabel(source.schedule) })}</Text>
            ))}
          {edit && (
            <>
              <Button variant="default" onClick={() => sync.mutate(source)} loading={sync.isPending} disabled={syncing}>
                {t('resync')}
              </Button>
              <Button color="red" variant="light" onClick={confirmDelete} loading={remove.isPending}>
                {t('delete')}
              </Button>
            </>
          )}
        </Group>
      </Group>
      {syncing && <SyncProgress source={source} />}
      {source.last_error && (
        <Alert color="red" title={t('lastSyncFailed')}>
          {source.last_error}
        </Alert>
      )}
    </Stack>
  );
}
