import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { WorkProgress } from '../../../shared/WorkProgress';
import { useRunImport, type ImportJob } from '../hooks';
import { countOf } from '../labels';
import { BusyProgress } from './BusyProgress';
import type { WizardView } from './wizard';

function Running({ job, total }: { job: ImportJob; total: number | null }) {
  const seen = job.summary.items_seen;
  return (
    <Stack gap="md" aria-live="polite">
      <Title order={4}>Importing…</Title>
      <Text size="sm" c="dimmed">
        Each {job.kind === 'orders' ? 'order' : 'product'} is saved whole or not at all. You can leave this page and come
        back.
      </Text>
      {total ? (
        <WorkProgress
          size="lg"
          done={seen}
          total={total}
          label={`${job.filename}: ${seen} of ${countOf(job.kind, total)} imported`}
          caption={`${seen.toLocaleString()} of ${countOf(job.kind, total)} processed`}
        />
      ) : (
        <BusyProgress job={job} verb="processed" size="lg" />
      )}
    </Stack>
  );
}

interface RunStepProps {
  job: ImportJob;
  canEdit: boolean;
  /** The merchant came back to confirm archiving the guard refused last time. */
  confirmArchive: boolean;
  /** Products to process, when known (counted by the validation that preceded this run). */
  total: number | null;
  onRun: (total: number) => void;
  goTo: (view: WizardView) => void;
}

/** Step 4: the options, then the worker's progress. */
export function RunStep({ job, canEdit, confirmArchive, total, onRun, goTo }: RunStepProps) {
  const [archive, setArchive] = useState(confirmArchive);
  const [confirmed, setConfirmed] = useState(false);
  const run = useRunImport();

  if (job.status === 'running') return <Running job={job} total={total} />;
  if (!canEdit) {
    return (
      <Text size="sm" c="dimmed">
        Validated and waiting for someone with edit access to run it.
      </Text>
    );
  }

  const products = job.kind === 'products';
  const needsConfirmation = products && archive && confirmArchive;
  const start = () => {
    const expected = job.summary.items_seen;
    run.mutate(
      { job, options: { archive_missing: products && archive, confirm_archive: needsConfirmation && confirmed } },
      { onSuccess: () => onRun(expected) },
    );
  };

  return (
    <Stack gap="lg">
      <Title order={4}>Import</Title>
      <Text size="sm">
        {countOf(job.kind, job.summary.items_valid)} will be created or updated
        {job.summary.items_failed > 0 && `; ${countOf(job.kind, job.summary.items_failed)} with errors will be skipped`}.
      </Text>
      {products && (
        <Checkbox
          label="Archive products missing from this file"
          description="Products from earlier file imports that this file doesn’t list are archived: shoppers stop seeing them. Nothing is deleted; importing them again brings them back."
          checked={archive}
          onChange={(event) => setArchive(event.currentTarget.checked)}
        />
      )}
      {needsConfirmation && (
        <Alert color="yellow" title="Archiving needs your confirmation">
          <Stack gap="sm">
            <Text size="sm">
              Last time, archiving was stopped because this file lacks a large share of your active products. If this file
              is your whole catalog, confirm to archive everything it doesn’t list.
            </Text>
            <Checkbox
              label="Yes, archive every product missing from this file"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.currentTarget.checked)}
            />
          </Stack>
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={() => goTo('report')}>
          Back to the report
        </Button>
        <Button onClick={start} loading={run.isPending} disabled={needsConfirmation && !confirmed}>
          Import {countOf(job.kind, job.summary.items_valid)}
        </Button>
      </Group>
    </Stack>
  );
}
