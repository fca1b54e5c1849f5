import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { i18n } from '../i18n';

interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
}

/** Asks before a destructive action; `onConfirm` runs only if the user confirms. */
export function confirmDestructive({ title, message, confirmLabel, onConfirm }: ConfirmOptions): void {
  modals.openConfirmModal({
    title,
    children: <Text size="sm">{message}</Text>,
    labels: { confirm: confirmLabel, cancel: i18n.t('cancel') },
    confirmProps: { color: 'red' },
    onConfirm,
  });
}
