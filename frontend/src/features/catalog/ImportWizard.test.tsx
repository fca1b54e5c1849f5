import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportJob } from './hooks';
import type { Role } from '../../shared/roles';
import { requestsTo, type Routes } from '../../test/fetchMock';
import { importJob, me, page, rowError } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const IMPORTS = '/api/v1/catalog/imports/';
const JOB = `${IMPORTS}5/`;
const ERRORS = `${JOB}errors/`;

const summary = (counts: Partial<ImportJob['summary']>): ImportJob['summary'] => ({
  items_seen: 0,
  items_valid: 0,
  items_failed: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
  archived: 0,
  ...counts,
});

const UPLOADED = importJob(5);
const VALIDATING = importJob(5, { status: 'validating', summary: summary({ items_seen: 2 }) });
const VALIDATED = importJob(5, { status: 'validated', summary: summary({ items_seen: 3, items_valid: 2, items_failed: 1 }) });
const RUNNING = importJob(5, {
  status: 'running',
  archive_missing: true,
  summary: summary({ items_seen: 1, items_valid: 1, created: 1 }),
});
const COMPLETED = importJob(5, {
  status: 'completed',
  archive_missing: true,
  summary: summary({ items_seen: 3, items_valid: 2, items_failed: 1, created: 1, updated: 1, archived: 4 }),
});

function renderWizard(role: Role, path: string, routes: Routes) {
  return renderApp(path, { 'GET /api/v1/me/': { body: me(role) }, ...routes });
}

function activeStep(): string | null | undefined {
  return within(screen.getByLabelText('Import steps')).getAllByRole('button').find((step) => step.getAttribute('aria-current') === 'step')
    ?.textContent;
}

function fileInput(): HTMLInputElement {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  return input;
}

describe('Import wizard: upload', () => {
  it('uploads the file with its kind and opens the preview of the new job', async () => {
    const { requests, router } = renderWizard('editor', '/catalog/imports/new', {
      [`POST ${IMPORTS}`]: { status: 201, body: UPLOADED },
      [`GET ${JOB}`]: { body: UPLOADED },
    });

    expect(await screen.findByRole('heading', { name: 'New import' })).toBeInTheDocument();
    expect(activeStep()).toContain('Upload');
    await userEvent.click(screen.getByRole('radio', { name: 'Orders' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Products' }));
    await userEvent.upload(fileInput(), new File(['Handle,Title\n'], 'products.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/app/catalog/imports/5'));
    const [upload] = requestsTo(requests, 'POST', IMPORTS);
    const body = upload?.body as FormData;
    expect((body.get('file') as File).name).toBe('products.csv');
    expect(body.get('kind')).toBe('products');
    expect(body.get('currency')).toBeNull(); // the store's currency

    // Step 2: format, read-only mapping of a recognised export, the first rows as text.
    expect(await screen.findByText('Shopify CSV export')).toBeInTheDocument();
    expect(activeStep()).toContain('Preview');
    const mapping = screen.getByRole('table', { name: 'Column mapping' });
    expect(within(mapping).getByRole('row', { name: 'Title Title' })).toBeInTheDocument();
    expect(within(mapping).getByRole('row', { name: 'Variant option “Size” Option1 Value' })).toBeInTheDocument();
    expect(within(mapping).queryByRole('combobox')).not.toBeInTheDocument();
    const sample = screen.getByRole('table', { name: 'First rows of the file' });
    expect(within(sample).getAllByRole('row')).toHaveLength(3);
    expect(sample).toHaveTextContent('Cascade 3L Shell');
  });

  it('shows why the server refused the file', async () => {
    renderWizard('editor', '/catalog/imports/new', {
      [`POST ${IMPORTS}`]: {
        status: 400,
        body: { code: 'file_too_large', detail: 'The file is larger than 500 MB.', field: 'file' },
      },
    });

    await userEvent.upload(await waitFor(fileInput), new File(['x'], 'huge.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This file can’t be imported');
    expect(alert).toHaveTextContent('The file is larger than 500 MB.');
  });

  it('sends the currency the merchant picks for the file’s prices', async () => {
    const { requests } = renderWizard('editor', '/catalog/imports/new', {
      [`POST ${IMPORTS}`]: { status: 201, body: UPLOADED },
      [`GET ${JOB}`]: { body: UPLOADED },
    });
    await userEvent.click(await screen.findByRole('combobox', { name: 'Currency of the prices in the file' }));
    await userEvent.click(await screen.findByRole('option', { name: 'EUR' }));
    await userEvent.upload(fileInput(), new File(['Handle,Title\n'], 'products.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));
    await waitFor(() => expect(requestsTo(requests, 'POST', IMPORTS)).toHaveLength(1));
    const [upload] = requestsTo(requests, 'POST', IMPORTS);
    expect((upload?.body as FormData).get('currency')).toBe('EUR');
  });

  it('asks for a file, and refuses an empty one without uploading', async () => {
    const { requests } = renderWizard('editor', '/catalog/imports/new', {});

    await userEvent.click(await screen.findByRole('button', { name: 'Upload and preview' }));
    expect(screen.getByText('Choose a file to import.')).toBeInTheDocument();
    await userEvent.upload(fileInput(), new File([], 'empty.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Upload and preview' }));
    expect(screen.getByText('This file is empty.')).toBeInTheDocument();
    expect(requestsTo(requests, 'POST', IMPORTS)).toHaveLength(0);
  });
});

describe('Import wizard: steps', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('walks from the preview through validation, the report and the run to the summary', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { requests } = renderWizard('owner', '/catalog/imports/5', {
      [`GET ${JOB}`]: [{ body: UPLOADED }, { body: VALIDATING }, { body: VALIDATED }, { body: RUNNING }, { body: COMPLETED }],
      [`POST ${JOB}validate/`]: { status: 202, body: VALIDATING },
      [`POST ${JOB}run/`]: { status: 202, body: RUNNING },
      [`GET ${ERRORS}`]: { body: page([rowError(6)]) },
    });

    // Step 2 → 3: validation runs in the worker; the page polls and shows progress.
    await userEvent.click(await screen.findByRole('button', { name: 'Validate file' }));
    expect(await screen.findByRole('heading', { name: 'Checking your file…' })).toBeInTheDocument();
    expect(activeStep()).toContain('Validate');
    expect(screen.getByText('2 products checked so far…')).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(2000));

    // The report: counts and the bad row with its line number and reason.
    const report = await screen.findByRole('list', { name: 'Validation report' });
    expect(report).toHaveTextContent('Ready to import2');
    expect(report).toHaveTextContent('With errors1');
    const errors = await screen.findByRole('table', { name: 'Rows with errors' });
    const row = within(errors).getAllByRole('row')[1] as HTMLElement;
    expect(row).toHaveTextContent('6');
    expect(row).toHaveTextContent('Variant Price "abc" is not a number');
    expect(row).toHaveTextContent('invalid_price');
    expect(row).toHaveTextContent('broken');

    // Step 4: options, then the run with its progress.
    await userEvent.click(screen.getByRole('button', { name: 'Continue to import' }));
    expect(activeStep()).toContain('Import');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Archive products missing from this file' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import 2 products' }));

    expect(await screen.findByRole('heading', { name: 'Importing…' })).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'products.csv: 1 of 3 products imported' })).toBeInTheDocument();
    expect(requestsTo(requests, 'POST', `${JOB}run/`)[0]?.body).toEqual({ archive_missing: true, confirm_archive: false });

    await act(() => vi.advanceTimersByTimeAsync(2000));

    // Step 5: the summary.
    expect(await screen.findByRole('heading', { name: 'Import complete' })).toBeInTheDocument();
    expect(activeStep()).toContain('Summary');
    const counts = screen.getByRole('list', { name: 'Import summary' });
    expect(counts).toHaveTextContent('Created1Updated1Unchanged0Archived4Failed1');
    expect(screen.getByRole('link', { name: 'View products' })).toHaveAttribute('href', '/app/catalog/products');
  });

  it('lets the merchant map the columns of a generic spreadsheet before validating', async () => {
    const generic = importJob(5, {
      format: 'generic',
      mapping: { title: 'Name', 'option:Colour': 'Colour' },
      preview: {
        format: 'generic',
        columns: ['Name', 'Cost', 'Colour', 'Notes'],
        mapping: { title: 'Name', 'option:Colour': 'Colour' },
        required_missing: ['price'],
        sample: [{ Name: 'Trail mug', Cost: '12.50', Colour: 'Blue', Notes: '<script>x</script>' }],
        row_estimate: 1,
        notes: [],
      },
    });
    const mapped = { title: 'Name', 'option:Colour': 'Colour', price: 'Cost' };
    const { requests } = renderWizard('editor', '/catalog/imports/5', {
      [`GET ${JOB}`]: [{ body: generic }, { body: { ...generic, mapping: mapped } }, { body: { ...generic, status: 'validating' } }],
      [`PATCH ${JOB}`]: { body: { ...generic, mapping: mapped } },
      [`POST ${JOB}validate/`]: { status: 202, body: { ...generic, status: 'validating' } },
    });

    expect(await screen.findByText('Spreadsheet (CSV or Excel)')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Import “Name” as' })).toHaveValue('Title (required)');
    expect(screen.getByRole('combobox', { name: 'Import “Colour” as' })).toHaveValue('Variant option “Colour”');
    expect(screen.getByRole('combobox', { name: 'Import “Notes” as' })).toHaveValue('Keep as product attribute');
    expect(screen.getByText('Choose the columns holding Price.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Validate file' })).toBeDisabled();
    // Sample cells are text, even when they look like markup.
    expect(screen.getByRole('table', { name: 'First rows of the file' })).toHaveTextContent('<script>x</script>');

    await userEvent.click(screen.getByRole('combobox', { name: 'Import “Cost” as' }));
    // A field another column holds can't be chosen twice.
    expect(screen.getByRole('option', { name: 'Title (required)' })).toHaveAttribute('data-combobox-disabled', 'true');
    await userEvent.click(screen.getByRole('option', { name: 'Price (required)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save mapping and validate' }));

    await waitFor(() => expect(requestsTo(requests, 'POST', `${JOB}validate/`)).toHaveLength(1));
    expect(requestsTo(requests, 'PATCH', JOB)[0]?.body).toEqual({ mapping: mapped });
    expect(await screen.findByRole('heading', { name: 'Checking your file…' })).toBeInTheDocument();
  });

  it('lets the merchant map the store’s own status words of an order file before validating', async () => {
    const orders = importJob(5, {
      kind: 'orders',
      filename: 'orders.json',
      format: 'json',
      mapping: {},
      preview: {
        format: 'json',
        columns: ['number', 'status'],
        mapping: {},
        required_missing: [],
        sample: [{ number: '#W1000001', status: 'Processed' }],
        row_estimate: 2,
        notes: [],
        status_words: [
          { word: 'processed', column: 'status', count: 7, maps_to: null },
          { word: 'cancelled', column: 'status', count: 2, maps_to: { status: 'cancelled' } },
        ],
      },
    });
    const words = { processed: { status: 'open' as const, fulfilment_status: 'fulfilled' as const } };
    const { requests } = renderWizard('editor', '/catalog/imports/5', {
      [`GET ${JOB}`]: [{ body: orders }, { body: { ...orders, status_words: words } }, { body: { ...orders, status: 'validating' } }],
      [`PUT ${JOB}status-words/`]: { body: { ...orders, status_words: words } },
      [`POST ${JOB}validate/`]: { status: 202, body: { ...orders, status: 'validating' } },
    });

    const table = await screen.findByRole('table', { name: 'Status words in the file' });
    expect(within(table).getByText('7 orders · not mapped yet')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '“cancelled”: Order status' })).toHaveValue('Cancelled');
    expect(screen.getByRole('button', { name: 'Validate file' })).toBeEnabled();

    await userEvent.click(screen.getByRole('combobox', { name: '“processed”: Order status' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Open' }));
    await userEvent.click(screen.getByRole('combobox', { name: '“processed”: Fulfilment status' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Fulfilled' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save mapping and validate' }));

    await waitFor(() => expect(requestsTo(requests, 'POST', `${JOB}validate/`)).toHaveLength(1));
    // The words given a meaning are sent, a built-in one ("cancelled") as the preview read it.
    expect(requestsTo(requests, 'PUT', `${JOB}status-words/`)[0]?.body).toEqual({
      status_words: { ...words, cancelled: { status: 'cancelled' } },
    });
  });

  it('asks for confirmation to archive after the guard refused it', async () => {
    const refused = importJob(5, {
      status: 'completed',
      archive_missing: true,
      error: 'Not archived: this file lacks 3 of 4 active products. If that is intended, run the import again and confirm archiving.',
      summary: summary({ items_seen: 1, items_valid: 1, unchanged: 1 }),
    });
    const revalidated = { ...refused, status: 'validated' as const, error: '' };
    const { requests, router } = renderWizard('admin', '/catalog/imports/5', {
      [`GET ${JOB}`]: [{ body: refused }, { body: revalidated }],
      [`POST ${JOB}validate/`]: { status: 202, body: revalidated },
      [`POST ${JOB}run/`]: { status: 202, body: { ...revalidated, status: 'running' } },
    });

    const warning = (await screen.findByText(/this file lacks 3 of 4 active products/)).closest('[role="alert"]') as HTMLElement;
    expect(warning).toHaveTextContent('Products were not archived');
    await userEvent.click(within(warning).getByRole('button', { name: 'Archive them anyway…' }));

    expect(await screen.findByRole('heading', { name: 'Import' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?step=run&archive=confirm');
    expect(screen.getByRole('checkbox', { name: 'Archive products missing from this file' })).toBeChecked();
    const run = screen.getByRole('button', { name: 'Import 1 product' });
    expect(run).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Yes, archive every product missing from this file' }));
    await userEvent.click(run);

    await waitFor(() => expect(requestsTo(requests, 'POST', `${JOB}run/`)).toHaveLength(1));
    expect(requestsTo(requests, 'POST', `${JOB}run/`)[0]?.body).toEqual({ archive_missing: true, confirm_archive: true });
  });

  it('pages through the errors of a large report', async () => {
    const many = importJob(5, { status: 'validated', summary: summary({ items_seen: 40, items_valid: 10, items_failed: 30 }) });
    renderWizard('editor', '/catalog/imports/5', {
      [`GET ${JOB}`]: { body: many },
      [`GET ${ERRORS}?page=1`]: { body: page([rowError(2), rowError(3, { column: 'Title', code: 'required', message: 'Title is required' })], { count: 3, next: `${ERRORS}?page=2` }) },
      [`GET ${ERRORS}?page=2`]: { body: page([rowError(44, { code: 'formula', message: 'Title looks like a spreadsheet formula' })], { count: 3, previous: `${ERRORS}?page=1` }) },
    });

    const table = await screen.findByRole('table', { name: 'Rows with errors' });
    expect(within(table).getAllByRole('row').map((row) => row.firstChild?.textContent)).toEqual(['Line', '2', '3']);
    expect(table).toHaveTextContent('Title is required');

    await userEvent.click(within(screen.getByRole('navigation', { name: 'Rows with errors pages' })).getByRole('button', { name: 'Page 2' }));
    expect(await screen.findByText('Title looks like a spreadsheet formula')).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Rows with errors' })).toHaveTextContent('44');
  });

  it('resumes a running job on its import step', async () => {
    renderWizard('editor', '/catalog/imports/5', { [`GET ${JOB}`]: { body: RUNNING } });
    expect(await screen.findByRole('heading', { name: 'Importing…' })).toBeInTheDocument();
    expect(activeStep()).toContain('Import');
  });

  it('shows a failed job with the reason and lets an editor validate again', async () => {
    const failed = importJob(5, { status: 'failed', error: 'No column is mapped to price: choose the columns that hold them.' });
    const { requests } = renderWizard('editor', '/catalog/imports/5', {
      [`GET ${JOB}`]: { body: failed },
      [`POST ${JOB}validate/`]: { status: 202, body: { ...failed, status: 'validating' } },
    });

    expect(await screen.findByRole('heading', { name: 'The import failed' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('No column is mapped to price');
    await userEvent.click(screen.getByRole('button', { name: 'Validate again' }));
    await waitFor(() => expect(requestsTo(requests, 'POST', `${JOB}validate/`)).toHaveLength(1));
  });
});

describe('Imports for a viewer', () => {
  it('shows the history without a way to start an import', async () => {
    renderWizard('viewer', '/catalog/imports', {
      [`GET ${IMPORTS}`]: { body: page([COMPLETED, importJob(6, { filename: 'orders.csv', kind: 'orders', status: 'failed', error: 'Unreadable file.' })]) },
    });

    const table = await screen.findByRole('table', { name: 'Import history' });
    const done = within(table).getByRole('link', { name: 'products.csv' }).closest('tr') as HTMLElement;
    expect(within(table).getByRole('link', { name: 'products.csv' })).toHaveAttribute('href', '/app/catalog/imports/5');
    expect(done).toHaveTextContent('Completed');
    expect(done).toHaveTextContent('1 created · 1 updated · 0 unchanged · 4 archived · 1 failed');
    const failed = within(table).getByRole('link', { name: 'orders.csv' }).closest('tr') as HTMLElement;
    expect(failed).toHaveTextContent('Orders');
    expect(failed).toHaveTextContent('Unreadable file.');
    expect(screen.queryByRole('link', { name: 'New import' })).not.toBeInTheDocument();
  });

  it('shows a job’s report but no actions', async () => {
    renderWizard('viewer', '/catalog/imports/5', {
      [`GET ${JOB}`]: { body: VALIDATED },
      [`GET ${ERRORS}`]: { body: page([rowError(6)]) },
    });

    expect(await screen.findByRole('table', { name: 'Rows with errors' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Continue to import' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Validate file' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Back to the column mapping' })).not.toBeInTheDocument();
  });

  it('keeps a viewer out of the upload step', async () => {
    renderWizard('viewer', '/catalog/imports/new', {});

    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Upload and preview' })).not.toBeInTheDocument();
  });

  it('shows an editor an empty history with a way to start', async () => {
    renderWizard('editor', '/catalog/imports', { [`GET ${IMPORTS}`]: { body: page([]) } });

    expect(await screen.findByRole('heading', { name: 'No imports yet' })).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: 'New import' })[0]).toHaveAttribute('href', '/app/catalog/imports/new');
  });
});
