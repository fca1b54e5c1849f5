import { Code, Stack, Text } from '@mantine/core';
import { PaginatedTable, type Column } from '../../../shared/PaginatedTable';
import { useImportErrors, type ImportJob, type ImportRowError } from '../hooks';

const COLUMNS: Column<ImportRowError>[] = [
  { header: 'Line', cell: (error) => <Text fw={500}>{error.line}</Text> },
  { header: 'Column', cell: (error) => error.column || '—' },
  { header: 'Product', cell: (error) => error.external_id || '—' },
  {
    header: 'Problem',
    cell: (error) => (
      <Stack gap={2} maw={480}>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {error.message}
        </Text>
        <Code color="red.1" w="fit-content">
          {error.code}
        </Code>
      </Stack>
    ),
  },
];

/** The per-row problems of a job, by line number. */
export function RowErrorsTable({ job }: { job: ImportJob }) {
  const errors = useImportErrors(job);
  return (
    <PaginatedTable
      label="Rows with errors"
      list={errors}
      columns={COLUMNS}
      rowKey={(error, index) => `${error.line}:${error.column}:${error.code}:${index}`}
      emptyMessage="No row has a problem."
    />
  );
}
