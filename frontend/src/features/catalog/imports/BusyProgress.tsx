import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../hooks';
import { WorkProgress } from '../../../shared/WorkProgress';
import { countOf } from '../labels';

/** While the worker reads the file: how far it got (the number of products isn't known in advance). */
export function BusyProgress({
  job,
  verb,
  size = 'sm',
}: {
  job: ImportJob;
  verb: 'processed' | 'checked';
  size?: 'sm' | 'lg';
}) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.busy' });
  const seen = job.summary.items_seen;
  const what = countOf(job.kind, seen);
  return (
    <WorkProgress
      size={size}
      done={seen}
      total={null}
      label={t(`${verb}.label`, { file: job.filename, what })}
      caption={seen > 0 ? t(`${verb}.caption`, { what }) : t('starting')}
    />
  );
}
