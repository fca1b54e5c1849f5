import type { ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { useServerForm } from './useServerForm';

interface ModalFormProps<T extends object> {
  title: string;
  opened: boolean;
  onClose: () => void;
  form: UseFormReturnType<T>;
  submitLabel: string;
  /** Resolves on success (the modal then closes); rejects with ApiError on failure. */
  onSubmit: (values: T) => Promise<unknown>;
  children: ReactNode;
}

/**
 * A form in a modal. A server error naming one of the form's fields is shown under
 * that field; any other error is shown above the form.
 */
export function ModalForm<T extends object>({
  title,
  opened,
  onClose,
  form,
  submitLabel,
  onSubmit,
  children,
}: ModalFormProps<T>) {
  const { t } = useTranslation();
  const close = () => {
    form.reset();
    server.clearFormError();
    onClose();
  };
  const server = useServerForm(form, onSubmit, close);

  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form onSubmit={server.onSubmit} noValidate>
        <Stack>
          {server.formError && <Alert color="red">{server.formError}</Alert>}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
