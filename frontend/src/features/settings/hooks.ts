import { useQuery } from '@tanstack/react-query';
import { api, type Schema } from '../../api/client';
import { i18n } from '../../i18n';
import { useApiMutation } from '../../shared/useApiMutation';
import { ME_QUERY_KEY } from '../session/useMeQuery';

const STORE = 'store-settings';

export type StoreSettings = Schema<'StoreSettingsOutput'>;
export type StoreSettingsPatch = Schema<'PatchedStoreSettingsUpdateInputRequest'>;

export function useStoreSettings() {
  return useQuery({ queryKey: [STORE], queryFn: () => api.get('/store/') });
}

export function useUpdateStoreSettings() {
  return useApiMutation({
    mutationFn: (patch: StoreSettingsPatch) => api.patch('/store/', { body: patch }),
    // The shell (store switcher, overview) shows the store's name from /me/.
    invalidates: [STORE, ME_QUERY_KEY],
    successMessage: () => i18n.t('settings:saved'),
    notifyOnError: false,
  });
}
