import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { SettingsCard, useSettingsForm } from '../../shared/settingsForm';
import { canManage } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { useStoreSettings, useUpdateStoreSettings, type StoreSettings, type StoreSettingsPatch } from './hooks';

type FormValues = Required<StoreSettingsPatch>;

/** ISO 4217 codes the browser knows, named in the merchant's language; the server has the final
 * word (an unknown code comes back as a field error). The store's own code is always listed. */
function currencyOptions(current: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames(i18n.language, { type: 'currency' });
  const codes = new Set([...Intl.supportedValuesOf('currency'), current]);
  return [...codes].sort().map((code) => ({ value: code, label: i18n.t('settings:currencyOption', { code, name: names.of(code) ?? code }) }));
}

function StoreSettingsForm({ settings, editable }: { settings: StoreSettings; editable: boolean }) {
  const { t } = useTranslation('settings');
  const { form, card } = useSettingsForm<FormValues>({
    initialValues: { name: settings.name, currency: settings.currency },
    saved: settings,
    keys: ['name', 'currency'],
    mutation: useUpdateStoreSettings(),
  });
  return (
    <SettingsCard
      id="store-settings"
      title={t('store')}
      readOnlyNote={t('readOnly')}
      formLabel={t('form')}
      editable={editable}
      {...card}
      maw={640}
    >
      <TextInput
        label={t('name')}
        description={t('nameDescription')}
        required
        {...form.getInputProps('name')}
      />
      <TextInput
        label={t('address')}
        description={t('addressDescription')}
        value={settings.slug}
        readOnly
        disabled
      />
      <Select
        label={t('currency')}
        description={t('currencyDescription')}
        data={currencyOptions(settings.currency)}
        searchable
        allowDeselect={false}
        {...form.getInputProps('currency')}
      />
    </SettingsCard>
  );
}

/** /settings: the store's own settings. Admins and owners edit; everyone else reads. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { role } = useSession();
  const settings = useStoreSettings();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <QueryState query={settings}>
        {(data) => <StoreSettingsForm settings={data} editable={canManage(role)} />}
      </QueryState>
    </>
  );
}
