import { useState } from 'react';
import { Alert, Button, Group, Input, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { FileDrop } from '../../../shared/FileDrop';
import { WorkProgress } from '../../../shared/WorkProgress';
import { useCreateImport, IMPORT_KINDS, type ImportKind } from '../hooks';
import { importPage, KIND_LABELS } from '../labels';

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.json';
// The server accepts any ISO 4217 code; these cover most stores. Empty: the store's currency.
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'JPY'];

const KIND_HINTS: Record<ImportKind, string> = {
  products:
    'A Shopify or WooCommerce product export, any spreadsheet (CSV or Excel) with a title and a price column, or a JSON list of products.',
  orders: 'An order export, so the assistant can answer order-status questions.',
};

/** Step 1: choose what to import and the file; the server reads it and answers with a preview. */
export function UploadStep() {
  const navigate = useNavigate();
  const create = useCreateImport();
  const [kind, setKind] = useState<ImportKind>('products');
  const [file, setFile] = useState<File | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const choose = (next: File | null) => {
    create.reset();
    setFile(next);
    setFileError(next && next.size === 0 ? 'This file is empty.' : null);
  };
  const upload = () => {
    if (!file) {
      setFileError('Choose a file to import.');
      return;
    }
    if (fileError) return;
    create.mutate({ file, kind, currency: currency ?? undefined }, { onSuccess: (job) => void navigate(importPage(job.id), { replace: true }) });
  };

  return (
    <Stack gap="lg" maw={640}>
      <Input.Wrapper label="What are you importing?" labelElement="div">
        <SegmentedControl
          display="flex"
          aria-label="What are you importing?"
          data={IMPORT_KINDS.map((value) => ({ value, label: KIND_LABELS[value] }))}
          value={kind}
          onChange={(value) => setKind(value as ImportKind)}
          disabled={create.isPending}
        />
      </Input.Wrapper>
      <Text size="sm" c="dimmed">
        {KIND_HINTS[kind]}
      </Text>
      <Select
        label="Currency of the prices in the file"
        placeholder="The store’s currency"
        data={CURRENCIES}
        value={currency}
        onChange={setCurrency}
        clearable
        searchable
        maw={280}
        disabled={create.isPending}
      />
      <FileDrop
        label="File"
        description="CSV, Excel (.xlsx) or JSON"
        accept={ACCEPT}
        value={file}
        onChange={choose}
        disabled={create.isPending}
        error={fileError}
      />
      {create.isError && (
        <Alert color="red" title="This file can’t be imported">
          {create.error.detail}
        </Alert>
      )}
      {create.isPending && (
        <WorkProgress done={0} total={null} label="Uploading" caption={`Uploading and reading ${file?.name ?? 'the file'}…`} />
      )}
      <Group justify="flex-end">
        <Button onClick={upload} loading={create.isPending}>
          Upload and preview
        </Button>
      </Group>
    </Stack>
  );
}
