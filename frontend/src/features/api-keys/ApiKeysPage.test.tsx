import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ApiKey, CreatedApiKey } from './hooks';
import { requestsTo, type Routes } from '../../test/fetchMock';
import { me, page } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const CI_KEY: ApiKey = {
  id: 2,
  name: 'CI',
  prefix: 'ak_3f9a2b1c',
  role: 'viewer',
  created_by: 'ann@example.com',
  created_at: '2025-01-15T10:00:00Z',
  last_used_at: null,
  revoked_at: null,
};

const CREATED: CreatedApiKey = {
  ...CI_KEY,
  id: 7,
  name: 'Catalog sync',
  prefix: 'ak_77aa00ff',
  role: 'editor',
  key: 'ak_77aa00ff_s3cr3t-value',
};

function renderKeys(role: Parameters<typeof me>[0], extra: Routes = {}) {
  return renderApp('/api-keys', {
    'GET /api/v1/me/': { body: me(role) },
    'GET /api/v1/api-keys/': { body: page([CI_KEY]) },
    ...extra,
  });
}

describe('API keys screen', () => {
  it('lists keys', async () => {
    renderKeys('admin');

    const table = await screen.findByRole('table', { name: 'API keys' });
    expect(within(table).getByText('CI')).toBeInTheDocument();
    expect(within(table).getByText('ak_3f9a2b1c…')).toBeInTheDocument();
    expect(within(table).getByText('Never')).toBeInTheDocument();
  });

  it('creates a key and shows the secret once', async () => {
    const { requests } = renderKeys('owner', {
      'GET /api/v1/api-keys/': [{ body: page([CI_KEY]) }, { body: page([CREATED, CI_KEY]) }],
      'POST /api/v1/api-keys/': { status: 201, body: CREATED },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Create API key' }));
    const form = screen.getByRole('dialog', { name: 'Create API key' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Name' }), 'Catalog sync');
    await userEvent.click(within(form).getByRole('combobox', { name: 'Role' }));
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Admin', 'Editor', 'Viewer']);
    await userEvent.click(screen.getByRole('option', { name: 'Editor' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Create key' }));

    const reveal = await screen.findByRole('dialog', { name: 'Your new API key' });
    expect(within(reveal).getByText('ak_77aa00ff_s3cr3t-value')).toBeInTheDocument();
    expect(reveal).toHaveTextContent('You won’t see it again');
    expect(within(reveal).getByRole('button', { name: 'Copy key' })).toBeInTheDocument();
    expect(requestsTo(requests, 'POST', '/api/v1/api-keys/')[0]?.body).toEqual({ name: 'Catalog sync', role: 'editor' });
    expect(screen.queryByRole('dialog', { name: 'Create API key' })).not.toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Catalog sync' })).toBeInTheDocument();

    await userEvent.click(within(reveal).getByRole('button', { name: 'I’ve copied it' }));
    await waitFor(() => expect(screen.queryByText('ak_77aa00ff_s3cr3t-value')).not.toBeInTheDocument());
  });

  it('shows a server field error on the create form and no key', async () => {
    renderKeys('owner', {
      'POST /api/v1/api-keys/': {
        status: 400,
        body: { code: 'duplicate_name', detail: 'A key with this name exists.', field: 'name' },
      },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Create API key' }));
    const form = screen.getByRole('dialog', { name: 'Create API key' });
    await userEvent.type(within(form).getByRole('textbox', { name: 'Name' }), 'CI');
    await userEvent.click(within(form).getByRole('button', { name: 'Create key' }));

    await waitFor(() =>
      expect(within(form).getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription(
        expect.stringContaining('A key with this name exists.'),
      ),
    );
    expect(screen.queryByRole('dialog', { name: 'Your new API key' })).not.toBeInTheDocument();
  });

  it('revokes a key after confirmation', async () => {
    const { requests } = renderKeys('admin', { 'DELETE /api/v1/api-keys/2/': { status: 204 } });

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke CI' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke API key' });
    expect(dialog).toHaveTextContent('Revoke “CI” (ak_3f9a2b1c)?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Revoke' }));

    await waitFor(() => expect(requestsTo(requests, 'DELETE', '/api/v1/api-keys/2/')).toHaveLength(1));
    expect(await screen.findByText('API key “CI” revoked.')).toBeInTheDocument();
  });

  it('hides create and revoke from an editor', async () => {
    renderKeys('editor');

    await screen.findByRole('table', { name: 'API keys' });
    expect(screen.queryByRole('button', { name: 'Create API key' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Revoke CI' })).not.toBeInTheDocument();
  });

  it('shows the no-access state when the server answers 403', async () => {
    renderKeys('viewer', {
      'GET /api/v1/api-keys/': {
        status: 403,
        body: { code: 'permission_denied', detail: 'You do not have permission to perform this action.' },
      },
    });

    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'API keys' })).not.toBeInTheDocument();
  });
});
