import { Code, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { useAuditEvents, type AuditEvent } from './hooks';

export function AuditPage() {
  const { t } = useTranslation('audit');
  const events = useAuditEvents();
  const columns: Column<AuditEvent>[] = [
  {
    header: t('column.when'),
    cell: (event) => (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(event.created_at)}
      </Text>
    ),
  },
  { header: t('column.action'), cell: (event) => <Code>{event.action}</Code> },
  { header: t('column.actor'), cell: (event) => event.actor || '—' },
  { header: t('column.target'), cell: (event) => event.target || '—' },
  {
    header: t('column.details'),
    cell: (event) => (Object.keys(event.data).length > 0 ? <Code>{JSON.stringify(event.data)}</Code> : '—'),
  },
];
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <PaginatedTable
        label={t('table')}
        list={events}
        columns={columns}
        emptyMessage={t('empty')}
      />
    </>
  );
}
