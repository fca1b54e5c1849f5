import { FileInput, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
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
  if (file.size === 0) return 'This file is empty.';
  if (!limits) return null;
  const allowed = limits.allowed_extensions.map((ext) => ext.toLowerCase());
  if (!allowed.includes(extension(file.name))) return `This type of file can’t be added. Use ${allowed.join(', ')}.`;
  if (file.size > limits.max_upload_bytes) {
    return `This file is ${formatBytes(file.size)}; the limit is ${formatBytes(limits.max_upload_bytes)}.`;
  }
  return null;
}

/** Uploads a document (PDF, Word, HTML, Markdown, text) or a spreadsheet (CSV, XLSX). */
export function UploadSourceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const limits = useKnowledgeLimits(opened);
  const upload = useUploadSource();
  const form = useForm<UploadFormValues>({
    initialValues: { file: null, name: '' },
    validate: {
      file: (file) => (file ? checkUploadFile(file, limits.data) : 'Choose a file to upload.'),
    },
  });

  const hint = limits.data
    ? `${limits.data.allowed_extensions.join(', ')} · up to ${formatBytes(limits.data.max_upload_bytes)}`
    : undefined;

  return (
    <ModalForm
      title="Upload a file"
      opened={opened}
      onClose={onClose}
      form={form}
      submitLabel="Upload"
      onSubmit={({ file, name }) => (file ? upload.mutateAsync({ file, name }) : Promise.resolve())}
    >
      <FileInput
        label="File"
        description={hint}
        placeholder="Choose a file"
        accept={limits.data?.allowed_extensions.join(',')}
        required
        clearable
        disabled={form.submitting}
        {...form.getInputProps('file')}
      />
      <TextInput
        label="Name"
        description="Optional: the file name is used if left empty."
        disabled={form.submitting}
        {...form.getInputProps('name')}
      />
      {form.submitting && (
        <Stack gap={4}>
          <Progress.Root size="sm">
            <Progress.Section value={100} striped animated aria-label="Uploading" />
          </Progress.Root>
          <Text size="xs" c="dimmed">
            Uploading {form.values.file?.name}…
          </Text>
        </Stack>
      )}
    </ModalForm>
  );
}
