import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../shared/PageHeader';
import { PaginatedTable, type Column } from '../../../shared/PaginatedTable';
import { RelativeTime } from '../../../shared/RelativeTime';
import { StatusMessage } from '../../../shared/StatusMessage';
import { canEditContent } from '../../session/permissions';
import { useSession } from '../../session/SessionContext';
import { isImportBusy, useImports, type ImportJob } from '../hooks';
import { formatLabel, importOutcome, importPage, ImportStatusBadge, kindLabel, NEW_IMPORT_PAGE, PRODUCTS_PAGE } from '../labels';
import { BusyProgress } from './BusyProgress';

function columns(t: TFunction<'catalog', 'imports'>): Column<ImportJob>[] {
  return [
  {
    header: t('column.file'),
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
    header: t('column.kind'),
    cell: (job) => (
      <Badge variant="light" color={job.kind === 'orders' ? 'grape' : 'indigo'}>
        {kindLabel(job.kind)}
      </Badge>
    ),
  },
  {
    header: t('column.status'),
    cell: (job) => (
      <Stack gap={4} align="flex-start">
        <ImportStatusBadge status={job.status} />
        {isImportBusy(job) && <BusyProgress job={job} verb={job.status === 'running' ? 'processed' : 'checked'} />}
      </Stack>
    ),
  },
  {
    header: t('column.result'),
    cell: (job) => (
      <Text size="sm" c={job.status === 'failed' ? 'red' : undefined} maw={360} lineClamp={3}>
        {importOutcome(job)}
      </Text>
    ),
  },
  { header: t('column.uploaded'), cell: (job) => <RelativeTime iso={job.created_at} /> },
  ];
}

function NewImportButton() {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports' });
  return (
    <Button component={Link} to={NEW_IMPORT_PAGE}>
      {t('newImport')}
    </Button>
  );
}

/** /catalog/imports: every import job, newest first; each opens the wizard where it stands. */
export function ImportsPage() {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports' });
  const { role } = useSession();
  const canImport = canEditContent(role);
  const imports = useImports();

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        action={
          <Group>
            <Button component={Link} to={PRODUCTS_PAGE} variant="default">
              {t('products')}
            </Button>
            {canImport && <NewImportButton />}
          </Group>
        }
      />
      <PaginatedTable
        label={t('table')}
        list={imports}
        columns={columns(t)}
        emptyMessage={
          <StatusMessage
            title={t('empty.title')}
            description={
              canImport ? t('empty.canImport') : t('empty.cannotImport')
            }
            action={canImport && <NewImportButton />}
          />
        }
      />
    </>
  );
}
