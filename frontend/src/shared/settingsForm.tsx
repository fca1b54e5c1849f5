import type { FormEventHandler, ReactNode } from 'react';
import { Alert, Button, Card, Fieldset, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useServerForm } from './useServerForm';

/** Only the fields whose value differs from the saved settings, so a PATCH (and the audit log)
 * carries what the merchant actually edited. Values are compared as JSON (lists, numbers). */
function changedFields<V extends object>(values: V, saved: object, keys: readonly (keyof V)[]): Partial<V> {
  const before = saved as Partial<V>;
  return Object.fromEntries(
    keys.filter((key) => JSON.stringify(values[key]) !== JSON.stringify(before[key])).map((key) => [key, values[key]]),
  ) as Partial<V>;
}

/** A settings form wired to its update mutation: Save sends only the changed `keys` (after
 * `prepare`, e.g. trimming) and marks the form clean; `card` is what SettingsCard needs. */
export function useSettingsForm<V extends object>({
  initialValues,
  saved,
  keys,
  mutation,
  prepare = (values) => values,
}: {
  initialValues: V;
  saved: object;
  keys: readonly (keyof V)[];
  mutation: { mutateAsync: (patch: Partial<V>) => Promise<unknown>; isPending: boolean };
  prepare?: (values: V) => V;
}) {
  const form = useForm<V>({ initialValues });
  const server = useServerForm(
    form,
    (values) => mutation.mutateAsync(changedFields(prepare(values), saved, keys)),
    () => form.resetDirty(),
  );
  const card = {
    onSubmit: server.onSubmit,
    formError: server.formError,
    saving: mutation.isPending,
    dirty: form.isDirty(),
  };
  return { form, card };
}

/** A settings form in its card: title, a read-only note for those who may not edit, the fields
 * (disabled for them), the server's form-wide error and Save; `after` follows the form. */
export function SettingsCard({
  id,
  title,
  readOnlyNote,
  formLabel,
  editable,
  onSubmit,
  formError,
  saving,
  dirty,
  maw,
  after,
  children,
}: {
  id: string;
  title: ReactNode;
  readOnlyNote: ReactNode;
  formLabel: string;
  editable: boolean;
  onSubmit: FormEventHandler<HTMLFormElement>;
  formError: string | null;
  saving: boolean;
  dirty: boolean;
  maw?: number;
  after?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={`${id}-title`} maw={maw}>
      <Title id={`${id}-title`} order={3} size="h4" mb="sm">
        {title}
      </Title>
      {!editable && (
        <Text size="sm" c="dimmed" mb="sm">
          {readOnlyNote}
        </Text>
      )}
      <form onSubmit={onSubmit} noValidate aria-label={formLabel}>
        <Fieldset variant="unstyled" disabled={!editable}>
          <Stack>
            {children}
            {formError && <Alert color="red">{formError}</Alert>}
            {editable && (
              <Group>
                <Button type="submit" loading={saving} disabled={!dirty}>
                  {t('saveSettings')}
                </Button>
              </Group>
            )}
          </Stack>
        </Fieldset>
      </form>
      {after}
    </Card>
  );
}
