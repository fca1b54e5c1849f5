import { useState } from 'react';
import { Alert, Button, Group, Input, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FileDrop } from '../../../shared/FileDrop';
import { WorkProgress } from '../../../shared/WorkProgress';
import { useCreateImport, IMPORT_KINDS, type ImportKind } from '../hooks';
import { importPage, kindLabel } from '../labels';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.json';
// The server accepts any ISO 4217 code; these cover most stores. Empty: the store's currency.
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'JPY'];

/** Step 1: choose what to import and the file; the server reads it and answers with a preview. */
export function UploadStep() {
  const { t } = useTranslation('catalog', { keyPrefix: 'imports.upload' });
  const navigate = useNavigate();
  const create = useCreateImport();
  const [kind, setKind] = useState<ImportKind>('products');
  const [file, setFile] = useState<File | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const choose = (next: File | null) => {
    create.reset();
    setFile(next);
    setFileError(next && next.size === 0 ? t('empty') : null);
  };
  const upload = () => {
    if (!file) {
      setFileError(t('chooseFile'));
      return;
    }
    if (fileError) return;
    create.mutate({ file, kind, currency: currency ?? undefined }, { onSuccess: (job) => void navigate(importPage(job.id), { replace: true }) });
  };

  return (
    <Stack gap="lg" maw={640}>
      <Input.Wrapper label={t('whatKind')} labelElement="div">
        <SegmentedControl
          display="flex"
          aria-label={t('whatKind')}
          data={IMPORT_KINDS.map((value) => ({ value, label: kindLabel(value) }))}
          value={kind}
          onChange={(value) => setKind(value as ImportKind)}
          disabled={create.isPending}
        />
      </Input.Wrapper>
      <Text size="sm" c="dimmed">
        {t(`hint.${kind}`)}
      </Text>
      <Select
        label={t('currency')}
        placeholder={t('storeCurrency')}
        data={CURRENCIES}
        value={currency}
        onChange={setCurrency}
        clearable
        searchable
        maw={280}
        disabled={create.isPending}
      />
      <FileDrop
        label={t('file')}
        description={t('fileDescription')}
        accept={ACCEPT}
        value={file}
        onChange={choose}
        disabled={create.isPending}
        error={fileError}
      />
      {create.isError && (
        <Alert color="red" title={t('refused')}>
          {create.error.detail}
        </Alert>
      )}
      {create.isPending && (
        <WorkProgress
          done={0}
          total={null}
          label={t('uploading')}
          caption={t('uploadingFile', { name: file?.name ?? t('theFile') })}
        />
      )}
      <Group justify="flex-end">
        <Button onClick={upload} loading={create.isPending}>
          {t('submit')}
        </Button>
      </Group>
    </Stack>
  );
}
