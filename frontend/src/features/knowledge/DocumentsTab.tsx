import { useEffect, useRef } from 'react';
import { Code, List, SegmentedControl, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ExternalLink } from '../../shared/ExternalLink';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { RelativeTime } from '../../shared/RelativeTime';
import { isSyncing, useDocuments, type KnowledgeDocument, type KnowledgeSource } from './hooks';
import { StatusBadge } from './labels';

/** The `?status=` filter: the failed-count badge on the sources page links here with `status=error`. */
const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'error', label: 'Errors' },
];

const COLUMNS: Column<KnowledgeDocument>[] = [
  {
    header: 'Document',
    cell: (doc) => (
      <Stack gap={2} maw={420}>
        <Text size="sm" fw={500}>
          {doc.title || doc.filename || doc.url || `Document ${doc.id}`}
        </Text>
        {doc.url && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            <ExternalLink href={doc.url}>{doc.url}</ExternalLink>
          </Text>
        )}
        {doc.filename && doc.filename !== doc.title && (
          <Text size="xs" c="dimmed">
            {doc.filename}
          </Text>
        )}
        {doc.found_on && (
          <Text size="xs" c="dimmed">
            found on {doc.found_on.title}
          </Text>
        )}
      </Stack>
    ),
  },
  { header: 'Type', cell: (doc) => <Text size="xs">{doc.content_type || '—'}</Text> },
  { header: 'Status', cell: (doc) => <StatusBadge status={doc.status} /> },
  { header: 'Chunks', cell: (doc) => doc.chunk_count },
  { header: 'Synced', cell: (doc) => <RelativeTime iso={doc.synced_at} fallback="Not yet" /> },
  {
    header: 'Details',
    cell: (doc) =>
      doc.status === 'error' || doc.notes.length > 0 ? (
        <Stack gap={4} maw={360}>
          {doc.status === 'error' && (
            <Text size="sm" c="red">
              {doc.error_code && <Code color="red.1">{doc.error_code}</Code>} {doc.error_message}
            </Text>
          )}
          {doc.notes.length > 0 && (
            <List size="xs" c="dimmed" aria-label="Notes">
              {doc.notes.map((note, index) => (
                <List.Item key={index}>{note}</List.Item>
              ))}
            </List>
          )}
        </Stack>
      ) : (
        '—'
      ),
  },
];

export function DocumentsTab({ source }: { source: KnowledgeSource }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const errorsOnly = searchParams.get('status') === 'error';
  const documents = useDocuments(source, errorsOnly ? 'error' : null);

  // The list polls while the source syncs; fetch once more when it has finished.
  const syncing = isSyncing(source);
  const wasSyncing = useRef(syncing);
  const { refetch } = documents.query;
  useEffect(() => {
    if (wasSyncing.current && !syncing) void refetch();
    wasSyncing.current = syncing;
  }, [syncing, refetch]);

  const setFilter = (value: string) =>
    setSearchParams(
      (params) => {
        if (value === 'error') params.set('status', 'error');
        else params.delete('status');
        return params;
      },
      { replace: true },
    );

  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Show documents"
        data={FILTERS}
        value={errorsOnly ? 'error' : 'all'}
        onChange={setFilter}
        w="fit-content"
      />
      <PaginatedTable
        label="Documents"
        list={documents}
        columns={COLUMNS}
        emptyMessage={errorsOnly ? 'No documents failed.' : 'No documents yet. They appear once the source syncs.'}
      />
    </Stack>
  );
}
