import { Alert, Button, Group, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useValidateImport, type ImportJob } from '../hooks';
import { NEW_IMPORT_PAGE, PRODUCTS_PAGE } from '../labels';
import { Counts, type Count } from './Counts';
import { RowErrorsTable } from './RowErrorsTable';
import { archiveRefused } from './wizard';

function summaryCounts(job: ImportJob): Count[] {
  const { summary } = job;
  const counts: Count[] = [
    { label: 'Created', value: summary.created, color: 'teal' },
    { label: 'Updated', value: summary.updated, color: 'blue' },
    { label: 'Unchanged', value: summary.unchanged },
  ];
  if (job.kind === 'products') counts.push({ label: 'Archived', value: summary.archived, color: 'orange' });
  counts.push({ label: 'Failed', value: summary.items_failed, color: 'red' });
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
  const validate = useValidateImport();
  const failed = job.status === 'failed';
  const refused = archiveRefused(job);

  return (
    <Stack gap="lg">
      <Title order={4}>{failed ? 'The import failed' : 'Import complete'}</Title>
      {failed && (
        <Alert color="red" title="The import stopped">
          {job.error || 'The file could not be imported.'}
        </Alert>
      )}
      <Counts label="Import summary" counts={summaryCounts(job)} />
      {refused && (
        <Alert color="yellow" title="Products were not archived">
          <Stack gap="sm" align="flex-start">
            {job.error}
            {canEdit && (
              <Button
                variant="white"
                color="yellow"
                loading={validate.isPending}
                onClick={() => validate.mutate(job, { onSuccess: onRetryArchive })}
              >
                Archive them anyway…
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      {!failed && !refused && job.error && (
        <Alert color="yellow" title="Note">
          {job.error}
        </Alert>
      )}
      {job.summary.items_failed > 0 && (
        <Stack gap="sm" component="section" aria-label="Skipped rows">
          <Title order={5}>Skipped because of errors</Title>
          <RowErrorsTable job={job} />
        </Stack>
      )}
      <Group justify="flex-end">
        {failed && canEdit && (
          <Button variant="default" loading={validate.isPending} onClick={() => validate.mutate(job)}>
            Validate again
          </Button>
        )}
        {canEdit && (
          <Button component={Link} to={NEW_IMPORT_PAGE} variant="default">
            Import another file
          </Button>
        )}
        {job.kind === 'products' && (
          <Button component={Link} to={PRODUCTS_PAGE}>
            View products
          </Button>
        )}
      </Group>
    </Stack>
  );
}
