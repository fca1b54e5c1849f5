import type { Key, ReactNode } from 'react';
import { Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from './QueryState';
import type { PaginatedQuery } from './usePaginatedQuery';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
}

interface PaginatedTableProps<T> {
  /** Accessible name of the table. */
  label: string;
  list: PaginatedQuery<T>;
  columns: Column<T>[];
  /** A string is shown as a dimmed line; anything else as is (e.g. a StatusMessage). */
  emptyMessage: ReactNode;
  /** Identifies a row; rows with an `id` need none. */
  rowKey?: (row: T, index: number) => Key;
}

const byId = (row: unknown, index: number): Key =>
  row && typeof row === 'object' && 'id' in row && typeof row.id === 'number' ? row.id : index;

/** A list endpoint as a table: loading, error and no-access states, empty message, and page controls. */
export function PaginatedTable<T>({
  label,
  list,
  columns,
  emptyMessage,
  rowKey = byId,
}: PaginatedTableProps<T>) {
  const { t } = useTranslation();
  return (
    <QueryState query={list.query}>
      {(data) =>
        data.count === 0 ? (
          typeof emptyMessage === 'string' ? (
            <Text c="dimmed">{emptyMessage}</Text>
          ) : (
            emptyMessage
          )
        ) : (
          <Stack gap="sm">
            <Table.ScrollContainer minWidth={600}>
              <Table aria-label={label} striped highlightOnHover verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    {columns.map((column) => (
                      <Table.Th key={column.header}>{column.header}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.results.map((row, index) => (
                    <Table.Tr key={rowKey(row, index)}>
                      {columns.map((column) => (
                        <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {list.totalPages > 1 && (
              <Group component="nav" aria-label={t('table.pages', { label })} justify="flex-end">
                <Pagination
                  total={list.totalPages}
                  value={list.page}
                  onChange={list.setPage}
                  disabled={list.query.isFetching}
                  getItemProps={(page) => ({ 'aria-label': t('table.page', { page }) })}
                  getControlProps={(control) => ({ 'aria-label': t(`table.${control}`) })}
                />
              </Group>
            )}
          </Stack>
        )
      }
    </QueryState>
  );
}
