import { useQuery } from '@tanstack/react-query';
import { api, type Schema } from '../../api/client';
import { i18n } from '../../i18n';
import { useApiMutation } from '../../shared/useApiMutation';
import { usePaginatedQuery } from '../../shared/usePaginatedQuery';

const SETTINGS = 'widget-settings';
const KEYS = 'widget-keys';

export type WidgetSettings = Schema<'WidgetSettingsOutput'>;
export type WidgetSettingsPatch = Schema<'PatchedWidgetSettingsInputRequest'>;
export type WidgetKey = Schema<'WidgetKeyOutput'>;

export function useWidgetSettings() {
  return useQuery({ queryKey: [SETTINGS], queryFn: () => api.get('/widget/settings/') });
}

export function useUpdateWidgetSettings() {
  return useApiMutation({
    mutationFn: (patch: WidgetSettingsPatch) => api.patch('/widget/settings/', { body: patch }),
    invalidates: [SETTINGS],
    successMessage: () => i18n.t('widget:notify.saved'),
    notifyOnError: false,
  });
}

export function useWidgetKeys() {
  return usePaginatedQuery([KEYS], (query) => api.get('/widget/keys/', { query }));
}

// The install snippet names the newest active key: key changes refresh the settings too.
const KEY_INVALIDATES = [KEYS, SETTINGS];

export function useCreateWidgetKey() {
  return useApiMutation({
    mutationFn: () => api.post('/widget/keys/'),
    invalidates: KEY_INVALIDATES,
    successMessage: (key) => i18n.t('widget:notify.keyCreated', { key: key.key }),
  });
}

export function useRotateWidgetKey() {
  return useApiMutation({
    mutationFn: (key: WidgetKey) => api.post('/widget/keys/{key_id}/rotate/', { params: { key_id: key.id } }),
    invalidates: KEY_INVALIDATES,
    successMessage: (key) => i18n.t('widget:notify.keyRotated', { key: key.key }),
  });
}

export function useRevokeWidgetKey() {
  return useApiMutation({
    mutationFn: (key: WidgetKey) => api.delete('/widget/keys/{key_id}/', { params: { key_id: key.id } }),
    invalidates: KEY_INVALIDATES,
    successMessage: (_, key) => i18n.t('widget:notify.keyRevoked', { key: key.key }),
  });
}
