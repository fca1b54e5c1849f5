import { FileInput, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { formatBytes } from '../../shared/format';
import { ModalForm } from '../../shared/ModalForm';
import { useKnowledgeLimits, useUploadSource, type KnowledgeLimits } from './hooks';

interface UploadFormValues {
  file: File | null;
  name: string;
}

function extension(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot).toLowerCase() : '';
}

/**
 * Why the server would refuse `file`, checked before uploading it; null if it looks fine.
 * Without limits (not loaded yet, or failed to load) only emptiness is checked: the server decides.
 */
export function checkUploadFile(file: File, limits: KnowledgeLimits | undefined): string | null {
  if (file.size === 0) return i18n.t('knowledge:upload.empty');
  if (!limits) return null;
  const allowed = limits.allowed_extensions.map((ext) => ext.toLowerCase());
  if (!allowed.includes(extension(file.name))) {
    return i18n.t('knowledge:upload.wrongType', { extensions: allowed.join(', ') });
  }
  if (file.size > limits.max_upload_bytes) {
    return i18n.t('knowledge:upload.tooLarge', { size: formatBytes(file.size), limit: formatBytes(limits.max_upload_bytes) });
  }
  return null;
}

/** Uploads a document (PDF, Word, HTML, Markdown, text) or a spreadsheet (CSV, XLSX). */
export function UploadSourceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'upload' });
  const limits = useKnowledgeLimits(opened);
  const upload = useUploadSource();
  const form = useForm<UploadFormValues>({
    initialValues: { file: null, name: '' },
    validate: {
      file: (file) => (file ? checkUploadFile(file, limits.data) : t('chooseFile')),
    },
  });

  const hint = limits.data
    ? t('fileHint', { extensions: limits.data.allowed_extensions.join(', '), size: formatBytes(limits.data.max_upload_bytes) })
    : undefined;

  return (
    <ModalForm
      title={t('title')}
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel={t('submit')}
      onSubmit={({ file, name }) => (file ? upload.mutateAsync({ file, name }) : Promise.resolve())}
    >
      <FileInput
        label={t('file')}
        description={hint}
        placeholder={t('placeholder')}
        accept={limits.data?.allowed_extensions.join(',')}
        required
        clearable
        disabled={form.submitting}
        {...form.getInputProps('file')}
      />
      <TextInput
        label={t('name')}
        description={t('nameOptional')}
        disabled={form.submitting}
        {...form.getInputProps('name')}
      />
      {form.submitting && (
        <Stack gap={4}>
          <Progress.Root size="sm">
            <Progress.Section value={100} striped animated aria-label={t('uploading')} />
          </Progress.Root>
          <Text size="xs" c="dimmed">
            {t('uploadingFile', { name: form.values.file?.name })}
          </Text>
        </Stack>
      )}
    </ModalForm>
  );
}
