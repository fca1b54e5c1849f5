import { Button, Card, Code, CopyButton, Group, Text, Title } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';

/** The one tag a merchant pastes into the storefront. */
export function InstallCard({ snippet }: { snippet: string | null }) {
  const { t } = useTranslation('widget');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="widget-install-title">
      <Title id="widget-install-title" order={3} size="h4" mb="sm">
        {t('install.title')}
      </Title>
      {snippet ? (
        <>
          <Text size="sm" mb="xs">
            <Trans t={t} i18nKey="install.instructions" components={{ code: <Code>{'</body>'}</Code> }} />
          </Text>
          <Code block aria-label={t('install.snippet')} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {snippet}
          </Code>
          <Group justify="flex-end" mt="xs">
            <CopyButton value={snippet}>
              {({ copied, copy }) => (
                <Button variant="light" color={copied ? 'teal' : undefined} onClick={copy}>
                  {copied ? t('install.copied') : t('install.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('install.noKey')}
        </Text>
      )}
    </Card>
  );
}
