import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useServerForm } from '../../shared/useServerForm';
import { canEditContent } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { useUpdateSource, type KnowledgeSource, type TextFormat } from './hooks';
import { TextFormatInput } from './labels';

interface ContentValues {
  text: string;
  format: TextFormat;
}

/** A text note's content: editors change it, and saving re-syncs the source. */
export function ContentTab({ source }: { source: KnowledgeSource }) {
  const { t } = useTranslation('knowledge');
  const { role } = useSession();
  const update = useUpdateSource({ notifyOnError: false });
  const form = useForm<ContentValues>({
    initialValues: { text: source.config.text ?? '', format: source.config.format ?? 'markdown' },
    validate: { text: (value) => (value.trim() ? null : t('create.textRequired')) },
  });
  const server = useServerForm(
    form,
    (config) => update.mutateAsync({ source, patch: { config: { ...source.config, ...config } } }),
    () => form.resetDirty(),
  );

  if (!canEditContent(role)) {
    return (
      <Paper withBorder p="md">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {source.config.text}
        </Text>
      </Paper>
    );
  }
  return (
    <form onSubmit={server.onSubmit} noValidate>
      <Stack>
        {server.formError && <Alert color="red">{server.formError}</Alert>}
        <Textarea
          label={t('content.text')}
          description={t('content.description')}
          required
          autosize
          minRows={10}
          maxRows={30}
          {...form.getInputProps('text')}
        />
        <TextFormatInput {...form.getInputProps('format')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={form.reset} disabled={!form.isDirty()}>
            {t('content.discard')}
          </Button>
          <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
            {t('content.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
