import { useState } from 'react';
import { Anchor, Group, Stack, Stepper, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../shared/format';
import { PageHeader } from '../../../shared/PageHeader';
import { QueryState } from '../../../shared/QueryState';
import { RelativeTime } from '../../../shared/RelativeTime';
import { StatusMessage } from '../../../shared/StatusMessage';
import { NotFoundPage } from '../../not-found/NotFoundPage';
import { canEditContent } from '../../session/permissions';
import { useSession } from '../../session/SessionContext';
import { useImport, type ImportJob } from '../hooks';
import { IMPORTS_PAGE, ImportStatusBadge, kindLabel } from '../labels';
import { PreviewStep } from './PreviewStep';
import { RunStep } from './RunStep';
import { SummaryStep } from './SummaryStep';
import { UploadStep } from './UploadStep';
import { ValidationStep } from './ValidationStep';
import { STEP_INDEX, viewFor, WIZARD_STEPS, type WizardView } from './wizard';

function WizardSteps({ active, failed = false }: { active: number; failed?: boolean }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.wizard' });
  const narrow = useMediaQuery('(max-width: 36em)');
  return (
    <Stepper
      active={failed ? active : active === WIZARD_STEPS.length - 1 ? WIZARD_STEPS.length : active}
      size="sm"
      orientation={narrow ? 'vertical' : 'horizontal'}
      mb="xl"
      aria-label={t('steps')}
    >
      {WIZARD_STEPS.map((step, index) => (
        <Stepper.Step
          key={step}
          label={t(`step.${step}`)}
          color={failed && index === active ? 'red' : undefined}
          aria-current={index === active ? 'step' : undefined}
        />
      ))}
    </Stepper>
  );
}

function BackToImports() {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports' });
  return (
    <Anchor component={Link} to={IMPORTS_PAGE} size="sm">
      {t('back')}
    </Anchor>
  );
}

/** /catalog/imports/new */
export function NewImportPage() {
  const { t } = useTranslation(['catalog', 'common']);
  const { role } = useSession();
  return (
    <>
      <BackToImports />
      <PageHeader
        title={t('imports.wizard.newTitle')}
        description={t('imports.wizard.newDescription')}
      />
      {canEditContent(role) ? (
        <>
          <WizardSteps active={0} />
          <UploadStep />
        </>
      ) : (
        <StatusMessage
          title={t('common:noAccess.title')}
          description={t('imports.wizard.noAccess')}
        />
      )}
    </>
  );
}

function JobHeader({ job }: { job: ImportJob }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.wizard' });
  return (
    <Stack gap={4} mb="lg">
      <Group gap="sm">
        <Text component="h2" fz="h2" fw={700} m={0} style={{ overflowWrap: 'anywhere' }}>
          {job.filename}
        </Text>
        <ImportStatusBadge status={job.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {t('jobFacts', { kind: kindLabel(job.kind), size: formatBytes(job.size) })}
        <RelativeTime iso={job.created_at} />
      </Text>
    </Stack>
  );
}

/** The wizard for an existing job, on the step its status calls for. */
function ImportWizard({ job }: { job: ImportJob }) {
  const { role } = useSession();
  const canEdit = canEditContent(role);
  const [searchParams, setSearchParams] = useSearchParams();
  // Products counted by validation, remembered when a run starts so its progress has a total.
  const [runTotal, setRunTotal] = useState<number | null>(null);
  const view = viewFor(job, searchParams.get('step'));

  const goTo = (next: WizardView, { confirmArchive = false } = {}) =>
    setSearchParams(() => {
      const params = new URLSearchParams();
      if (next === 'preview' || next === 'run') params.set('step', next);
      if (confirmArchive) params.set('archive', 'confirm');
      return params;
    });

  return (
    <>
      <JobHeader job={job} />
      <WizardSteps active={STEP_INDEX[view]} failed={job.status === 'failed'} />
      {view === 'preview' && <PreviewStep key={job.updated_at} job={job} canEdit={canEdit} onValidating={() => goTo('report')} />}
      {view === 'report' && <ValidationStep job={job} canEdit={canEdit} goTo={goTo} />}
      {view === 'run' && (
        <RunStep
          job={job}
          canEdit={canEdit}
          confirmArchive={searchParams.get('archive') === 'confirm'}
          total={runTotal}
          onRun={setRunTotal}
          goTo={goTo}
        />
      )}
      {view === 'summary' && (
        <SummaryStep job={job} canEdit={canEdit} onRetryArchive={() => goTo('run', { confirmArchive: true })} />
      )}
    </>
  );
}

function ImportJobContent({ id }: { id: number }) {
  const job = useImport(id);
  return (
    <>
      <BackToImports />
      <QueryState query={job}>{(data) => <ImportWizard job={data} />}</QueryState>
    </>
  );
}

/** /catalog/imports/:id */
export function ImportJobPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <ImportJobContent key={id} id={id} />;
}
