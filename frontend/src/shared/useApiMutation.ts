import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { ApiError } from '../api/client';
import { i18n } from '../i18n';

interface ApiMutationOptions<TVars, TData> {
  mutationFn: (vars: TVars) => Promise<TData>;
  /** Query key prefixes to refetch after success. */
  invalidates: string[];
  successMessage: (data: TData, vars: TVars) => string;
  /** Set to false when the caller shows the error itself (e.g. under a form field). */
  notifyOnError?: boolean;
}

/** A mutation that refreshes the affected queries and reports success or failure with a notification. */
export function useApiMutation<TVars, TData = void>({
  mutationFn,
  invalidates,
  successMessage,
  notifyOnError = true,
}: ApiMutationOptions<TVars, TData>) {
  const queryClient = useQueryClient();
  return useMutation<TData, ApiError, TVars>({
    mutationFn,
    onSuccess: async (data, vars) => {
      notifications.show({ color: 'green', message: successMessage(data, vars) });
      await Promise.all(invalidates.map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
    },
    onError: (error) => {
      if (notifyOnError) notifications.show({ color: 'red', title: i18n.t('actionFailed'), message: error.detail });
    },
  });
}
