import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { confirmDestructive } from '../../shared/confirm';
import { SettingsCard, useSettingsForm } from '../../shared/settingsForm';
import {
  useClearLlmKey,
  useSetLlmKey,
  useTestConnection,
  useUpdateAssistantSettings,
  type AssistantSettings,
  type AssistantSettingsPatch,
} from './hooks';

type FormValues = Required<AssistantSettingsPatch>;

const EDITABLE: (keyof FormValues)[] = [
  'name',
  'tone',
  'language_policy',
  'store_language',
  'refused_topics',
  'escalation_message',
  'handoff_enabled',
  'provider',
  'llm_api_flavour',
  'llm_base_url',
  'llm_api_version',
  'llm_model',
  'llm_temperature',
];

function formValues(settings: AssistantSettings): FormValues {
  return Object.fromEntries(EDITABLE.map((key) => [key, settings[key]])) as FormValues;
}

const LANGUAGE_POLICIES = ['match', 'store'] as const;
const PROVIDERS = ['grounded', 'openai'] as const;
const FLAVOURS = ['openai', 'azure'] as const;

/** The write-only LLM API key: members see whether one is set; admins replace or clear it. */
function ApiKeyField({ settings, editable }: { settings: AssistantSettings; editable: boolean }) {
  const { t } = useTranslation('assistant', { keyPrefix: 'llmKey' });
  const [key, setKey] = useState('');
  const save = useSetLlmKey();
  const clear = useClearLlmKey();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {t('label')}
        </Text>
        {settings.llm_api_key_set ? (
          <Badge color="green" variant="light">
            {t('set')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            {t('none')}
          </Badge>
        )}
      </Group>
      {editable && (
        <Group align="flex-end" gap="xs">
          <PasswordInput
            label={settings.llm_api_key_set ? t('replace') : t('label')}
            description={t('description')}
            autoComplete="off"
            value={key}
            onChange={(event) => setKey(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            variant="default"
            disabled={!key.trim()}
            loading={save.isPending}
            onClick={() => save.mutate(key.trim(), { onSuccess: () => setKey('') })}
          >
            {t('save')}
          </Button>
          {settings.llm_api_key_set && (
            <Button
              variant="subtle"
              color="red"
              loading={clear.isPending}
              onClick={() =>
                confirmDestructive({
                  title: t('confirmClear.title'),
                  message: t('confirmClear.message'),
                  confirmLabel: t('confirmClear.confirm'),
                  onConfirm: () => clear.mutate(undefined),
                })
              }
            >
              {t('clear')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

function ConnectionTest({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation('assistant', { keyPrefix: 'connection' });
  const test = useTestConnection();
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="light" onClick={() => test.mutate()} loading={test.isPending}>
          {t('test')}
        </Button>
        <Text size="xs" c="dimmed">
          {dirty ? t('dirty') : t('clean')}
        </Text>
      </Group>
      {test.isError && (
        <Alert color="red" title={t('testFailed')} role="status">
          {test.error.detail}
        </Alert>
      )}
      {test.data && (
        <Alert color={test.data.ok ? 'green' : 'red'} title={test.data.ok ? t('connected') : t('failed')} role="status">
          {test.data.ok
            ? t('answered', { model: test.data.model, ms: Math.round(test.data.latency_ms ?? 0) })
            : test.data.detail}
        </Alert>
      )}
    </Stack>
  );
}

/** Persona, policies and provider. Admins and owners edit; everyone else sees them read-only. */
export function AssistantSettingsForm({ settings, editable }: { settings: AssistantSettings; editable: boolean }) {
  const { t } = useTranslation('assistant', { keyPrefix: 'settings' });
  const { form, card } = useSettingsForm({
    initialValues: formValues(settings),
    saved: settings,
    keys: EDITABLE,
    mutation: useUpdateAssistantSettings(),
  });
  const llm = form.values.provider === 'openai';
  const azure = form.values.llm_api_flavour === 'azure';
  // The key and the connection test act at once, outside the form's Save.
  const after = llm && (
    <Stack mt="lg" gap="md">
      <ApiKeyField settings={settings} editable={editable} />
      {editable && <ConnectionTest dirty={form.isDirty()} />}
    </Stack>
  );

  return (
    <SettingsCard
      id="assistant-settings"
      title={t('title')}
      readOnlyNote={t('readOnly')}
      formLabel={t('form')}
      editable={editable}
      {...card}
      after={after}
    >
      <Group grow align="flex-start">
        <TextInput label={t('name')} required {...form.getInputProps('name')} />
        <TextInput label={t('tone')} placeholder={t('tonePlaceholder')} {...form.getInputProps('tone')} />
      </Group>
      <Group grow align="flex-start">
        <Select
          label={t('language')}
          data={LANGUAGE_POLICIES.map((value) => ({ value, label: t(`languagePolicy.${value}`) }))}
          allowDeselect={false}
          {...form.getInputProps('language_policy')}
        />
        <TextInput
          label={t('storeLanguage')}
          description={t('storeLanguageDescription')}
          {...form.getInputProps('store_language')}
        />
      </Group>
      <TagsInput
        label={t('refusedTopics')}
        description={t('refusedTopicsDescription')}
        clearable
        {...form.getInputProps('refused_topics')}
      />
      <Textarea
        label={t('handoffMessage')}
        description={t('handoffMessageDescription')}
        autosize
        minRows={2}
        {...form.getInputProps('escalation_message')}
      />
      <Switch
        label={t('handoffEnabled')}
        {...form.getInputProps('handoff_enabled', { type: 'checkbox' })}
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="provider-label">
          {t('provider')}
        </Text>
        <SegmentedControl aria-labelledby="provider-label" data={PROVIDERS.map((value) => ({ value, label: t(`providers.${value}`) }))} {...form.getInputProps('provider')} />
      </Stack>
      {llm && (
        <Stack gap="sm">
          <Select
            label={t('flavour')}
            data={FLAVOURS.map((value) => ({ value, label: t(`flavours.${value}`) }))} allowDeselect={false} {...form.getInputProps('llm_api_flavour')} />
          <TextInput
            label={azure ? t('resourceEndpoint') : t('baseUrl')}
            placeholder={azure ? 'https://my-resource.openai.azure.com' : 'https://api.openai.com/v1'}
            {...form.getInputProps('llm_base_url')}
          />
          <Group grow align="flex-start">
            <TextInput label={azure ? t('deployment') : t('model')} {...form.getInputProps('llm_model')} />
            <NumberInput label={t('temperature')} min={0} max={2} step={0.1} decimalScale={2} {...form.getInputProps('llm_temperature')} />
            {azure && (
              <TextInput label={t('apiVersion')} placeholder="2024-10-21" {...form.getInputProps('llm_api_version')} />
            )}
          </Group>
        </Stack>
      )}
    </SettingsCard>
  );
}
