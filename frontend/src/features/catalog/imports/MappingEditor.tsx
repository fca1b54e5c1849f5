import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n';
import type { ImportMapping, ImportPreview } from '../hooks';
import { cellText, OPTION_PREFIX, REQUIRED_TARGETS, TARGETS, targetLabel } from './wizard';

/** The select's value for "not a field": unmapped columns are kept as product attributes. */
const ATTRIBUTE = 'attribute';

interface MappingEditorProps {
  preview: ImportPreview;
  /** Column → target field, or null for an attribute. */
  targets: Record<string, string | null>;
  onChange: (column: string, target: string | null) => void;
  disabled: boolean;
}

function optionsFor(column: string, targets: Record<string, string | null>) {
  const takenElsewhere = new Set(
    Object.entries(targets)
      .filter(([other, target]) => other !== column && target)
      .map(([, target]) => target),
  );
  const required = new Set<string>(REQUIRED_TARGETS);
  return [
    { value: ATTRIBUTE, label: i18n.t('catalog:imports.mapping.attribute') },
    { value: `${OPTION_PREFIX}${column}`, label: targetLabel(`${OPTION_PREFIX}${column}`) },
    ...TARGETS.map((target) => ({
      value: target,
      label: required.has(target)
        ? i18n.t('catalog:imports.mapping.required', { label: targetLabel(target) })
        : targetLabel(target),
      disabled: takenElsewhere.has(target),
    })),
  ];
}

interface MappingRowProps extends Omit<MappingEditorProps, 'preview'> {
  column: string;
  example: string;
}

function MappingRow({ column, example, targets, onChange, disabled }: MappingRowProps) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.mapping' });
  return (
    <Table.Tr>
      <Table.Td fw={500}>{column}</Table.Td>
      <Table.Td maw={220}>
        <Text size="sm" c="dimmed" truncate title={example}>
          {example || '—'}
        </Text>
      </Table.Td>
      <Table.Td miw={240}>
        <Select
          aria-label={t('importColumnAs', { column })}
          data={optionsFor(column, targets)}
          value={targets[column] ?? ATTRIBUTE}
          onChange={(value) => onChange(column, value && value !== ATTRIBUTE ? value : null)}
          allowDeselect={false}
          disabled={disabled}
          searchable
        />
      </Table.Td>
    </Table.Tr>
  );
}

/** One row per column of a generic table: what it holds. Each field takes at most one column. */
export function MappingEditor({ preview, ...rest }: MappingEditorProps) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports' });
  const first = preview.sample[0] ?? {};
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table aria-label={t('preview.mapping')} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mapping.columnInFile')}</Table.Th>
            <Table.Th>{t('mapping.firstValue')}</Table.Th>
            <Table.Th>{t('mapping.importAs')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.columns.map((column) => (
            <MappingRow key={column} column={column} example={cellText(first[column])} {...rest} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The mapping of a recognised export (Shopify, WooCommerce, JSON): shown, not edited. */
export function MappingSummary({ mapping }: { mapping: ImportMapping }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports' });
  const entries = Object.entries(mapping);
  if (entries.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={400}>
      <Table aria-label={t('preview.mapping')} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mapping.field')}</Table.Th>
            <Table.Th>{t('mapping.readFrom')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map(([target, column]) => (
            <Table.Tr key={target}>
              <Table.Td>{targetLabel(target)}</Table.Td>
              <Table.Td>{column}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
