import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { KnowledgeSource } from './hooks';
import type { Role } from '../../shared/roles';
import { requestsTo, type Routes } from '../../test/fetchMock';
import { faq, knowledgeDocument, me, page, source } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const SITE = source(4, {
  kind: 'website',
  name: 'Help center',
  status: 'error',
  schedule: 'weekly',
  config: { url: 'https://shop.example/help', max_pages: 200, use_sitemap: true },
  progress: { documents_total: 3, documents_done: 3, documents_failed: 1, chunks: 12 },
  last_error: '1 page could not be fetched.',
});
const SITE_PATH = '/api/v1/knowledge/sources/4/';
const DOCS_PATH = `${SITE_PATH}documents/`;

const HOME = knowledgeDocument(10, { title: 'Help home', notes: ['Cookie banner removed.'] });
const BROKEN = knowledgeDocument(11, {
  title: 'Old returns page',
  status: 'error',
  error_code: 'http_404',
  error_message: 'The page returned 404 Not Found.',
  chunk_count: 0,
  found_on: { id: 10, title: 'Help home' },
  synced_at: null,
});

function renderSource(role: Role, subject: KnowledgeSource, path: string, extra: Routes = {}) {
  return renderApp(path, {
    'GET /api/v1/me/': { body: me(role) },
    [`GET /api/v1/knowledge/sources/${subject.id}/`]: { body: subject },
    ...extra,
  });
}

describe('Source detail', () => {
  it('shows the source, its last error and its documents with their errors, notes and where they were found', async () => {
    renderSource('editor', SITE, '/knowledge/sources/4', { [`GET ${DOCS_PATH}`]: { body: page([HOME, BROKEN]) } });

    expect(await screen.findByRole('heading', { name: 'Help center' })).toBeInTheDocument();
    expect(screen.getByText('Website')).toBeInTheDocument();
    expect(screen.getByText('12 chunks', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('1 page could not be fetched.');
    expect(screen.getByRole('combobox', { name: 'Schedule' })).toHaveValue('Weekly');

    const table = await screen.findByRole('table', { name: 'Documents' });
    const broken = within(table).getByText('Old returns page').closest('tr') as HTMLElement;
    expect(broken).toHaveTextContent('http_404');
    expect(broken).toHaveTextContent('The page returned 404 Not Found.');
    expect(broken).toHaveTextContent('found on Help home');
    expect(within(broken).getByRole('link', { name: 'https://shop.example/page-11' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    const home = within(table).getByText('Help home', { selector: 'p' }).closest('tr') as HTMLElement;
    expect(within(within(home).getByRole('list', { name: 'Notes' })).getByRole('listitem')).toHaveTextContent(
      'Cookie banner removed.',
    );
  });

  it('filters documents on errors, from the link on the sources page or the filter control', async () => {
    const { requests, router } = renderSource('viewer', SITE, '/knowledge/sources/4?status=error', {
      [`GET ${DOCS_PATH}?page=1&status=error`]: { body: page([BROKEN]) },
      [`GET ${DOCS_PATH}?page=1`]: { body: page([HOME, BROKEN]) },
    });

    const table = await screen.findByRole('table', { name: 'Documents' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('radio', { name: 'Errors' })).toBeChecked();
    // A viewer sees the schedule but can't change it, re-sync or delete.
    expect(screen.getByText('Schedule: Weekly')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Schedule' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Re-sync' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: 'All' }));

    expect(await within(table).findByText('Help home', { selector: 'p' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('');
    expect(requestsTo(requests, 'GET', DOCS_PATH).map((request) => request.url)).toEqual([
      `${DOCS_PATH}?page=1&status=error`,
      `${DOCS_PATH}?page=1`,
    ]);

    await userEvent.click(screen.getByRole('radio', { name: 'Errors' }));
    await waitFor(() => expect(router.state.location.search).toBe('?status=error'));
    await waitFor(() => expect(within(table).queryByText('Help home', { selector: 'p' })).not.toBeInTheDocument());
  });

  it('shows a viewer no write controls', async () => {
    const faqList = source(5, { kind: 'faq', name: 'Shipping FAQ', config: {} });
    renderSource('viewer', faqList, '/knowledge/sources/5', {
      'GET /api/v1/knowledge/sources/5/faqs/': { body: page([faq(1, 'Do you ship abroad?', 'Yes, to the EU.')]) },
    });

    expect(await screen.findByRole('table', { name: 'FAQ entries' })).toHaveTextContent('Do you ship abroad?');
    expect(screen.getByRole('heading', { name: 'Shipping FAQ' })).toBeInTheDocument();
    for (const name of ['Rename source', 'Re-sync', 'Delete', 'Add question', /^Edit/, /^Delete/]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
  });

  it('shows a viewer a text note read-only', async () => {
    const note = source(6, { kind: 'text', name: 'Brand voice', config: { text: 'Be warm.', format: 'text' } });
    renderSource('viewer', note, '/knowledge/sources/6');

    expect(await screen.findByText('Be warm.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Text' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
  });

  it('re-syncs, changes the schedule, and shows the server detail when refused', async () => {
    const syncing = { ...SITE, status: 'queued' as const, last_error: '' };
    const { requests } = renderSource('editor', SITE, '/knowledge/sources/4', {
      [`GET ${DOCS_PATH}`]: { body: page([HOME]) },
      [`POST ${SITE_PATH}sync/`]: { status: 202, body: syncing },
      [`PATCH ${SITE_PATH}`]: {
        status: 403,
        body: { code: 'permission_denied', detail: 'Your plan does not include hourly syncs.' },
      },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Re-sync' }));
    await waitFor(() => expect(requestsTo(requests, 'POST', `${SITE_PATH}sync/`)).toHaveLength(1));
    expect(await screen.findByText('Re-syncing “Help center”…')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('combobox', { name: 'Schedule' }));
    await userEvent.click(screen.getByRole('option', { name: 'Hourly' }));

    await waitFor(() => expect(requestsTo(requests, 'PATCH', SITE_PATH)).toHaveLength(1));
    expect(requestsTo(requests, 'PATCH', SITE_PATH)[0]?.body).toEqual({ schedule: 'hourly' });
    expect(await screen.findByText('Your plan does not include hourly syncs.')).toBeInTheDocument();
  });

  it('renames inline and shows a name error under the field', async () => {
    const { requests } = renderSource('editor', SITE, '/knowledge/sources/4', {
      [`GET ${DOCS_PATH}`]: { body: page([]) },
      [`PATCH ${SITE_PATH}`]: [
        { status: 400, body: { code: 'duplicate_name', detail: 'Another source has this name.', field: 'name' } },
        { body: { ...SITE, name: 'Help' } },
      ],
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Rename source' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('Help center');
    await userEvent.clear(name);
    await userEvent.type(name, 'FAQ');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(name).toHaveAccessibleDescription('Another source has this name.'));
    await userEvent.clear(name);
    await userEvent.type(name, 'Help');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Name' })).not.toBeInTheDocument());
    expect(requestsTo(requests, 'PATCH', SITE_PATH).map((request) => request.body)).toEqual([
      { name: 'FAQ' },
      { name: 'Help' },
    ]);
  });

  it('deletes after confirmation and goes back to the sources', async () => {
    const { requests, router } = renderSource('admin', SITE, '/knowledge/sources/4', {
      [`GET ${DOCS_PATH}`]: { body: page([]) },
      [`DELETE ${SITE_PATH}`]: { status: 204 },
      'GET /api/v1/knowledge/sources/': { body: page([]) },
      'GET /api/v1/knowledge/settings/': {
        body: { search_language: 'english', embedding_model: 'm', available_languages: ['english'], reembedding: false },
      },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete source' });
    expect(dialog).toHaveTextContent('Delete “Help center” and everything learned from it?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/app/knowledge'));
    expect(requestsTo(requests, 'DELETE', SITE_PATH)).toHaveLength(1);
    expect(requestsTo(requests, 'GET', SITE_PATH)).toHaveLength(1);
    expect(await screen.findByText('Source “Help center” deleted.')).toBeInTheDocument();
  });

  it('shows progress while syncing and polls until done', async () => {
    const syncing = { ...SITE, status: 'syncing' as const, last_error: '', progress: { ...SITE.progress, documents_done: 1 } };
    const { requests } = renderSource('editor', syncing, '/knowledge/sources/4', {
      [`GET ${SITE_PATH}`]: [{ body: syncing }, { body: { ...SITE, status: 'ready', last_error: '' } }],
      [`GET ${DOCS_PATH}`]: { body: page([HOME]) },
    });

    expect(await screen.findByRole('progressbar', { name: 'Help center: 1 of 3 documents synced' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Re-sync' })).toBeDisabled();

    await waitFor(() => expect(screen.queryByRole('progressbar')).not.toBeInTheDocument(), { timeout: 3500 });
    expect(requestsTo(requests, 'GET', SITE_PATH)).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Re-sync' })).toBeEnabled();
  });

  it('shows not found for a malformed id', async () => {
    renderApp('/knowledge/sources/abc', { 'GET /api/v1/me/': { body: me('owner') } });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('FAQ entries', () => {
  const LIST = source(5, { kind: 'faq', name: 'Shipping FAQ', config: {} });
  const FAQS = '/api/v1/knowledge/sources/5/faqs/';
  const ABROAD = faq(1, 'Do you ship abroad?', 'Yes, to the EU.');

  function renderFaqs(extra: Routes) {
    return renderSource('editor', LIST, '/knowledge/sources/5', {
      [`GET ${FAQS}`]: { body: page([ABROAD]) },
      ...extra,
    });
  }

  it('adds a question', async () => {
    const added = faq(2, 'How long does delivery take?', '2–4 working days.');
    const { requests } = renderFaqs({
      [`GET ${FAQS}`]: [{ body: page([ABROAD]) }, { body: page([ABROAD, added]) }],
      [`POST ${FAQS}`]: { status: 201, body: added },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Add question' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a question' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Question' }), 'How long does delivery take?');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Answer' }), '2–4 working days.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requestsTo(requests, 'POST', FAQS)[0]?.body).toEqual({
      question: 'How long does delivery take?',
      answer: '2–4 working days.',
    });
    expect(await screen.findByText('2–4 working days.')).toBeInTheDocument();
  });

  it('edits a question with its current text filled in', async () => {
    const { requests } = renderFaqs({
      'PATCH /api/v1/knowledge/faqs/1/': { body: { ...ABROAD, answer: 'Yes, worldwide.' } },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Edit “Do you ship abroad?”' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit question' });
    expect(within(dialog).getByRole('textbox', { name: 'Question' })).toHaveValue('Do you ship abroad?');
    const answer = within(dialog).getByRole('textbox', { name: 'Answer' });
    expect(answer).toHaveValue('Yes, to the EU.');
    await userEvent.clear(answer);
    await userEvent.type(answer, 'Yes, worldwide.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(requestsTo(requests, 'PATCH', '/api/v1/knowledge/faqs/1/')).toHaveLength(1));
    expect(requestsTo(requests, 'PATCH', '/api/v1/knowledge/faqs/1/')[0]?.body).toEqual({
      question: 'Do you ship abroad?',
      answer: 'Yes, worldwide.',
    });
    expect(await screen.findByText('Question updated.')).toBeInTheDocument();
  });

  it('deletes a question after confirmation', async () => {
    const { requests } = renderFaqs({ 'DELETE /api/v1/knowledge/faqs/1/': { status: 204 } });

    await userEvent.click(await screen.findByRole('button', { name: 'Delete “Do you ship abroad?”' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete question' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => expect(requestsTo(requests, 'DELETE', '/api/v1/knowledge/faqs/1/')).toHaveLength(1));
    expect(await screen.findByText('Question deleted.')).toBeInTheDocument();
  });
});

describe('Text note content', () => {
  const NOTE = source(6, { kind: 'text', name: 'Brand voice', config: { text: 'Be warm.', format: 'markdown' } });
  const NOTE_PATH = '/api/v1/knowledge/sources/6/';

  it('saves edited text, which re-syncs the note', async () => {
    const { requests } = renderSource('editor', NOTE, '/knowledge/sources/6', {
      [`PATCH ${NOTE_PATH}`]: { body: { ...NOTE, status: 'queued', config: { text: 'Be warm and brief.', format: 'markdown' } } },
    });

    const text = await screen.findByRole('textbox', { name: 'Text' });
    expect(text).toHaveValue('Be warm.');
    const save = screen.getByRole('button', { name: 'Save and re-sync' });
    expect(save).toBeDisabled();
    await userEvent.type(text, ' And brief.');
    await userEvent.click(save);

    await waitFor(() => expect(requestsTo(requests, 'PATCH', NOTE_PATH)).toHaveLength(1));
    expect(requestsTo(requests, 'PATCH', NOTE_PATH)[0]?.body).toEqual({
      config: { text: 'Be warm. And brief.', format: 'markdown' },
    });
    expect(await screen.findByText('Saved “Brand voice”. Re-syncing…')).toBeInTheDocument();
  });

  it('shows a text error from the server under the text', async () => {
    renderSource('editor', NOTE, '/knowledge/sources/6', {
      [`PATCH ${NOTE_PATH}`]: { status: 400, body: { code: 'too_long', detail: 'Keep notes under 100 KB.', field: 'text' } },
    });

    const text = await screen.findByRole('textbox', { name: 'Text' });
    await userEvent.type(text, '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save and re-sync' }));

    await waitFor(() => expect(text).toHaveAccessibleDescription(/Keep notes under 100 KB\./));
  });
});
