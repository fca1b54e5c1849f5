import { Card, Group, Loader, Select, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { QueryState } from '../../shared/QueryState';
import { useKnowledgeSettings, useUpdateKnowledgeSettings } from './hooks';

/** "en" → "English", "english" → "English" (a code is named in the interface language). */
export function languageLabel(language: string): string {
  if (/^[a-z]{2,3}(-[a-z]{2})?$/i.test(language)) {
    try {
      return new Intl.DisplayNames(i18n.language, { type: 'language' }).of(language) ?? language;
    } catch {
      // Not a language code after all.
    }
  }
  return language.charAt(0).toUpperCase() + language.slice(1);
}

/** Store-wide knowledge settings; shown to owners and admins, who may change them. */
export function KnowledgeSettingsCard() {
  const { t } = useTranslation('knowledge', { keyPrefix: 'settings' });
  const settings = useKnowledgeSettings();
  const update = useUpdateKnowledgeSettings();

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="knowledge-settings-title">
      <Title id="knowledge-settings-title" order={3} size="h4" mb="sm">
        {t('title')}
      </Title>
      <QueryState query={settings}>
        {(data) => (
          <Group align="flex-start" gap="lg">
            <Select
              label={t('searchLanguage')}
              description={t('searchLanguageDescription')}
              data={data.available_languages.map((language) => ({ value: language, label: languageLabel(language) }))}
              value={data.search_language}
              allowDeselect={false}
              disabled={update.isPending}
              onChange={(language) => {
                if (language && language !== data.search_language) update.mutate({ search_language: language });
              }}
              w={260}
            />
            <TextInput
              label={t('embeddingModel')}
              description={t('embeddingModelDescription')}
              value={data.embedding_model}
              readOnly
              w={260}
            />
            {data.reembedding && (
              <Group gap="xs" role="status" mt="xl">
                <Loader size="xs" />
                <Text size="sm">{t('reembedding')}</Text>
              </Group>
            )}
          </Group>
        )}
      </QueryState>
    </Card>
  );
}
