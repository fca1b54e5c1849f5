import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { isApiError } from '../api/client';

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
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const handleSubmit = async (values: T) => {
    setFormError(null);
    try {
      await onSubmit(values);
      close();
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (error.field && error.field in values) form.setErrors({ [error.field]: error.detail });
      else setFormError(error.detail);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form onSubmit={form.onSubmit(handleSubmit)} noValidate>
        <Stack>
          {formError && <Alert color="red">{formError}</Alert>}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
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
