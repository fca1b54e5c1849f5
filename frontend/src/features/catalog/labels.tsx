import { useState } from 'react';
import { Badge, Center, Image, Text } from '@mantine/core';
import type { ImportFormat, ImportJob, ImportKind, ImportStatus, ProductStatus } from './hooks';
import { useTranslation } from 'react-i18next';
import { importFormatEnumValues } from '../../api/schema';
import { i18n } from '../../i18n';
import { safeHttpUrl } from '../../shared/ExternalLink';

export const PRODUCTS_PAGE = '/catalog/products';
export const IMPORTS_PAGE = '/catalog/imports';
export const NEW_IMPORT_PAGE = '/catalog/imports/new';

export function productPage(id: number): string {
  return `${PRODUCTS_PAGE}/${id}`;
}

export function importPage(id: number): string {
  return `${IMPORTS_PAGE}/${id}`;
}

const PRODUCT_STATUS_COLORS: Record<ProductStatus, string> = { active: 'green', draft: 'gray', archived: 'orange' };

export function ProductStatusBadge({ status }: { status: ProductStatus }) {
  const { t } = useTranslation('catalog');
  return (
    <Badge color={PRODUCT_STATUS_COLORS[status]} variant="light">
      {t(`productStatus.${status}`)}
    </Badge>
  );
}

export function AvailabilityBadge({ available }: { available: boolean }) {
  const { t } = useTranslation('catalog');
  return (
    <Badge color={available ? 'teal' : 'red'} variant="dot">
      {available ? t('inStock') : t('outOfStock')}
    </Badge>
  );
}

interface ProductImageProps {
  /** Untrusted: only an http(s) URL is loaded. */
  src: string | null | undefined;
  alt: string;
  size: number;
}

/** A product image of a fixed size, or a neutral placeholder when there is none or it fails to load. */
export function ProductImage({ src, alt, size }: ProductImageProps) {
  const { t } = useTranslation('catalog');
  const [failed, setFailed] = useState(false);
  const safe = safeHttpUrl(src);
  if (!safe || failed) {
    return (
      <Center w={size} h={size} bg="var(--mantine-color-default-hover)" style={{ borderRadius: 'var(--mantine-radius-sm)' }}>
        <Text size="xs" c="dimmed" aria-label={t('noImage', { alt })}>
          —
        </Text>
      </Center>
    );
  }
  return (
    <Image
      src={safe}
      alt={alt}
      w={size}
      h={size}
      fit="cover"
      radius="sm"
      loading="lazy"
      referrerPolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}

export function kindLabel(kind: ImportKind): string {
  return i18n.t(`catalog:imports.kind.${kind}`, { defaultValue: kind });
}

/** "3 products", "1 order". */
export function countOf(kind: ImportKind, count: number): string {
  return i18n.t(`catalog:count.${kind}`, { count });
}

export function formatLabel(format: string): string {
  if (importFormatEnumValues.includes(format as ImportFormat)) return i18n.t(`catalog:imports.format.${format as ImportFormat}`);
  return format || i18n.t('catalog:imports.format.unknown');
}

const IMPORT_STATUS_COLORS: Record<ImportStatus, string> = {
  uploaded: 'gray',
  validating: 'blue',
  validated: 'indigo',
  running: 'blue',
  completed: 'green',
  failed: 'red',
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation('catalog');
  return (
    <Badge color={IMPORT_STATUS_COLORS[status] ?? 'gray'} variant="dot">
      {t(`imports.status.${status}`, { defaultValue: status })}
    </Badge>
  );
}

/** One line about where a job stands: "12 created · 3 updated · 1 failed". */
export function importOutcome(job: ImportJob): string {
  const { summary } = job;
  const outcome = (key: 'created' | 'updated' | 'unchanged' | 'archived' | 'failed', count: number) =>
    i18n.t(`catalog:imports.outcome.${key}`, { count });
  switch (job.status) {
    case 'uploaded':
      return i18n.t('catalog:imports.outcome.notValidated');
    case 'validating':
    case 'running':
      return i18n.t('catalog:imports.outcome.read', { what: countOf(job.kind, summary.items_seen) });
    case 'validated':
      return i18n.t('catalog:imports.outcome.validated', { valid: summary.items_valid, failed: summary.items_failed });
    case 'completed': {
      const parts = [
        outcome('created', summary.created),
        outcome('updated', summary.updated),
        outcome('unchanged', summary.unchanged),
      ];
      if (summary.archived) parts.push(outcome('archived', summary.archived));
      if (summary.items_failed) parts.push(outcome('failed', summary.items_failed));
      return parts.join(' · ');
    }
    case 'failed':
      return job.error || i18n.t('catalog:imports.outcome.importFailed');
    default:
      return '';
  }
}
