import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
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

const COLUMNS: Column<KnowledgeSource>[] = [
  {
    header: 'Name',
    cell: (source) => (
      <Anchor component={Link} to={sourcePage(source.id)} fw={500}>
        {source.name}
      </Anchor>
    ),
  },
  { header: 'Kind', cell: (source) => <KindBadge kind={source.kind} /> },
  { header: 'Status', cell: (source) => <SourceStatusCell source={source} /> },
  { header: 'Chunks', cell: (source) => source.progress.chunks },
  { header: 'Last synced', cell: (source) => <RelativeTime iso={source.last_synced_at} fallback="Never" /> },
  { header: 'Schedule', cell: (source) => scheduleLabel(source.schedule) },
  {
    header: 'Failed',
    cell: ({ id, name, progress }) =>
      progress.documents_failed > 0 ? (
        <Badge
          component={Link}
          to={`${sourcePage(id)}?status=error`}
          color="red"
          variant="light"
          style={{ cursor: 'pointer' }}
          aria-label={`${progress.documents_failed} failed documents in ${name}`}
        >
          {progress.documents_failed} failed
        </Badge>
      ) : (
        '—'
      ),
  },
];

export function KnowledgePage() {
  const { role } = useSession();
  const edit = canEditContent(role);
  const sources = useSources();
  const [adding, setAdding] = useState<NewSourceKind | null>(null);

  return (
    <>
      <PageHeader
        title="Knowledge"
        description="What the assistant knows about your store, and where it learned it."
        action={
          <Group>
            <Button component={Link} to="/knowledge/search" variant="default">
              Test retrieval
            </Button>
            {edit && <AddSourceMenu onSelect={setAdding} />}
          </Group>
        }
      />
      <Stack gap="xl">
        <PaginatedTable
          label="Knowledge sources"
          list={sources}
          columns={COLUMNS}
          emptyMessage={
            <StatusMessage
              title="No knowledge sources yet"
              description={
                <Stack gap="xs" component="span">
                  <Text span>
                    Sources are where the assistant learns about your store: policy documents, help pages, your
                    website, notes and FAQs. Aisle splits them into passages, and the assistant answers shoppers from
                    those passages and cites them.
                  </Text>
                  {edit && <Text span>Use “Add source” to upload a file, add a page or website, or write a note.</Text>}
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
