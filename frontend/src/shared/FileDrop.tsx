import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FileInput, Paper, Stack, Text } from '@mantine/core';

interface CommonProps {
  label: string;
  description?: string;
  /** For the file picker, e.g. ".csv,.xlsx"; dropped files are not filtered (the server decides). */
  accept?: string;
  disabled?: boolean;
  error?: string | null;
}

/** One file, or with `multiple` any number of files (picked together or dropped together). */
type FileDropProps = CommonProps &
  (
    | { multiple?: false; value: File | null; onChange: (file: File | null) => void }
    | { multiple: true; value: File[]; onChange: (files: File[]) => void }
  );

/**
 * A file picker in an area that also accepts dropped files. The picker is a regular labelled
 * input, so keyboard and screen-reader users lose nothing to the drag-and-drop.
 */
export function FileDrop(props: FileDropProps) {
  const { label, description, accept, disabled = false, error } = props;
  const { t } = useTranslation();
  const [over, setOver] = useState(false);

  const onDragOver = (event: DragEvent) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const files = Array.from(event.dataTransfer.files);
    if (disabled || files.length === 0) return;
    if (props.multiple) props.onChange(files);
    else props.onChange(files[0] ?? null);
  };
  const prompt = props.multiple
    ? t(over ? 'fileDrop.dropHereMany' : 'fileDrop.dragOrChooseMany')
    : t(over ? 'fileDrop.dropHere' : 'fileDrop.dragOrChoose');
  const input = { label, description, accept, disabled, error, clearable: true };

  return (
    <Paper
      withBorder
      p="lg"
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-dragging={over || undefined}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-primary-color-filled)' : undefined,
        background: over ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Stack gap="xs" align="stretch">
        <Text size="sm" c="dimmed" ta="center">
          {prompt}
        </Text>
        {props.multiple ? (
          <FileInput {...input} multiple placeholder={t('fileDrop.placeholderMany')} value={props.value} onChange={props.onChange} />
        ) : (
          <FileInput {...input} placeholder={t('fileDrop.placeholder')} value={props.value} onChange={props.onChange} />
        )}
      </Stack>
    </Paper>
  );
}
