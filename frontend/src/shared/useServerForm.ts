import { useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { isApiError } from '../api/client';

/**
 * Submits a form to the server. A server error naming one of the form's fields is
 * shown under that field; any other error becomes `formError`, for display above the form.
 * `onSuccess` runs after `onSubmit` resolves.
 */
export function useServerForm<T extends object>(
  form: UseFormReturnType<T>,
  onSubmit: (values: T) => Promise<unknown>,
  onSuccess?: () => void,
) {
  const [formError, setFormError] = useState<string | null>(null);

  const handleSubmit = async (values: T) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (error.field && error.field in values) form.setErrors({ [error.field]: error.detail });
      else setFormError(error.detail);
      return;
    }
    onSuccess?.();
  };

  return { formError, clearFormError: () => setFormError(null), onSubmit: form.onSubmit(handleSubmit) };
}
