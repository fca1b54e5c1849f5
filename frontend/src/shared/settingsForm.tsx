import { Alert, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';


/** Only the fields whose value differs from the saved settings, so a PATCH (and the audit log)
 * carries what the merchant actually edited. Values are compared as JSON (lists, numbers). */
export function changedFields<V extends object>(values: V, saved: object, keys: readonly (keyof V)[]): Partial<V> {
  const before = saved as Partial<V>;
  return Object.fromEntries(
    keys.filter((key) => JSON.stringify(values[key]) !== JSON.stringify(before[key])).map((key) => [key, values[key]]),
  ) as Partial<V>;
}

/** The end of a settings form: the server's form-wide error, and Save for those who may edit. */
export function SettingsFormFooter({
  formError,
  editable,
  saving,
  dirty,
}: {
  formError: string | null;
  editable: boolean;
  saving: boolean;
  dirty: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {formError && <Alert color="red">{formError}</Alert>}
      {editable && (
        <Group>
          <Button type="submit" loading={saving} disabled={!dirty}>
            {t('saveSettings')}
          </Button>
        </Group>
      )}
    </>
  );
}
