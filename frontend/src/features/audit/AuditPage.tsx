import { Code, Text } from '@mantine/core';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/PageHeader';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { useAuditEvents, type AuditEvent } from './hooks';

const COLUMNS: Column<AuditEvent>[] = [
  {
    header: 'When',
    cell: (event) => (
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDateTime(event.created_at)}
      </Text>
    ),
  },
  { header: 'Action', cell: (event) => <Code>{event.action}</Code> },
  { header: 'Actor', cell: (event) => event.actor || '—' },
  { header: 'Target', cell: (event) => event.target || '—' },
  {
    header: 'Details',
    cell: (event) => (Object.keys(event.data).length > 0 ? <Code>{JSON.stringify(event.data)}</Code> : '—'),
  },
];

export function AuditPage() {
  const events = useAuditEvents();
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what in this store." />
      <PaginatedTable
        label="Audit events"
        list={events}
        columns={COLUMNS}
        emptyMessage="Nothing has been recorded yet."
      />
    </>
  );
}
