import { useState } from 'react';
import { Alert, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { formatBytes } from '../../../shared/format';
import { useUpdateMapping, useUpdateStatusWords, useValidateImport, type ImportJob, type ImportPreview } from '../hooks';
import { formatLabel, NEW_IMPORT_PAGE } from '../labels';
import { MappingEditor, MappingSummary } from './MappingEditor';
import { StatusWordsEditor, wordsFrom, wordsToSave, type StatusTargets } from './StatusWordsEditor';
import { canRemap, cellText, columnTargets, mappingFrom, missingTargets, targetLabel } from './wizard';

/** Rows of the file shown in the preview. */
const SAMPLE_ROWS = 10;

function SampleTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.preview' });
  const rows = preview.sample.slice(0, SAMPLE_ROWS);
  if (rows.length === 0) return <Text c="dimmed">{t('noRows')}</Text>;
  return (
    <Table.ScrollContainer minWidth={Math.max(600, preview.columns.length * 140)} maxHeight={420}>
      <Table aria-label={t('firstRowsTable')} striped stickyHeader withColumnBorders verticalSpacing={4} fz="xs">
        <Table.Thead>
          <Table.Tr>
            {preview.columns.map((column) => (
              <Table.Th key={column} style={{ whiteSpace: 'nowrap' }}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={index}>
              {preview.columns.map((column) => {
                const text = cellText(row[column]);
                return (
                  <Table.Td key={column} maw={240}>
                    {/* File contents are data: plain text only, even when they look like HTML. */}
                    <Text size="xs" lineClamp={2} title={text}>
                      {text}
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function FileFacts({ job }: { job: ImportJob }) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.preview' });
  const { preview } = job;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm">{t('detectedFormat')}</Text>
        <Badge variant="light" size="lg" tt="none">
          {formatLabel(job.format)}
        </Badge>
        <Text size="sm" c="dimmed">
          {formatBytes(job.size)}
          {preview.row_estimate !== null && t('aboutRows', { count: preview.row_estimate })}
          {t('columns', { count: preview.columns.length })}
        </Text>
      </Group>
      {preview.notes.length > 0 && (
        <List size="sm" c="dimmed" aria-label={t('notes')}>
          {preview.notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

interface PreviewStepProps {
  job: ImportJob;
  canEdit: boolean;
  /** Called once validation has been requested. */
  onValidating: () => void;
}

/** Step 2: what was detected, how columns map to product fields, and the first rows. */
export function PreviewStep({ job, canEdit, onValidating }: PreviewStepProps) {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.preview' });
  const editable = canEdit && canRemap(job);
  const [targets, setTargets] = useState<Record<string, string | null>>(() => columnTargets(job.mapping));
  const mapping = editable ? mappingFrom(targets) : job.mapping;
  const dirty = editable && JSON.stringify(Object.entries(mapping).sort()) !== JSON.stringify(Object.entries(job.mapping).sort());
  const missing = job.format === 'generic' ? missingTargets(mapping) : [];
  const found = job.preview.status_words ?? [];
  const [words, setWords] = useState<Record<string, StatusTargets>>(() => wordsFrom(found, job.status_words));
  const wordsDirty = canEdit && JSON.stringify(wordsToSave(words)) !== JSON.stringify(wordsToSave(wordsFrom(found, job.status_words)));
  const updateMapping = useUpdateMapping();
  const updateWords = useUpdateStatusWords();
  const validate = useValidateImport();

  const startValidation = async () => {
    try {
      let saved = dirty ? await updateMapping.mutateAsync({ job, mapping }) : job;
      if (wordsDirty) saved = await updateWords.mutateAsync({ job: saved, words: wordsToSave(words) });
      await validate.mutateAsync(saved);
    } catch (error) {
      if (isApiError(error)) return; // already shown as a notification
      throw error;
    }
    onValidating();
  };
  const busy = updateMapping.isPending || updateWords.isPending || validate.isPending;

  return (
    <Stack gap="xl">
      <FileFacts job={job} />
      <Stack gap="sm" component="section" aria-label={t('mapping')}>
        <Title order={4}>{editable ? t('matchColumns') : t('howRead')}</Title>
        {editable ? (
          <>
            <Text size="sm" c="dimmed">
              {t('matchHelp')}
            </Text>
            <MappingEditor
              preview={job.preview}
              targets={targets}
              onChange={(column, target) => setTargets((current) => ({ ...current, [column]: target }))}
              disabled={busy}
            />
          </>
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {job.format === 'generic' ? t('asMapped') : t('recognised', { format: formatLabel(job.format) })}
            </Text>
            <MappingSummary mapping={job.mapping} />
          </>
        )}
        {missing.length > 0 && (
          <Alert color="yellow" title={t('missingTitle')}>
            {t('missing', { fields: missing.map(targetLabel).join(t('and')) })}
          </Alert>
        )}
      </Stack>
      {job.kind === 'orders' && found.length > 0 && (
        <Stack gap="sm" component="section" aria-label={t('statusWords')}>
          <Title order={4}>{t('statusWords')}</Title>
          <Text size="sm" c="dimmed">
            {t('statusWordsHelp')}
          </Text>
          <StatusWordsEditor
            found={found}
            words={words}
            onChange={(word, targets) => setWords((current) => ({ ...current, [word]: targets }))}
            disabled={busy || !canEdit}
          />
        </Stack>
      )}
      <Stack gap="sm" component="section" aria-label={t('firstRows')}>
        <Title order={4}>{t('firstRows')}</Title>
        <SampleTable preview={job.preview} />
      </Stack>
      {canEdit ? (
        <Group justify="space-between">
          <Button component={Link} to={NEW_IMPORT_PAGE} variant="default">
            {t('differentFile')}
          </Button>
          <Button onClick={() => void startValidation()} loading={busy} disabled={missing.length > 0}>
            {dirty || wordsDirty ? t('saveAndValidate') : t('validate')}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {t('readOnly')}
        </Text>
      )}
    </Stack>
  );
}
