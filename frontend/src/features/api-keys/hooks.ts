import { apiFetch } from '../../api/client';
import type { ApiKey, CreatedApiKey, Role } from '../../api/types';
import { useApiMutation } from '../../shared/useApiMutation';
import { usePaginatedQuery } from '../../shared/usePaginatedQuery';

const API_KEYS = 'api-keys';

export function useApiKeys() {
  return usePaginatedQuery<ApiKey>(API_KEYS, '/api-keys/');
}

export interface ApiKeyInput {
  name: string;
  role: Role;
}

export function useCreateApiKey() {
  return useApiMutation({
    mutationFn: (input: ApiKeyInput) => apiFetch<CreatedApiKey>('/api-keys/', { method: 'POST', body: input }),
    invalidates: [API_KEYS],
    successMessage: (key) => `API key “${key.name}” created.`,
    notifyOnError: false,
  });
}

export function useRevokeApiKey() {
  return useApiMutation({
    mutationFn: (key: ApiKey) => apiFetch<void>(`/api-keys/${key.id}/`, { method: 'DELETE' }),
    invalidates: [API_KEYS],
    successMessage: (_, key) => `API key “${key.name}” revoked.`,
  });
}
