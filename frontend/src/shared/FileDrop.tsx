import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FileInput, Paper, Stack, Text } from '@mantine/core';

interface FileDropProps {
  label: string;
  description?: string;
  /** For the file picker, e.g. ".csv,.xlsx"; dropped files are not filtered (the server decides). */
  accept?: string;
  value: File | null;
  onChange: (file: File | null) => void;
  disabled?: boolean;
  error?: string | null;
}

/**
 * A file picker in an area that also accepts a dropped file. The picker is a regular labelled
 * input, so keyboard and screen-reader users lose nothing to the drag-and-drop.
 */
export function FileDrop({ label, description, accept, value, onChange, disabled = false, error }: FileDropProps) {
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
    const file = event.dataTransfer.files[0];
    if (!disabled && file) onChange(file);
  };

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
          {over ? t('fileDrop.dropHere') : t('fileDrop.dragOrChoose')}
        </Text>
        <FileInput
          label={label}
          description={description}
          placeholder={t('fileDrop.placeholder')}
          accept={accept}
          value={value}
          onChange={onChange}
          disabled={disabled}
          error={error}
          clearable
        />
      </Stack>
    </Paper>
  );
}
