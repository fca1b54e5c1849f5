import { useEffect, useRef } from 'react';
import { Code, List, SegmentedControl, Stack, Text } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExternalLink } from '../../shared/ExternalLink';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { RelativeTime } from '../../shared/RelativeTime';
import { isSyncing, useDocuments, type KnowledgeDocument, type KnowledgeSource } from './hooks';
import { StatusBadge } from './labels';

/** The `?status=` filter: the failed-count badge on the sources page links here with `status=error`. */
const FILTERS = ['all', 'error'] as const;

export function DocumentsTab({ source }: { source: KnowledgeSource }) {
  const { t } = useTranslation('knowledge', { keyPrefix: 'documents' });
  const [searchParams, setSearchParams] = useSearchParams();
  const errorsOnly = searchParams.get('status') === 'error';
  const documents = useDocuments(source, errorsOnly ? 'error' : null);

  const columns: Column<KnowledgeDocument>[] = [
  {
    header: t('column.document'),
    cell: (doc) => (
      <Stack gap={2} maw={420}>
        <Text size="sm" fw={500}>
          {doc.title || doc.filename || doc.url || t('document', { id: doc.id })}
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
            {t('foundOn', { title: doc.found_on.title })}
          </Text>
        )}
      </Stack>
    ),
  },
  { header: t('column.type'), cell: (doc) => <Text size="xs">{doc.content_type || '—'}</Text> },
  { header: t('column.status'), cell: (doc) => <StatusBadge status={doc.status} /> },
  { header: t('column.chunks'), cell: (doc) => doc.chunk_count },
  { header: t('column.synced'), cell: (doc) => <RelativeTime iso={doc.synced_at} fallback={t('notYet')} /> },
  {
    header: t('column.details'),
    cell: (doc) =>
      doc.status === 'error' || doc.notes.length > 0 ? (
        <Stack gap={4} maw={360}>
          {doc.status === 'error' && (
            <Text size="sm" c="red">
              {doc.error_code && <Code color="red.1">{doc.error_code}</Code>} {doc.error_message}
            </Text>
          )}
          {doc.notes.length > 0 && (
            <List size="xs" c="dimmed" aria-label={t('notes')}>
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
        aria-label={t('show')}
        data={FILTERS.map((value) => ({ value, label: value === 'error' ? t('errors') : t('all') }))}
        value={errorsOnly ? 'error' : 'all'}
        onChange={setFilter}
        w="fit-content"
      />
      <PaginatedTable
        label={t('table')}
        list={documents}
        columns={columns}
        emptyMessage={errorsOnly ? t('noErrors') : t('empty')}
      />
    </Stack>
  );
}
