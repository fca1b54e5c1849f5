import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { RelativeTime } from '../../shared/RelativeTime';
import { StatusMessage } from '../../shared/StatusMessage';
import { canEditContent, canManage } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { AddSourceMenu, AddSourceModals, type NewSourceKind } from './AddSource';
import { useSources, type KnowledgeSource } from './hooks';
import { KnowledgeSettingsCard } from './KnowledgeSettingsCard';
import { KindBadge, scheduleLabel, sourcePage, SourceStatusCell } from './labels';

export function KnowledgePage() {
  const { t } = useTranslation('knowledge');
  const { role } = useSession();
  const edit = canEditContent(role);
  const sources = useSources();
  const [adding, setAdding] = useState<NewSourceKind | null>(null);
  const columns: Column<KnowledgeSource>[] = [
  {
    header: t('column.name'),
    cell: (source) => (
      <Anchor component={Link} to={sourcePage(source.id)} fw={500}>
        {source.name}
      </Anchor>
    ),
  },
  { header: t('column.kind'), cell: (source) => <KindBadge kind={source.kind} /> },
  { header: t('column.status'), cell: (source) => <SourceStatusCell source={source} /> },
  { header: t('column.chunks'), cell: (source) => source.progress.chunks },
  { header: t('column.lastSynced'), cell: (source) => <RelativeTime iso={source.last_synced_at} fallback={t('never')} /> },
  { header: t('column.schedule'), cell: (source) => scheduleLabel(source.schedule) },
  {
    header: t('column.failed'),
    cell: ({ id, name, progress }) =>
      progress.documents_failed > 0 ? (
        <Badge
          component={Link}
          to={`${sourcePage(id)}?status=error`}
          color="red"
          variant="light"
          style={{ cursor: 'pointer' }}
          aria-label={t('failedDocuments', { count: progress.documents_failed, name })}
        >
          {t('failedCount', { count: progress.documents_failed })}
        </Badge>
      ) : (
        '—'
      ),
  },
];

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        action={
          <Group>
            <Button component={Link} to="/knowledge/search" variant="default">
              {t('testRetrieval')}
            </Button>
            {edit && <AddSourceMenu onSelect={setAdding} />}
          </Group>
        }
      />
      <Stack gap="xl">
        <PaginatedTable
          label={t('table')}
          list={sources}
          columns={columns}
          emptyMessage={
            <StatusMessage
              title={t('empty.title')}
              description={
                <Stack gap="xs" component="span">
                  <Text span>{t('empty.description')}</Text>
                  {edit && <Text span>{t('empty.addHint')}</Text>}
                </Stack>
              }
            />
          }
        />
        {canManage(role) && <KnowledgeSettingsCard />}
      </Stack>
      {edit && <AddSourceModals adding={adding} onClose={() => setAdding(null)} />}
    </>
  );
}
