import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { QueryState } from '../../shared/QueryState';
import { canManage } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { AssistantSettingsForm } from './AssistantSettingsForm';
import { useAssistantSettings } from './hooks';
import { Playground } from './Playground';

/** /assistant: how the assistant behaves, which model answers, and a playground to try it. */
export function AssistantPage() {
  const { t } = useTranslation('assistant');
  const { role } = useSession();
  const settings = useAssistantSettings();
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <QueryState query={settings}>
          {(data) => <AssistantSettingsForm settings={data} editable={canManage(role)} />}
        </QueryState>
        <Playground />
      </SimpleGrid>
    </>
  );
}
