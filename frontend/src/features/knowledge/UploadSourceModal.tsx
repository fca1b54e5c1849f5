import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { i18n } from '../../i18n';
import { FileDrop } from '../../shared/FileDrop';
import { formatBytes } from '../../shared/format';
import { useKnowledgeLimits, useUploadSources, type KnowledgeLimits } from './hooks';

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

/** Where one chosen file is; a file refused by `checkUploadFile` is never sent and has none. */
type Sending =
  | { state: 'waiting' }
  | { state: 'sending'; fraction: number }
  | { state: 'done' }
  | { state: 'failed'; detail: string };

function UploadRow({ file, refusal, sending }: { file: File; refusal: string | null; sending: Sending }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'upload' });
  return (
    <Stack gap={4} data-testid="upload-row">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" truncate="end">
          {file.name}
        </Text>
        <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
          {formatBytes(file.size)}
        </Text>
      </Group>
      {refusal ? (
        <Text size="xs" c="red">
          {refusal}
        </Text>
      ) : sending.state === 'sending' ? (
        <Progress.Root size="sm">
          <Progress.Section value={Math.round(sending.fraction * 100)} aria-label={t('uploadingFile', { name: file.name })} />
        </Progress.Root>
      ) : sending.state === 'done' ? (
        <Text size="xs" c="green">
          {t('done')}
        </Text>
      ) : sending.state === 'failed' ? (
        <Text size="xs" c="red">
          {sending.detail}
        </Text>
      ) : null}
    </Stack>
  );
}

/**
 * Uploads documents (PDF, Word, HTML, Markdown, text) or spreadsheets (CSV, XLSX), dropped or
 * picked several at once. Files go up one after another, each becoming its own source; closing
 * is blocked while one is being sent, so no upload is left half-way without the user seeing it.
 */
export function UploadSourceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'upload' });
  const { t: notify } = useTranslation('knowledge', { keyPrefix: 'notify' });
  const { t: common } = useTranslation();
  const limits = useKnowledgeLimits(opened);
  const { upload, finish } = useUploadSources();
  const [files, setFiles] = useState<File[]>([]);
  const [sendings, setSendings] = useState<Sending[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refusals = files.map((file) => checkUploadFile(file, limits.data));
  const single = files.length <= 1;

  const choose = (chosen: File[]) => {
    setFiles(chosen);
    setSendings(chosen.map(() => ({ state: 'waiting' })));
    setError(null);
  };
  const close = () => {
    choose([]);
    setName('');
    onClose();
  };
  const setSending = (index: number, sending: Sending) =>
    setSendings((current) => current.map((old, i) => (i === index ? sending : old)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Files already uploaded in an earlier attempt stay uploaded; only the others are (re)sent.
    const pending = files
      .map((file, index) => ({ file, index }))
      .filter(({ index }) => !refusals[index] && sendings[index]?.state !== 'done');
    if (pending.length === 0) {
      setError(files.length === 0 ? t('chooseFile') : t('nothingToSend'));
      return;
    }
    setBusy(true);
    setError(null);
    const uploaded: string[] = [];
    for (const { file, index } of pending) {
      setSending(index, { state: 'sending', fraction: 0 });
      try {
        const onProgress = (fraction: number) => setSending(index, { state: 'sending', fraction });
        const source = await upload({ file, name: single ? name : '', onProgress });
        uploaded.push(source.name);
        setSending(index, { state: 'done' });
      } catch (failure) {
        setSending(index, { state: 'failed', detail: isApiError(failure) ? failure.detail : String(failure) });
      }
    }
    setBusy(false);
    if (uploaded.length > 0) {
      notifications.show({
        color: 'green',
        message: uploaded.length === 1 ? notify('uploaded', { name: uploaded[0] }) : notify('uploadedMany', { count: uploaded.length }),
      });
      await finish();
    }
    // Everything chosen is now a source: nothing left to show. Otherwise the rows say what went wrong.
    if (uploaded.length === pending.length && refusals.every((refusal) => refusal === null)) close();
  };

  const hint = limits.data
    ? t('fileHint', { extensions: limits.data.allowed_extensions.join(', '), size: formatBytes(limits.data.max_upload_bytes) })
    : undefined;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('title')}
      closeOnClickOutside={!busy}
      closeOnEscape={!busy}
      withCloseButton={!busy}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {error && <Alert color="red">{error}</Alert>}
          <FileDrop
            multiple
            label={t('files')}
            description={hint}
            accept={limits.data?.allowed_extensions.join(',')}
            value={files}
            onChange={choose}
            disabled={busy}
          />
          {files.length > 0 && (
            <Stack gap="sm" aria-label={t('chosen')} role="group">
              {files.map((file, index) => (
                <UploadRow
                  key={`${index}-${file.name}`}
                  file={file}
                  refusal={refusals[index] ?? null}
                  sending={sendings[index] ?? { state: 'waiting' }}
                />
              ))}
            </Stack>
          )}
          <TextInput
            label={t('name')}
            description={single ? t('nameOptional') : t('nameSeveral')}
            disabled={busy || !single}
            value={single ? name : ''}
            onChange={(event) => setName(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              {common('cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
