import { i18n } from '../../../i18n';
import { resources } from '../../../i18n/locales/en';
import type { ImportJob, ImportMapping } from '../hooks';

/** The wizard's steps, in order (their labels are in the catalog). */
export const WIZARD_STEPS = ['upload', 'preview', 'validate', 'import', 'summary'] as const;

/** What the wizard shows for an existing job (the upload step only exists before there is one). */
export type WizardView = 'preview' | 'report' | 'run' | 'summary';

export const STEP_INDEX: Record<WizardView, number> = { preview: 1, report: 2, run: 3, summary: 4 };

/**
 * The step a job belongs on, so that opening any job from the history resumes it. A validated
 * job can be shown on its preview (to change the mapping), report or run step: `requested` is
 * the `?step=` the merchant navigated to.
 */
export function viewFor(job: ImportJob, requested: string | null): WizardView {
  switch (job.status) {
    case 'uploaded':
      return 'preview';
    case 'validating':
      return 'report';
    case 'validated':
      return requested === 'preview' || requested === 'run' ? requested : 'report';
    case 'running':
      return 'run';
    default:
      return 'summary';
  }
}

/** The file's columns can be remapped: only generic tables, and only before a run starts. */
export function canRemap(job: ImportJob): boolean {
  return job.format === 'generic' && (job.status === 'uploaded' || job.status === 'validated');
}

/**
 * A completed job whose archiving was refused by the guard (the file lacks too large a share
 * of the active catalog): the server explains why in `error`.
 */
export function archiveRefused(job: ImportJob): boolean {
  return job.status === 'completed' && job.archive_missing && !job.confirm_archive && job.error !== '';
}

// Mapping for generic tables. The API's mapping is {target field: column}; the editor shows one
// row per column, so it works on the inverse {column: target}.

/** Fields a generic table must map (the importer refuses the file without them). */
export const REQUIRED_TARGETS = ['title', 'price'] as const;

type Target = keyof typeof resources.catalog.imports.mapping.target;
/** The product fields a column can be imported as, in the order the editor offers them. */
export const TARGETS = Object.keys(resources.catalog.imports.mapping.target) as Target[];

export const OPTION_PREFIX = 'option:';

/** "Title", "Option: Size"; unknown targets as they are. */
export function targetLabel(target: string): string {
  if (target.startsWith(OPTION_PREFIX)) {
    return i18n.t('catalog:imports.mapping.variantOption', { name: target.slice(OPTION_PREFIX.length) });
  }
  return (TARGETS as string[]).includes(target) ? i18n.t(`catalog:imports.mapping.target.${target as Target}`) : target;
}

export function columnTargets(mapping: ImportMapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).map(([target, column]) => [column, target]));
}

export function mappingFrom(targets: Record<string, string | null>): ImportMapping {
  const mapping: ImportMapping = {};
  for (const [column, target] of Object.entries(targets)) if (target) mapping[target] = column;
  return mapping;
}

export function missingTargets(mapping: ImportMapping): string[] {
  return REQUIRED_TARGETS.filter((target) => !(target in mapping));
}

/** A preview cell as text: strings as they are, JSON values (numbers, lists, objects) as JSON. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
