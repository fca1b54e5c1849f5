import {
  ActionIcon,
  Alert,
  Button,
  Card,
  ColorInput,
  ColorSwatch,
  Fieldset,
  Group,
  Input,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { changedFields, SettingsFormFooter } from '../../shared/settingsForm';
import { useServerForm } from '../../shared/useServerForm';
import { useUpdateWidgetSettings, type WidgetSettings, type WidgetSettingsPatch } from './hooks';

const MAX_QUESTIONS = 6;
// Select options need a non-empty value; the API's "" means "the shopper's browser language".
const BROWSER_LOCALE = 'browser';
const LOCALES = [
  { value: BROWSER_LOCALE, label: 'Shopper’s browser language' },
  { value: 'en', label: 'English' },
  { value: 'de', label: 'German' },
  { value: 'fr', label: 'French' },
  { value: 'es', label: 'Spanish' },
];
const POSITIONS = [
  { value: 'right', label: 'Bottom right' },
  { value: 'left', label: 'Bottom left' },
];
const ICONS = [
  { value: 'chat', label: 'Chat' },
  { value: 'bag', label: 'Bag' },
  { value: 'help', label: 'Help' },
  { value: 'sparkle', label: 'Sparkle' },
];

type FormValues = Required<WidgetSettingsPatch>;
const EDITABLE: (keyof FormValues)[] = [
  'primary_color',
  'position',
  'launcher_icon',
  'greeting',
  'suggested_questions',
  'locale',
  'allowed_origins',
];

function formValues(settings: WidgetSettings): FormValues {
  return Object.fromEntries(EDITABLE.map((key) => [key, settings[key]])) as FormValues;
}

/** Blank suggested questions are dropped before saving. */
function cleaned(values: FormValues): FormValues {
  return { ...values, suggested_questions: values.suggested_questions.map((q) => q.trim()).filter(Boolean) };
}

function SuggestedQuestions({ form }: { form: ReturnType<typeof useForm<FormValues>> }) {
  const questions = form.values.suggested_questions;
  return (
    <Input.Wrapper
      label="Suggested questions"
      description={`Shown as buttons when the chat opens (up to ${MAX_QUESTIONS}).`}
      error={form.errors.suggested_questions}
    >
      <Stack gap="xs" mt={6}>
        {questions.map((_, index) => (
          <Group key={index} gap="xs" wrap="nowrap">
            <TextInput
              aria-label={`Suggested question ${index + 1}`}
              placeholder="Do you ship to Austria?"
              style={{ flex: 1 }}
              {...form.getInputProps(`suggested_questions.${index}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove suggested question ${index + 1}`}
              onClick={() => form.removeListItem('suggested_questions', index)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {questions.length < MAX_QUESTIONS && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => form.insertListItem('suggested_questions', '')}>
              Add question
            </Button>
          </Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

/** Says which colour shoppers actually see when the server darkened or lightened the chosen one. */
function ContrastNote({ settings }: { settings: WidgetSettings }) {
  if (settings.theme.primary.toLowerCase() === settings.primary_color.toLowerCase()) return null;
  return (
    <Alert color="yellow" title="Colour adjusted for contrast" role="status">
      <Group gap="xs">
        <ColorSwatch color={settings.primary_color} size={16} />
        <Text size="sm">{settings.primary_color}</Text>
        <Text size="sm">→</Text>
        <ColorSwatch color={settings.theme.primary} size={16} />
        <Text size="sm">{settings.theme.primary}</Text>
      </Group>
      <Text size="sm" mt={4}>
        So that text on it stays readable (WCAG contrast 4.5:1), shoppers see {settings.theme.primary}.
      </Text>
    </Alert>
  );
}

/** Appearance and allowed websites. Admins and owners edit; everyone else sees them read-only. */
export function WidgetSettingsForm({ settings, editable }: { settings: WidgetSettings; editable: boolean }) {
  const form = useForm<FormValues>({ initialValues: formValues(settings) });
  const update = useUpdateWidgetSettings();
  const server = useServerForm(
    form,
    (values) => update.mutateAsync(changedFields(cleaned(values), settings, EDITABLE)),
    () => form.resetDirty(),
  );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="widget-settings-title">
      <Title id="widget-settings-title" order={3} size="h4" mb="sm">
        Settings
      </Title>
      {!editable && (
        <Text size="sm" c="dimmed" mb="sm">
          Only owners and admins can change the widget.
        </Text>
      )}
      <form onSubmit={server.onSubmit} noValidate aria-label="Widget settings">
        <Fieldset variant="unstyled" disabled={!editable}>
          <Stack>
            <ColorInput label="Primary colour" format="hex" {...form.getInputProps('primary_color')} />
            <ContrastNote settings={settings} />
            <Group grow align="flex-start">
              <Input.Wrapper label="Position" labelElement="div">
                <SegmentedControl display="flex" aria-label="Position" data={POSITIONS} {...form.getInputProps('position')} />
              </Input.Wrapper>
              <Input.Wrapper label="Launcher icon" labelElement="div">
                <SegmentedControl display="flex" aria-label="Launcher icon" data={ICONS} {...form.getInputProps('launcher_icon')} />
              </Input.Wrapper>
            </Group>
            <TextInput label="Greeting" {...form.getInputProps('greeting')} />
            <SuggestedQuestions form={form} />
            <Select
              label="Language"
              description="A page can still choose with data-locale on the script tag."
              data={LOCALES}
              allowDeselect={false}
              value={form.values.locale || BROWSER_LOCALE}
              onChange={(value) => form.setFieldValue('locale', value === BROWSER_LOCALE || !value ? '' : (value as FormValues['locale']))}
              error={form.errors.locale}
            />
            <TagsInput
              label="Allowed websites"
              description="The widget works only on these origins, e.g. https://shop.example.com. Press Enter after each."
              clearable
              {...form.getInputProps('allowed_origins')}
            />
            <SettingsFormFooter
              formError={server.formError}
              editable={editable}
              saving={update.isPending}
              dirty={form.isDirty()}
            />
          </Stack>
        </Fieldset>
      </form>
    </Card>
  );
}
