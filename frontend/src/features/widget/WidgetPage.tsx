import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { canManage } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { useWidgetSettings } from './hooks';
import { InstallCard } from './InstallCard';
import { WidgetKeysCard } from './WidgetKeysCard';
import { WidgetSettingsForm } from './WidgetSettingsForm';

const PREVIEW_PATH = '/widget/preview/';

/**
 * The real widget, as storefronts load it, with the saved settings. A new `updated_at` (every
 * save) gives the iframe a new URL, so it reloads and the widget fetches its fresh config.
 */
function Preview({ version }: { version: string }) {
  const { t } = useTranslation('widget');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="widget-preview-title">
      <Title id="widget-preview-title" order={3} size="h4" mb="xs">
        {t('preview.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('preview.description')}
      </Text>
      <iframe
        title={t('preview.frame')}
        src={`${PREVIEW_PATH}?v=${encodeURIComponent(version)}`}
        style={{ width: '100%', height: 560, border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
      />
    </Card>
  );
}

/** /widget: the storefront widget's look, where it may run, its keys, snippet and a live preview. */
export function WidgetPage() {
  const { t } = useTranslation('widget');
  const { role } = useSession();
  const editable = canManage(role);
  const settings = useWidgetSettings();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <QueryState query={settings}>
        {(data) => (
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
            <Stack gap="lg">
              <WidgetSettingsForm settings={data} editable={editable} />
              <WidgetKeysCard editable={editable} />
            </Stack>
            <Stack gap="lg">
              <InstallCard snippet={data.snippet} />
              <Preview version={data.updated_at} />
            </Stack>
          </SimpleGrid>
        )}
      </QueryState>
    </>
  );
}
