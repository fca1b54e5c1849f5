import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schema } from '../../../api/client';

export type StatusTargets = Schema<'StatusWordTargetsInput'>;
type Found = Schema<'StatusWordFoundOutput'>;
type Target = keyof StatusTargets;

/** Aisle's statuses a store's word may be mapped onto, per status field. */
const CHOICES = {
  status: ['open', 'closed', 'cancelled'],
  financial_status: ['pending', 'authorized', 'partially_paid', 'paid', 'partially_refunded', 'refunded', 'voided'],
  fulfilment_status: ['unfulfilled', 'partial', 'fulfilled', 'restocked'],
} as const satisfies Record<Target, readonly string[]>;
const TARGETS = Object.keys(CHOICES) as Target[];

/** The words as the merchant last saved them, or as the preview reads them. */
export function wordsFrom(found: Found[], saved: Record<string, StatusTargets>): Record<string, StatusTargets> {
  return Object.fromEntries(found.map((word) => [word.word, saved[word.word] ?? word.maps_to ?? {}]));
}

/** Only the words the merchant gave a meaning to are sent; built-in words need none. */
export function wordsToSave(words: Record<string, StatusTargets>): Record<string, StatusTargets> {
  return Object.fromEntries(Object.entries(words).filter(([, targets]) => Object.keys(targets).length > 0));
}

interface StatusWordsEditorProps {
  found: Found[];
  words: Record<string, StatusTargets>;
  onChange: (word: string, targets: StatusTargets) => void;
  disabled: boolean;
}

/** The store's own status words and what each means in Aisle: order, payment and fulfilment status. */
export function StatusWordsEditor({ found, words, onChange, disabled }: StatusWordsEditorProps) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.statusWords' });
  return (
    <Table aria-label={t('table')} verticalSpacing={4} fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('word')}</Table.Th>
          {TARGETS.map((target) => (
            <Table.Th key={target}>{t(`target.${target}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {found.map(({ word, count }) => {
          const targets = words[word] ?? {};
          return (
            <Table.Tr key={word}>
              <Table.Td>
                {/* The file's words are data: plain text only. */}
                <Text size="sm">{word}</Text>
                <Text size="xs" c={Object.keys(targets).length ? 'dimmed' : 'red'}>
                  {Object.keys(targets).length ? t('orders', { count }) : t('unmapped', { count })}
                </Text>
              </Table.Td>
              {TARGETS.map((target) => (
                <Table.Td key={target}>
                  <Select
                    aria-label={t('mapAs', { word, target: t(`target.${target}`) })}
                    data={CHOICES[target].map((value: (typeof CHOICES)[Target][number]) => ({ value, label: t(`value.${value}`) }))}
                    value={targets[target] ?? null}
                    placeholder={t('unchanged')}
                    clearable
                    disabled={disabled}
                    onChange={(value) => {
                      const next: Record<string, string> = { ...targets };
                      if (value) next[target] = value;
                      else delete next[target];
                      onChange(word, next as StatusTargets);
                    }}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
