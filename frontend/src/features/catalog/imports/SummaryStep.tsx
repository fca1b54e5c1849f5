import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useValidateImport, type ImportJob } from '../hooks';
import { NEW_IMPORT_PAGE, PRODUCTS_PAGE } from '../labels';
import { Counts, type Count } from './Counts';
import { RowErrorsTable } from './RowErrorsTable';
import { archiveRefused } from './wizard';

function summaryCounts(job: ImportJob, t: TFunction<'catalog', 'imports.summary'>): Count[] {
  const { summary } = job;
  const counts: Count[] = [
    { label: t('created'), value: summary.created, color: 'teal' },
    { label: t('updated'), value: summary.updated, color: 'blue' },
    { label: t('unchanged'), value: summary.unchanged },
  ];
  if (job.kind === 'products') counts.push({ label: t('archived'), value: summary.archived, color: 'orange' });
  counts.push({ label: t('failed'), value: summary.items_failed, color: 'red' });
  return counts;
}

interface SummaryStepProps {
  job: ImportJob;
  canEdit: boolean;
  /** Validate the file again, then come back to the run step to confirm archiving. */
  onRetryArchive: () => void;
}

/** Step 5: what the import did, or why it failed. */
export function SummaryStep({ job, canEdit, onRetryArchive }: SummaryStepProps) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.summary' });
  const validate = useValidateImport();
  const failed = job.status === 'failed';
  const refused = archiveRefused(job);

  return (
    <Stack gap="lg">
      <Title order={4}>{failed ? t('failedTitle') : t('completeTitle')}</Title>
      {failed && (
        <Alert color="red" title={t('stopped')}>
          {job.error || t('couldNotImport')}
        </Alert>
      )}
      <Counts label={t('label')} counts={summaryCounts(job, t)} />
      {refused && (
        <Alert color="yellow" title={t('notArchived')}>
          <Stack gap="sm" align="flex-start">
            {job.error}
            {canEdit && (
              <Button
                variant="white"
                color="yellow"
                loading={validate.isPending}
                onClick={() => validate.mutate(job, { onSuccess: onRetryArchive })}
              >
                {t('archiveAnyway')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {!failed && !refused && job.error && (
        <Alert color="yellow" title={t('note')}>
          {job.error}
        </Alert>
      )}
      {job.summary.items_failed > 0 && (
        <Stack gap="sm" component="section" aria-label={t('skippedRows')}>
          <Title order={5}>{t('skipped')}</Title>
          <RowErrorsTable job={job} />
        </Stack>
      )}
      <Group justify="flex-end">
        {failed && canEdit && (
          <Button variant="default" loading={validate.isPending} onClick={() => validate.mutate(job)}>
            {t('validateAgain')}
          </Button>
        )}
        {canEdit && (
          <Button component={Link} to={NEW_IMPORT_PAGE} variant="default">
            {t('importAnother')}
          </Button>
        )}
        {job.kind === 'products' && (
          <Button component={Link} to={PRODUCTS_PAGE}>
            {t('viewProducts')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
