import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ImportJob } from '../hooks';
import { countOf } from '../labels';
import { BusyProgress } from './BusyProgress';
import { Counts } from './Counts';
import { RowErrorsTable } from './RowErrorsTable';
import { canRemap, type WizardView } from './wizard';

interface ValidationStepProps {
  job: ImportJob;
  canEdit: boolean;
  goTo: (view: WizardView) => void;
}

/** Step 3: the worker checks every product without writing any; then the report. */
export function ValidationStep({ job, canEdit, goTo }: ValidationStepProps) {
  if (job.status === 'validating') {
    return (
      <Stack gap="md" aria-live="polite">
        <Title order={4}>Checking your file…</Title>
        <Text size="sm" c="dimmed">
          Every row is read and checked; nothing is imported yet. You can leave this page and come back.
        </Text>
        <BusyProgress job={job} verb="checked" size="lg" />
      </Stack>
    );
  }

  const { items_valid: valid, items_failed: failed, items_seen: seen } = job.summary;
  return (
    <Stack gap="lg">
      <Title order={4}>Validation report</Title>
      <Counts
        label="Validation report"
        counts={[
          { label: 'Ready to import', value: valid, color: 'teal' },
          { label: 'With errors', value: failed, color: 'red' },
          { label: 'Read in total', value: seen },
        ]}
      />
      {failed > 0 ? (
        <Stack gap="sm">
          <Alert color="yellow" title={`${countOf(job.kind, failed)} can’t be imported`}>
            They are skipped; the rest can be imported. To import them too, fix these rows in your file and upload it
            again.
          </Alert>
          <RowErrorsTable job={job} />
        </Stack>
      ) : (
        <Alert color="green" title="No problems found">
          Every {job.kind === 'orders' ? 'order' : 'product'} in the file can be imported.
        </Alert>
      )}
      {canEdit && (
        <Group justify="space-between">
          {canRemap(job) ? (
            <Button variant="default" onClick={() => goTo('preview')}>
              Back to the column mapping
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={() => goTo('run')} disabled={valid === 0}>
            Continue to import
          </Button>
        </Group>
      )}
      {canEdit && valid === 0 && (
        <Text size="sm" c="dimmed" ta="right">
          Nothing can be imported from this file: fix it and upload it again.
        </Text>
      )}
    </Stack>
  );
}
