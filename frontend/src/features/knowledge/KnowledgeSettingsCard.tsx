import { Card, Group, Loader, Select, Text, TextInput, Title } from '@mantine/core';
import { QueryState } from '../../shared/QueryState';
import { useKnowledgeSettings, useUpdateKnowledgeSettings } from './hooks';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "en" → "English", "english" → "English". */
export function languageLabel(language: string): string {
  if (/^[a-z]{2,3}(-[a-z]{2})?$/i.test(language)) {
    try {
      return languageNames.of(language) ?? language;
    } catch {
      // Not a language code after all.
    }
  }
  return language.charAt(0).toUpperCase() + language.slice(1);
}

/** Store-wide knowledge settings; shown to owners and admins, who may change them. */
export function KnowledgeSettingsCard() {
  const settings = useKnowledgeSettings();
  const update = useUpdateKnowledgeSettings();

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="knowledge-settings-title">
      <Title id="knowledge-settings-title" order={3} size="h4" mb="sm">
        Settings
      </Title>
      <QueryState query={settings}>
        {(data) => (
          <Group align="flex-start" gap="lg">
            <Select
              label="Search language"
              description="Words are matched in this language’s forms for keyword search."
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
              label="Embedding model"
              description="Turns passages into vectors for semantic search."
              value={data.embedding_model}
              readOnly
              w={260}
            />
            {data.reembedding && (
              <Group gap="xs" role="status" mt="xl">
                <Loader size="xs" />
                <Text size="sm">Re-embedding in progress… search results may be incomplete until it finishes.</Text>
              </Group>
            )}
          </Group>
        )}
      </QueryState>
    </Card>
  );
}
