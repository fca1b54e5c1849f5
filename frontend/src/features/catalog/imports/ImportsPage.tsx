import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../../shared/PageHeader';
import { PaginatedTable, type Column } from '../../../shared/PaginatedTable';
import { RelativeTime } from '../../../shared/RelativeTime';
import { StatusMessage } from '../../../shared/StatusMessage';
import { canEditContent } from '../../session/permissions';
import { useSession } from '../../session/SessionContext';
import { isImportBusy, useImports, type ImportJob } from '../hooks';
import { formatLabel, importOutcome, importPage, ImportStatusBadge, KIND_LABELS, NEW_IMPORT_PAGE, PRODUCTS_PAGE } from '../labels';
import { BusyProgress } from './BusyProgress';

const COLUMNS: Column<ImportJob>[] = [
  {
    header: 'File',
    cell: (job) => (
      <Stack gap={0}>
        <Anchor component={Link} to={importPage(job.id)} fw={500} style={{ overflowWrap: 'anywhere' }}>
          {job.filename}
        </Anchor>
        <Text size="xs" c="dimmed">
          {formatLabel(job.format)}
        </Text>
      </Stack>
    ),
  },
  {
    header: 'Kind',
    cell: (job) => (
      <Badge variant="light" color={job.kind === 'orders' ? 'grape' : 'indigo'}>
        {KIND_LABELS[job.kind] ?? job.kind}
      </Badge>
    ),
  },
  {
    header: 'Status',
    cell: (job) => (
      <Stack gap={4} align="flex-start">
        <ImportStatusBadge status={job.status} />
        {isImportBusy(job) && <BusyProgress job={job} verb={job.status === 'running' ? 'processed' : 'checked'} />}
      </Stack>
    ),
  },
  {
    header: 'Result',
    cell: (job) => (
      <Text size="sm" c={job.status === 'failed' ? 'red' : undefined} maw={360} lineClamp={3}>
        {importOutcome(job)}
      </Text>
    ),
  },
  { header: 'Uploaded', cell: (job) => <RelativeTime iso={job.created_at} /> },
];

function NewImportButton() {
  return (
    <Button component={Link} to={NEW_IMPORT_PAGE}>
      New import
    </Button>
  );
}

/** /catalog/imports: every import job, newest first; each opens the wizard where it stands. */
export function ImportsPage() {
  const { role } = useSession();
  const canImport = canEditContent(role);
  const imports = useImports();

  return (
    <>
      <PageHeader
        title="Imports"
        description="Catalog files you uploaded: checked first, then imported. Open one to pick up where you left off."
        action={
          <Group>
            <Button component={Link} to={PRODUCTS_PAGE} variant="default">
              Products
            </Button>
            {canImport && <NewImportButton />}
          </Group>
        }
      />
      <PaginatedTable
        label="Import history"
        list={imports}
        columns={COLUMNS}
        emptyMessage={
          <StatusMessage
            title="No imports yet"
            description={
              canImport
                ? 'Upload a Shopify or WooCommerce export, a spreadsheet or a JSON file. You’ll see a preview and a validation report before anything is imported.'
                : 'Imports started by your team appear here.'
            }
            action={canImport && <NewImportButton />}
          />
        }
      />
    </>
  );
}
