import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PaginatedTable, type Column } from '../../../shared/PaginatedTable';
import { useImportErrors, type ImportJob, type ImportRowError } from '../hooks';

/** The per-row problems of a job, by line number. */
export function RowErrorsTable({ job }: { job: ImportJob }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.errors' });
  const errors = useImportErrors(job);
  const columns: Column<ImportRowError>[] = [
  { header: t('column.line'), cell: (error) => <Text fw={500}>{error.line}</Text> },
  { header: t('column.column'), cell: (error) => error.column || '—' },
  { header: t('column.product'), cell: (error) => error.external_id || '—' },
  {
    header: t('column.problem'),
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
  return (
    <PaginatedTable
      label={t('table')}
      list={errors}
      columns={columns}
      rowKey={(error, index) => `${error.line}:${error.column}:${error.code}:${index}`}
      emptyMessage={t('empty')}
    />
  );
}
