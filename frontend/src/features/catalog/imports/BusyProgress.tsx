import type { ImportJob } from '../hooks';
import { WorkProgress } from '../../../shared/WorkProgress';
import { countOf } from '../labels';

/** While the worker reads the file: how far it got (the number of products isn't known in advance). */
export function BusyProgress({ job, verb, size = 'sm' }: { job: ImportJob; verb: string; size?: 'sm' | 'lg' }) {
  const seen = job.summary.items_seen;
  return (
    <WorkProgress
      size={size}
      done={seen}
      total={null}
      label={`${job.filename}: ${countOf(job.kind, seen)} ${verb}`}
      caption={seen > 0 ? `${countOf(job.kind, seen)} ${verb} so far…` : 'Starting…'}
    />
  );
}
