import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KnowledgeSettings } from './hooks';
import type { Role } from '../../shared/roles';
import { mockXhr, type FakeXhr } from '../../test/fakeXhr';
import { requestsTo, type Routes } from '../../test/fetchMock';
import { me, page, source } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { checkUploadFile } from './UploadSourceModal';

const SOURCES = '/api/v1/knowledge/sources/';

const SYNCING = source(1, {
  name: 'Help center',
  kind: 'website',
  status: 'syncing',
  schedule: 'weekly',
  progress: { documents_total: 10, documents_done: 3, documents_failed: 2, chunks: 40 },
});
const SYNCED = { ...SYNCING, status: 'ready' as const, progress: { ...SYNCING.progress, documents_done: 10 } };
const POLICY = source(2, { name: 'Returns policy', kind: 'upload', config: {} });

const LIMITS = { max_upload_bytes: 1024 * 1024, allowed_extensions: ['.pdf', '.txt', '.csv'] };

const SETTINGS: KnowledgeSettings = {
  search_language: 'english',
  embedding_model: 'text-embedding-3-small',
  available_languages: ['english', 'german', 'french'],
  available_models: ['text-embedding-3-small'],
  reembedding: false,
};

function renderKnowledge(role: Role, extra: Routes = {}) {
  return renderApp('/knowledge', {
    'GET /api/v1/me/': { body: me(role) },
    [`GET ${SOURCES}`]: { body: page([POLICY]) },
    'GET /api/v1/knowledge/limits/': { body: LIMITS },
    'GET /api/v1/knowledge/settings/': { body: SETTINGS },
    ...extra,
  });
}

async function openAddModal(item: RegExp, title: string) {
  await userEvent.click(await screen.findByRole('button', { name: 'Add source' }));
  await userEvent.click(screen.getByRole('menuitem', { name: item }));
  return screen.getByRole('dialog', { name: title });
}

describe('Knowledge sources screen', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows sync progress and polls every 2 s until no source is syncing', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { requests } = renderKnowledge('editor', {
      [`GET ${SOURCES}`]: [{ body: page([SYNCING, POLICY]) }, { body: page([SYNCED, POLICY]) }],
    });

    const table = await screen.findByRole('table', { name: 'Knowledge sources' });
    const row = within(table).getByRole('link', { name: 'Help center' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Website')).toBeInTheDocument();
    expect(within(row).getByText('syncing')).toBeInTheDocument();
    expect(within(row).getByRole('progressbar', { name: 'Help center: 3 of 10 documents synced' })).toHaveAttribute(
      'aria-valuenow',
      '30',
    );
    expect(row).toHaveTextContent('3/10 documents');
    expect(row).toHaveTextContent('Weekly');
    expect(within(row).getByRole('link', { name: '2 failed documents in Help center' })).toHaveAttribute(
      'href',
      '/app/knowledge/sources/1?status=error',
    );
    expect(requestsTo(requests, 'GET', SOURCES)).toHaveLength(1);

    await act(() => vi.advanceTimersByTimeAsync(2000));

    await waitFor(() => expect(within(row).getByText('ready')).toBeInTheDocument());
    expect(requestsTo(requests, 'GET', SOURCES)).toHaveLength(2);
    expect(within(table).queryByRole('progressbar')).not.toBeInTheDocument();

    // Nothing is syncing any more: polling stops.
    await act(() => vi.advanceTimersByTimeAsync(6000));
    expect(requestsTo(requests, 'GET', SOURCES)).toHaveLength(2);
  });

  it('shows "update pending" while an edit made during a sync waits for the next one', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const FOLLOW_UP = { ...SYNCING, status: 'queued' as const, update_pending: true };
    renderKnowledge('editor', {
      [`GET ${SOURCES}`]: [{ body: page([FOLLOW_UP, POLICY]) }, { body: page([SYNCED, POLICY]) }],
    });

    const table = await screen.findByRole('table', { name: 'Knowledge sources' });
    const row = within(table).getByRole('link', { name: 'Help center' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('queued')).toBeInTheDocument();
    expect(within(row).getByText('update pending')).toBeInTheDocument();
    const policyRow = within(table).getByRole('link', { name: 'Returns policy' }).closest('tr') as HTMLElement;
    expect(within(policyRow).queryByText('update pending')).not.toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(2000));

    await waitFor(() => expect(within(row).getByText('ready')).toBeInTheDocument());
    expect(within(row).queryByText('update pending')).not.toBeInTheDocument();
  });

  it('explains what sources are when there are none', async () => {
    renderKnowledge('editor', { [`GET ${SOURCES}`]: { body: page([]) } });

    expect(await screen.findByRole('heading', { name: 'No knowledge sources yet' })).toBeInTheDocument();
    expect(screen.getByText(/Sources are where the assistant learns about your store/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows a viewer no write controls and no settings', async () => {
    const { requests } = renderKnowledge('viewer');

    expect(await screen.findByRole('table', { name: 'Knowledge sources' })).toHaveTextContent('Returns policy');
    expect(screen.getByRole('link', { name: 'Test retrieval' })).toHaveAttribute('href', '/app/knowledge/search');
    expect(screen.queryByRole('button', { name: 'Add source' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Settings' })).not.toBeInTheDocument();
    expect(requestsTo(requests, 'GET', '/api/v1/knowledge/settings/')).toHaveLength(0);
  });

  it('is in the navigation after the catalog', async () => {
    renderKnowledge('viewer');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const links = within(nav).getAllByRole('link').map((link) => link.textContent);
    expect(links.slice(0, 8)).toEqual([
      'Overview',
      'Inbox',
      'Analytics',
      'Products',
      'Imports',
      'Knowledge',
      'Assistant',
      'Widget',
    ]);
    expect(within(nav).getByRole('link', { name: 'Knowledge' })).toHaveAttribute('aria-current', 'page');
  });
});

describe('Knowledge settings', () => {
  it('lets an admin change the search language and shows the model and re-embedding', async () => {
    const { requests } = renderKnowledge('admin', {
      'GET /api/v1/knowledge/settings/': [{ body: SETTINGS }, { body: { ...SETTINGS, search_language: 'german', reembedding: true } }],
      'PATCH /api/v1/knowledge/settings/': { body: { ...SETTINGS, search_language: 'german', reembedding: true } },
    });

    const card = (await screen.findByRole('heading', { name: 'Settings' })).closest('section') as HTMLElement;
    expect(await within(card).findByRole('textbox', { name: 'Embedding model' })).toHaveValue('text-embedding-3-small');
    const language = within(card).getByRole('combobox', { name: 'Search language' });
    expect(language).toHaveValue('English');
    expect(within(card).queryByText(/Re-embedding in progress/)).not.toBeInTheDocument();

    await userEvent.click(language);
    await userEvent.click(screen.getByRole('option', { name: 'German' }));

    await waitFor(() => expect(requestsTo(requests, 'PATCH', '/api/v1/knowledge/settings/')).toHaveLength(1));
    expect(requestsTo(requests, 'PATCH', '/api/v1/knowledge/settings/')[0]?.body).toEqual({ search_language: 'german' });
    expect(await within(card).findByText(/Re-embedding in progress/)).toBeInTheDocument();
  });

  it('shows the server detail when the change is refused', async () => {
    renderKnowledge('admin', {
      'PATCH /api/v1/knowledge/settings/': {
        status: 403,
        body: { code: 'permission_denied', detail: 'Only owners and admins can change knowledge settings.' },
      },
    });

    await userEvent.click(await screen.findByRole('combobox', { name: 'Search language' }));
    await userEvent.click(screen.getByRole('option', { name: 'French' }));

    expect(await screen.findByText('Only owners and admins can change knowledge settings.')).toBeInTheDocument();
  });
});

describe('Add source', () => {
  it('adds a web page with the right body', async () => {
    const created = source(9, { name: 'Shipping', status: 'queued' });
    const { requests } = renderKnowledge('editor', {
      [`GET ${SOURCES}`]: [{ body: page([POLICY]) }, { body: page([created, POLICY]) }],
      [`POST ${SOURCES}`]: { status: 201, body: created },
    });

    const dialog = await openAddModal(/Web page/, 'Add a web page');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'URL' }), 'https://shop.example/shipping');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Shipping');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Schedule' }));
    await userEvent.click(screen.getByRole('option', { name: 'Daily' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add source' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requestsTo(requests, 'POST', SOURCES)[0]?.body).toEqual({
      kind: 'url',
      name: 'Shipping',
      schedule: 'daily',
      config: { url: 'https://shop.example/shipping' },
    });
    expect(await screen.findByRole('link', { name: 'Shipping' })).toBeInTheDocument();
  });

  it('shows a server error about the URL under the URL field', async () => {
    const { requests } = renderKnowledge('editor', {
      [`POST ${SOURCES}`]: {
        status: 400,
        body: { code: 'unreachable', detail: 'We could not reach that address.', field: 'url' },
      },
    });

    const dialog = await openAddModal(/Web page/, 'Add a web page');
    const url = within(dialog).getByRole('textbox', { name: 'URL' });
    await userEvent.type(url, 'https://nope.example/');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add source' }));

    await waitFor(() => expect(url).toHaveAccessibleDescription(/We could not reach that address\./));
    expect(url).toHaveAttribute('aria-invalid', 'true');
    // Without a name, the page is named after its address.
    expect(requestsTo(requests, 'POST', SOURCES)[0]?.body).toMatchObject({
      name: 'https://nope.example/',
      config: { url: 'https://nope.example/' },
    });
    expect(screen.getByRole('dialog', { name: 'Add a web page' })).toBeInTheDocument();
  });

  it('refuses a URL that is not http(s) before sending', async () => {
    const { requests } = renderKnowledge('editor');

    const dialog = await openAddModal(/Web page/, 'Add a web page');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'URL' }), 'javascript:alert(1)');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add source' }));

    expect(await within(dialog).findByText('Enter an address starting with http:// or https://.')).toBeInTheDocument();
    expect(requestsTo(requests, 'POST', SOURCES)).toHaveLength(0);
  });

  it('crawls a website with max pages and the sitemap setting, and shows a max_pages error', async () => {
    const { requests } = renderKnowledge('editor', {
      [`POST ${SOURCES}`]: {
        status: 400,
        body: { code: 'too_many_pages', detail: 'Your plan allows 500 pages.', field: 'max_pages' },
      },
    });

    const dialog = await openAddModal(/Website crawl/, 'Crawl a website');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Start URL' }), 'https://shop.example/help');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Help center');
    const maxPages = within(dialog).getByRole('textbox', { name: 'Max pages' });
    expect(maxPages).toHaveValue('200');
    await userEvent.clear(maxPages);
    await userEvent.type(maxPages, '1000');
    const sitemap = within(dialog).getByRole('switch', { name: /Use the sitemap/ });
    expect(sitemap).toBeChecked();
    await userEvent.click(sitemap);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add source' }));

    await waitFor(() => expect(maxPages).toHaveAccessibleDescription(/Your plan allows 500 pages\./));
    expect(requestsTo(requests, 'POST', SOURCES)[0]?.body).toEqual({
      kind: 'website',
      name: 'Help center',
      schedule: 'off',
      config: { url: 'https://shop.example/help', max_pages: 1000, use_sitemap: false },
    });
  });

  it('writes a text note', async () => {
    const { requests } = renderKnowledge('editor', {
      [`POST ${SOURCES}`]: { status: 201, body: source(9, { kind: 'text', name: 'Brand voice' }) },
    });

    const dialog = await openAddModal(/Text note/, 'Write a text note');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Brand voice');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Text' }), 'Be warm and brief.');
    await userEvent.click(within(dialog).getByRole('radio', { name: 'Plain text' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add source' }));

    await waitFor(() => expect(requestsTo(requests, 'POST', SOURCES)).toHaveLength(1));
    expect(requestsTo(requests, 'POST', SOURCES)[0]?.body).toEqual({
      kind: 'text',
      name: 'Brand voice',
      schedule: 'off',
      config: { text: 'Be warm and brief.', format: 'text' },
    });
  });

  it('creates an FAQ list and opens it', async () => {
    const list = source(12, { kind: 'faq', name: 'Shipping FAQ', config: {} });
    const { requests, router } = renderKnowledge('editor', {
      [`POST ${SOURCES}`]: { status: 201, body: list },
      [`GET ${SOURCES}12/`]: { body: list },
      [`GET ${SOURCES}12/faqs/`]: { body: page([]) },
    });

    const dialog = await openAddModal(/FAQ list/, 'Create an FAQ list');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Shipping FAQ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/app/knowledge/sources/12'));
    expect(requestsTo(requests, 'POST', SOURCES)[0]?.body).toEqual({
      kind: 'faq',
      name: 'Shipping FAQ',
      schedule: 'off',
      config: {},
    });
    expect(await screen.findByText('No questions yet.')).toBeInTheDocument();
  });
});

describe('Upload', () => {
  const UPLOAD = 'POST /api/v1/knowledge/sources/upload/';

  async function openUpload() {
    document.cookie = 'csrftoken=up123';
    const sent = mockXhr();
    const rendered = renderKnowledge('editor');
    const dialog = await openAddModal(/Upload files/, 'Upload files');
    await within(dialog).findByText('.pdf, .txt, .csv · up to 1 MB each');
    const input = dialog.querySelector<HTMLInputElement>('input[type="file"]');
    if (!input) throw new Error('no file input');
    const listFetches = () => requestsTo(rendered.requests, 'GET', SOURCES).length;
    return { ...rendered, sent, dialog, input, listFetches };
  }

  /** The upload request number `index`, once the modal has sent it. */
  async function nthUpload(sent: FakeXhr[], index: number): Promise<FakeXhr> {
    await waitFor(() => expect(sent.length).toBeGreaterThan(index));
    const xhr = sent[index];
    if (!xhr) throw new Error('no upload');
    expect(`${xhr.method} ${xhr.url}`).toBe(UPLOAD);
    return xhr;
  }

  it('posts one file with its name as multipart form data with the CSRF header, then closes', async () => {
    const { sent, dialog, input, listFetches } = await openUpload();
    const file = new File(['Returns within 30 days.'], 'returns.txt', { type: 'text/plain' });
    const fetchesBefore = listFetches();

    await userEvent.upload(input, file);
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Returns');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upload' }));
    const xhr = await nthUpload(sent, 0);
    act(() => xhr.respond(201, source(7, { kind: 'upload', name: 'Returns', status: 'queued' })));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const body = xhr.body as FormData;
    expect(body.get('file')).toBe(file);
    expect(body.get('name')).toBe('Returns');
    expect(xhr.headers.get('X-CSRFToken')).toBe('up123');
    expect(await screen.findByText('“Returns” uploaded.')).toBeInTheDocument();
    await waitFor(() => expect(listFetches()).toBe(fetchesBefore + 1));
  });

  it('checks each chosen file, then uploads the accepted ones one after another with their progress', async () => {
    const { sent, dialog, input, listFetches } = await openUpload();
    const fetchesBefore = listFetches();

    await userEvent.upload(
      input,
      [
        new File(['MZ'], 'setup.exe'),
        new File(['%PDF-1.7'], 'guide.pdf', { type: 'application/pdf' }),
        new File(['Ships in 2 days.'], 'shipping.txt', { type: 'text/plain' }),
      ],
      { applyAccept: false },
    );
    const rows = within(dialog).getByRole('group', { name: 'Chosen files' });
    expect(within(rows).getByText('setup.exe')).toBeInTheDocument();
    expect(within(rows).getByText(/can’t be added\. Use \.pdf, \.txt, \.csv/)).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toBeDisabled();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Upload' }));
    const first = await nthUpload(sent, 0);
    act(() => first.progress(40, 100));
    const progress = await within(rows).findByRole('progressbar', { name: 'Uploading guide.pdf' });
    expect(progress).toHaveAttribute('aria-valuenow', '40');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeDisabled();
    expect((first.body as FormData).get('file')).toHaveProperty('name', 'guide.pdf');
    expect((first.body as FormData).has('name')).toBe(false);
    expect(sent).toHaveLength(1);
    act(() => first.respond(201, source(8, { name: 'guide.pdf' })));

    const second = await nthUpload(sent, 1);
    act(() => second.progress(3, 4));
    expect(await within(rows).findByRole('progressbar', { name: 'Uploading shipping.txt' })).toHaveAttribute('aria-valuenow', '75');
    act(() => second.respond(201, source(9, { name: 'shipping.txt' })));

    // The refused file keeps the dialog open, its reason shown; the other two are sources.
    expect(await screen.findByText('2 files uploaded.')).toBeInTheDocument();
    expect(within(rows).getAllByText('Uploaded')).toHaveLength(2);
    expect(sent).toHaveLength(2);
    await waitFor(() => expect(listFetches()).toBe(fetchesBefore + 1));
    expect(screen.getByRole('dialog', { name: 'Upload files' })).toBeInTheDocument();
  });

  it('shows the server’s refusal on the file’s row and goes on with the next file', async () => {
    const { sent, dialog, input } = await openUpload();

    await userEvent.upload(input, [
      new File(['%PDF-1.7'], 'catalog.pdf', { type: 'application/pdf' }),
      new File(['Hi'], 'hello.txt', { type: 'text/plain' }),
    ]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upload' }));
    const first = await nthUpload(sent, 0);
    act(() => first.respond(400, { code: 'file_too_large', detail: 'This file is larger than 1 MB.', field: 'file' }));
    const second = await nthUpload(sent, 1);
    act(() => second.respond(201, source(4, { name: 'hello.txt' })));

    expect(await within(dialog).findByText('This file is larger than 1 MB.')).toBeInTheDocument();
    expect(await screen.findByText('“hello.txt” uploaded.')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Upload files' })).toBeInTheDocument();
  });

  it('takes dropped files and sends nothing when none can be uploaded', async () => {
    const { sent, dialog } = await openUpload();
    const zone = within(dialog).getByText('Drag files here, or choose them');

    fireEvent.drop(zone, { dataTransfer: { files: [new File(['MZ'], 'setup.exe'), new File([], 'empty.pdf')], types: ['Files'] } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Upload' }));

    expect(within(dialog).getByText('setup.exe')).toBeInTheDocument();
    expect(within(dialog).getByText('This file is empty.')).toBeInTheDocument();
    expect(within(dialog).getByText('None of the chosen files can be uploaded.')).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });
});

describe('checkUploadFile', () => {
  const file = (name: string, bytes: number) => new File(['x'.repeat(bytes)], name);

  it('accepts an allowed type within the size limit, whatever the extension case', () => {
    expect(checkUploadFile(file('Guide.PDF', 10), LIMITS)).toBeNull();
  });

  it('refuses empty, unsupported and too large files', () => {
    expect(checkUploadFile(file('a.txt', 0), LIMITS)).toBe('This file is empty.');
    expect(checkUploadFile(file('a.docx', 10), LIMITS)).toMatch(/can’t be added/);
    expect(checkUploadFile(file('README', 10), LIMITS)).toMatch(/can’t be added/);
    expect(checkUploadFile(file('a.csv', 2 * 1024 * 1024), LIMITS)).toBe('This file is 2 MB; the limit is 1 MB.');
  });

  it('leaves the decision to the server when the limits are unknown', () => {
    expect(checkUploadFile(file('a.docx', 10), undefined)).toBeNull();
  });
});
