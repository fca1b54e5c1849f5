import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WorkProgress } from '../../../shared/WorkProgress';
import { useRunImport, type ImportJob } from '../hooks';
import { countOf } from '../labels';
import { BusyProgress } from './BusyProgress';
import type { WizardView } from './wizard';

function Running({ job, total }: { job: ImportJob; total: number | null }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.run' });
  const seen = job.summary.items_seen;
  return (
    <Stack gap="md" aria-live="polite">
      <Title order={4}>{t('importing')}</Title>
      <Text size="sm" c="dimmed">
        {t(`wholeOrNothing.${job.kind}`)}
      </Text>
      {total ? (
        <WorkProgress
          size="lg"
          done={seen}
          total={total}
          label={t('progressLabel', { file: job.filename, seen, what: countOf(job.kind, total) })}
          caption={t('progressCaption', { seen, what: countOf(job.kind, total) })}
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
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.run' });
  const [archive, setArchive] = useState(confirmArchive);
  const [confirmed, setConfirmed] = useState(false);
  const run = useRunImport();

  if (job.status === 'running') return <Running job={job} total={total} />;
  if (!canEdit) {
    return (
      <Text size="sm" c="dimmed">
        {t('readOnly')}
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
      <Title order={4}>{t('title')}</Title>
      <Text size="sm">
        {job.summary.items_failed > 0
          ? t('willImportSkipping', {
              what: countOf(job.kind, job.summary.items_valid),
              skipped: countOf(job.kind, job.summary.items_failed),
            })
          : t('willImport', { what: countOf(job.kind, job.summary.items_valid) })}
      </Text>
      {products && (
        <Checkbox
          label={t('archive')}
          description={t('archiveDescription')}
          checked={archive}
          onChange={(event) => setArchive(event.currentTarget.checked)}
        />
      )}
      {needsConfirmation && (
        <Alert color="yellow" title={t('confirmTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('confirmHelp')}</Text>
            <Checkbox
              label={t('confirm')}
              checked={confirmed}
              onChange={(event) => setConfirmed(event.currentTarget.checked)}
            />
          </Stack>
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={() => goTo('report')}>
          {t('backToReport')}
        </Button>
        <Button onClick={start} loading={run.isPending} disabled={needsConfirmation && !confirmed}>
          {t('start', { what: countOf(job.kind, job.summary.items_valid) })}
        </Button>
      </Group>
    </Stack>
  );
}
