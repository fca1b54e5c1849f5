import { useState } from 'react';
import { Badge, Center, Image, Text } from '@mantine/core';
import type { ImportFormat, ImportJob, ImportKind, ImportStatus, ProductStatus } from './hooks';
import { useTranslation } from 'react-i18next';
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

export const KIND_LABELS: Record<ImportKind, string> = { products: 'Products', orders: 'Orders' };

/** "3 products", "1 order". */
export function countOf(kind: ImportKind, count: number): string {
  const noun = kind === 'orders' ? 'order' : 'product';
  return `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;
}

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  shopify: 'Shopify CSV export',
  woocommerce: 'WooCommerce CSV export',
  generic: 'Spreadsheet (CSV or Excel)',
  json: 'JSON',
};

export function formatLabel(format: string): string {
  return FORMAT_LABELS[format as ImportFormat] ?? (format || 'Unknown');
}

const IMPORT_STATUS: Record<ImportStatus, { label: string; color: string }> = {
  uploaded: { label: 'Ready to validate', color: 'gray' },
  validating: { label: 'Validating', color: 'blue' },
  validated: { label: 'Ready to import', color: 'indigo' },
  running: { label: 'Importing', color: 'blue' },
  completed: { label: 'Completed', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
};

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { label, color } = IMPORT_STATUS[status] ?? { label: status, color: 'gray' };
  return (
    <Badge color={color} variant="dot">
      {label}
    </Badge>
  );
}

/** One line about where a job stands: "12 created · 3 updated · 1 failed". */
export function importOutcome(job: ImportJob): string {
  const { summary } = job;
  switch (job.status) {
    case 'uploaded':
      return 'Not validated yet';
    case 'validating':
    case 'running':
      return `${countOf(job.kind, summary.items_seen)} read`;
    case 'validated':
      return `${summary.items_valid.toLocaleString()} valid · ${summary.items_failed.toLocaleString()} with errors`;
    case 'completed': {
      const parts = [
        `${summary.created.toLocaleString()} created`,
        `${summary.updated.toLocaleString()} updated`,
        `${summary.unchanged.toLocaleString()} unchanged`,
      ];
      if (summary.archived) parts.push(`${summary.archived.toLocaleString()} archived`);
      if (summary.items_failed) parts.push(`${summary.items_failed.toLocaleString()} failed`);
      return parts.join(' · ');
    }
    case 'failed':
      return job.error || 'The import failed.';
    default:
      return '';
  }
}
