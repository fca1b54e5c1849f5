import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Card,
  Fieldset,
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
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { confirmDestructive } from '../../shared/confirm';
import { changedFields, SettingsFormFooter } from '../../shared/settingsForm';
import { useServerForm } from '../../shared/useServerForm';
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

const LANGUAGE_POLICIES = [
  { value: 'match', label: 'Reply in the shopper’s language' },
  { value: 'store', label: 'Always reply in the store language' },
];
const PROVIDERS = [
  { value: 'grounded', label: 'Built-in grounded responder' },
  { value: 'openai', label: 'OpenAI-compatible LLM' },
];
const FLAVOURS = [
  { value: 'openai', label: 'OpenAI API (OpenAI, Ollama, vLLM, LM Studio)' },
  { value: 'azure', label: 'Azure OpenAI' },
];

/** The write-only LLM API key: members see whether one is set; admins replace or clear it. */
function ApiKeyField({ settings, editable }: { settings: AssistantSettings; editable: boolean }) {
  const [key, setKey] = useState('');
  const save = useSetLlmKey();
  const clear = useClearLlmKey();
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          API key
        </Text>
        {settings.llm_api_key_set ? (
          <Badge color="green" variant="light">
            Key set
          </Badge>
        ) : (
          <Badge color="gray" variant="light">
            No key
          </Badge>
        )}
      </Group>
      {editable && (
        <Group align="flex-end" gap="xs">
          <PasswordInput
            label={settings.llm_api_key_set ? 'Replace API key' : 'API key'}
            description="Stored encrypted; never shown again."
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
            Save key
          </Button>
          {settings.llm_api_key_set && (
            <Button
              variant="subtle"
              color="red"
              loading={clear.isPending}
              onClick={() =>
                confirmDestructive({
                  title: 'Remove API key',
                  message: 'Remove the stored API key? The assistant falls back to the grounded responder until a key is set.',
                  confirmLabel: 'Remove',
                  onConfirm: () => clear.mutate(undefined),
                })
              }
            >
              Clear key
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

function ConnectionTest({ dirty }: { dirty: boolean }) {
  const test = useTestConnection();
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="light" onClick={() => test.mutate()} loading={test.isPending}>
          Test connection
        </Button>
        <Text size="xs" c="dimmed">
          {dirty ? 'Tests the saved settings: save your changes first.' : 'Sends a tiny request with the saved settings.'}
        </Text>
      </Group>
      {test.isError && (
        <Alert color="red" title="Test failed" role="status">
          {test.error.detail}
        </Alert>
      )}
      {test.data && (
        <Alert color={test.data.ok ? 'green' : 'red'} title={test.data.ok ? 'Connected' : 'Connection failed'} role="status">
          {test.data.ok
            ? `${test.data.model} answered in ${Math.round(test.data.latency_ms ?? 0)} ms.`
            : test.data.detail}
        </Alert>
      )}
    </Stack>
  );
}

/** Persona, policies and provider. Admins and owners edit; everyone else sees them read-only. */
export function AssistantSettingsForm({ settings, editable }: { settings: AssistantSettings; editable: boolean }) {
  const form = useForm<FormValues>({ initialValues: formValues(settings) });
  const update = useUpdateAssistantSettings();
  const server = useServerForm(
    form,
    (values) => update.mutateAsync(changedFields(values, settings, EDITABLE)),
    () => form.resetDirty(),
  );
  const llm = form.values.provider === 'openai';
  const azure = form.values.llm_api_flavour === 'azure';

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="assistant-settings-title">
      <Title id="assistant-settings-title" order={3} size="h4" mb="sm">
        Settings
      </Title>
      {!editable && (
        <Text size="sm" c="dimmed" mb="sm">
          Only owners and admins can change the assistant.
        </Text>
      )}
      <form onSubmit={server.onSubmit} noValidate aria-label="Assistant settings">
        <Fieldset variant="unstyled" disabled={!editable}>
          <Stack>
            <Group grow align="flex-start">
              <TextInput label="Name" required {...form.getInputProps('name')} />
              <TextInput label="Tone" placeholder="friendly and concise" {...form.getInputProps('tone')} />
            </Group>
            <Group grow align="flex-start">
              <Select
                label="Language"
                data={LANGUAGE_POLICIES}
                allowDeselect={false}
                {...form.getInputProps('language_policy')}
              />
              <TextInput
                label="Store language"
                description="A language code, like en or pt-BR."
                {...form.getInputProps('store_language')}
              />
            </Group>
            <TagsInput
              label="Refused topics"
              description="The assistant politely declines these. Press Enter after each."
              clearable
              {...form.getInputProps('refused_topics')}
            />
            <Textarea
              label="Handoff message"
              description="What the assistant says when it hands a shopper to your team."
              autosize
              minRows={2}
              {...form.getInputProps('escalation_message')}
            />
            <Switch
              label="Shoppers can ask for a person (handoff)"
              {...form.getInputProps('handoff_enabled', { type: 'checkbox' })}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="provider-label">
                Answers come from
              </Text>
              <SegmentedControl aria-labelledby="provider-label" data={PROVIDERS} {...form.getInputProps('provider')} />
            </Stack>
            {llm && (
              <Stack gap="sm">
                <Select label="API flavour" data={FLAVOURS} allowDeselect={false} {...form.getInputProps('llm_api_flavour')} />
                <TextInput
                  label={azure ? 'Resource endpoint' : 'Base URL'}
                  placeholder={azure ? 'https://my-resource.openai.azure.com' : 'https://api.openai.com/v1'}
                  {...form.getInputProps('llm_base_url')}
                />
                <Group grow align="flex-start">
                  <TextInput label={azure ? 'Deployment' : 'Model'} {...form.getInputProps('llm_model')} />
                  <NumberInput label="Temperature" min={0} max={2} step={0.1} decimalScale={2} {...form.getInputProps('llm_temperature')} />
                  {azure && (
                    <TextInput label="API version" placeholder="2024-10-21" {...form.getInputProps('llm_api_version')} />
                  )}
                </Group>
              </Stack>
            )}
            <SettingsFormFooter
              formError={server.formError}
              editable={editable}
              saving={update.isPending}
              dirty={form.isDirty()}
            />
          </Stack>
        </Fieldset>
      </form>
      {llm && (
        <Stack mt="lg" gap="md">
          <ApiKeyField settings={settings} editable={editable} />
          {editable && <ConnectionTest dirty={form.isDirty()} />}
        </Stack>
      )}
    </Card>
  );
}
