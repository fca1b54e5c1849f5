import { api, type Schema } from '../../api/client';
import { i18n } from '../../i18n';
import { useApiMutation } from '../../shared/useApiMutation';
import { usePaginatedQuery } from '../../shared/usePaginatedQuery';

export type ApiKey = Schema<'ApiKeyOutput'>;
/** Returned once, on creation: includes the full secret key. */
export type CreatedApiKey = Schema<'ApiKeyCreatedOutput'>;
export type ApiKeyInput = Schema<'ApiKeyCreateInputRequest'>;

const API_KEYS = 'api-keys';

export function useApiKeys() {
  return usePaginatedQuery([API_KEYS], (query) => api.get('/api-keys/', { query }));
}

export function useCreateApiKey() {
  return useApiMutation({
    mutationFn: (input: ApiKeyInput) => api.post('/api-keys/', { body: input }),
    invalidates: [API_KEYS],
    successMessage: (key) => i18n.t('apiKeys:notify.created', { name: key.name }),
    notifyOnError: false,
  });
}

export function useRevokeApiKey() {
  return useApiMutation({
    mutationFn: (key: ApiKey) => api.delete('/api-keys/{key_id}/', { params: { key_id: key.id } }),
    invalidates: [API_KEYS],
    successMessage: (_, key) => i18n.t('apiKeys:notify.revoked', { name: key.name }),
  });
}
