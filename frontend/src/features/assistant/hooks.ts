import { useMutation, useQuery } from '@tanstack/react-query';
import { api, type Schema } from '../../api/client';
import { i18n } from '../../i18n';
import { useApiMutation } from '../../shared/useApiMutation';

const SETTINGS = 'assistant-settings';

export type AssistantSettings = Schema<'AssistantSettingsOutput'>;
export type AssistantSettingsPatch = Schema<'PatchedAssistantSettingsUpdateInputRequest'>;

export function useAssistantSettings() {
  return useQuery({ queryKey: [SETTINGS], queryFn: () => api.get('/assistant/settings/') });
}

export function useUpdateAssistantSettings() {
  return useApiMutation({
    mutationFn: (patch: AssistantSettingsPatch) => api.patch('/assistant/settings/', { body: patch }),
    invalidates: [SETTINGS],
    successMessage: () => i18n.t('assistant:notify.saved'),
    notifyOnError: false,
  });
}

export function useSetLlmKey() {
  return useApiMutation({
    mutationFn: (key: string) => api.put('/assistant/settings/llm-key/', { body: { key } }),
    invalidates: [SETTINGS],
    successMessage: () => i18n.t('assistant:notify.keySaved'),
  });
}

export function useClearLlmKey() {
  return useApiMutation({
    mutationFn: () => api.delete('/assistant/settings/llm-key/'),
    invalidates: [SETTINGS],
    successMessage: () => i18n.t('assistant:notify.keyRemoved'),
  });
}

/** Tries the saved LLM settings; the result is shown in place, so no notification. */
export function useTestConnection() {
  return useMutation({ mutationFn: () => api.post('/assistant/settings/test-connection/') });
}
