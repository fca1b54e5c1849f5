import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.validation' });
  if (job.status === 'validating') {
    return (
      <Stack gap="md" aria-live="polite">
        <Title order={4}>{t('checking')}</Title>
        <Text size="sm" c="dimmed">
          {t('checkingHelp')}
        </Text>
        <BusyProgress job={job} verb="checked" size="lg" />
      </Stack>
    );
  }

  const { items_valid: valid, items_failed: failed, items_seen: seen } = job.summary;
  return (
    <Stack gap="lg">
      <Title order={4}>{t('report')}</Title>
      <Counts
        label={t('report')}
        counts={[
          { label: t('ready'), value: valid, color: 'teal' },
          { label: t('withErrors'), value: failed, color: 'red' },
          { label: t('readTotal'), value: seen },
        ]}
      />
      {failed > 0 ? (
        <Stack gap="sm">
          <Alert color="yellow" title={t('cantImport', { what: countOf(job.kind, failed) })}>
            {t('skippedHelp')}
          </Alert>
          <RowErrorsTable job={job} />
        </Stack>
      ) : (
        <Alert color="green" title={t('noProblems')}>
          {t(`allImportable.${job.kind}`)}
        </Alert>
      )}
      {canEdit && (
        <Group justify="space-between">
          {canRemap(job) ? (
            <Button variant="default" onClick={() => goTo('preview')}>
              {t('backToMapping')}
            </Button>
          ) : (
            <span />
          )}
          <Button onClick={() => goTo('run')} disabled={valid === 0}>
            {t('continue')}
          </Button>
        </Group>
      )}
      {canEdit && valid === 0 && (
        <Text size="sm" c="dimmed" ta="right">
          {t('nothing')}
        </Text>
      )}
    </Stack>
  );
}
