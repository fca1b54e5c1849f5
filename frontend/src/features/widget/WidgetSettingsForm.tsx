import {
  ActionIcon,
  Alert,
  Button,
  ColorInput,
  ColorSwatch,
  Group,
  Input,
  SegmentedControl,
  Select,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { SettingsCard, useSettingsForm } from '../../shared/settingsForm';
import { useUpdateWidgetSettings, type WidgetSettings, type WidgetSettingsPatch } from './hooks';

const MAX_QUESTIONS = 6;
// Select options need a non-empty value; the API's "" means "the shopper's browser language".
const BROWSER_LOCALE = 'browser';
// The widget's own languages, named in the admin's language by Intl.
const WIDGET_LANGUAGES = ['en', 'de', 'fr', 'es'];
const POSITIONS = ['right', 'left'] as const;
const ICONS = ['chat', 'bag', 'help', 'sparkle'] as const;

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

function SuggestedQuestions({ form }: { form: UseFormReturnType<FormValues> }) {
  const { t } = useTranslation('widget', { keyPrefix: 'settings.questions' });
  const questions = form.values.suggested_questions;
  return (
    <Input.Wrapper
      label={t('label')}
      description={t('description', { max: MAX_QUESTIONS })}
      error={form.errors.suggested_questions}
    >
      <Stack gap="xs" mt={6}>
        {questions.map((_, index) => (
          <Group key={index} gap="xs" wrap="nowrap">
            <TextInput
              aria-label={t('question', { number: index + 1 })}
              placeholder={t('placeholder')}
              style={{ flex: 1 }}
              {...form.getInputProps(`suggested_questions.${index}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('remove', { number: index + 1 })}
              onClick={() => form.removeListItem('suggested_questions', index)}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        {questions.length < MAX_QUESTIONS && (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => form.insertListItem('suggested_questions', '')}>
              {t('add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Input.Wrapper>
  );
}

/** Says which colour shoppers actually see when the server darkened or lightened the chosen one. */
function ContrastNote({ settings }: { settings: WidgetSettings }) {
  const { t } = useTranslation('widget', { keyPrefix: 'settings.contrast' });
  if (settings.theme.primary.toLowerCase() === settings.primary_color.toLowerCase()) return null;
  return (
    <Alert color="yellow" title={t('title')} role="status">
      <Group gap="xs">
        <ColorSwatch color={settings.primary_color} size={16} />
        <Text size="sm">{settings.primary_color}</Text>
        <Text size="sm">→</Text>
        <ColorSwatch color={settings.theme.primary} size={16} />
        <Text size="sm">{settings.theme.primary}</Text>
      </Group>
      <Text size="sm" mt={4}>
        {t('explanation', { color: settings.theme.primary })}
      </Text>
    </Alert>
  );
}

/** Appearance and allowed websites. Admins and owners edit; everyone else sees them read-only. */
export function WidgetSettingsForm({ settings, editable }: { settings: WidgetSettings; editable: boolean }) {
  const { t, i18n } = useTranslation('widget', { keyPrefix: 'settings' });
  const { form, card } = useSettingsForm({
    initialValues: formValues(settings),
    saved: settings,
    keys: EDITABLE,
    mutation: useUpdateWidgetSettings(),
    prepare: cleaned,
  });
  const languageNames = new Intl.DisplayNames(i18n.language, { type: 'language' });
  const locales = [
    { value: BROWSER_LOCALE, label: t('browserLanguage') },
    ...WIDGET_LANGUAGES.map((code) => ({ value: code, label: languageNames.of(code) ?? code })),
  ];

  return (
    <SettingsCard
      id="widget-settings"
      title={t('title')}
      readOnlyNote={t('readOnly')}
      formLabel={t('form')}
      editable={editable}
      {...card}
    >
      <ColorInput label={t('primaryColor')} format="hex" {...form.getInputProps('primary_color')} />
      <ContrastNote settings={settings} />
      <Group grow align="flex-start">
        <Input.Wrapper label={t('position')} labelElement="div">
          <SegmentedControl display="flex" aria-label={t('position')} data={POSITIONS.map((value) => ({ value, label: t(`positions.${value}`) }))} {...form.getInputProps('position')} />
        </Input.Wrapper>
        <Input.Wrapper label={t('launcherIcon')} labelElement="div">
          <SegmentedControl display="flex" aria-label={t('launcherIcon')} data={ICONS.map((value) => ({ value, label: t(`icons.${value}`) }))} {...form.getInputProps('launcher_icon')} />
        </Input.Wrapper>
      </Group>
      <TextInput label={t('greeting')} {...form.getInputProps('greeting')} />
      <SuggestedQuestions form={form} />
      <Select
        label={t('language')}
        description={t('languageDescription')}
        data={locales}
        allowDeselect={false}
        value={form.values.locale || BROWSER_LOCALE}
        onChange={(value) => form.setFieldValue('locale', value === BROWSER_LOCALE || !value ? '' : (value as FormValues['locale']))}
        error={form.errors.locale}
      />
      <TagsInput
        label={t('allowedOrigins')}
        description={t('allowedOriginsDescription')}
        clearable
        {...form.getInputProps('allowed_origins')}
      />
    </SettingsCard>
  );
}
