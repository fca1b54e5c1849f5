import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { requestsTo, type Routes } from '../../test/fetchMock';
import { me, page } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import type { WidgetKey, WidgetSettings } from './hooks';

const SETTINGS_PATH = '/api/v1/widget/settings/';
const SNIPPET = '<script async src="http://localhost:8000/widget.js" data-key="pk_live1"></script>';

const SETTINGS: WidgetSettings = {
  allowed_origins: ['https://shop.example'],
  primary_color: '#1f6feb',
  position: 'right',
  launcher_icon: 'chat',
  greeting: 'Hi! How can I help?',
  suggested_questions: ['Do you ship to Austria?'],
  locale: '',
  theme: { primary: '#1f6feb', on_primary: '#ffffff', position: 'right', icon: 'chat' },
  snippet: SNIPPET,
  updated_at: '2025-01-15T10:00:00Z',
};

const LIVE: WidgetKey = { id: 1, key: 'pk_live1', created_at: '2025-01-15T10:00:00Z', revoked_at: null };
const OLD: WidgetKey = { id: 2, key: 'pk_old2', created_at: '2025-01-10T10:00:00Z', revoked_at: '2025-01-12T10:00:00Z' };

function renderWidget(role: Role, extra: Routes = {}) {
  return renderApp('/widget', {
    'GET /api/v1/me/': { body: me(role) },
    [`GET ${SETTINGS_PATH}`]: { body: SETTINGS },
    'GET /api/v1/widget/keys/': { body: page([LIVE, OLD]) },
    ...extra,
  });
}

describe('Widget page', () => {
  it('saves the changed appearance, reloads the preview and notes a contrast correction', async () => {
    const saved: WidgetSettings = {
      ...SETTINGS,
      primary_color: '#777777',
      suggested_questions: ['Do you ship to Austria?', 'Where is my order?'],
      theme: { ...SETTINGS.theme, primary: '#757575', on_primary: '#ffffff' },
      updated_at: '2025-01-15T11:00:00Z',
    };
    const { requests } = renderWidget('admin', {
      [`GET ${SETTINGS_PATH}`]: [{ body: SETTINGS }, { body: saved }],
      [`PATCH ${SETTINGS_PATH}`]: { body: saved },
    });

    const preview = await screen.findByTitle('Widget preview');
    expect(preview).toHaveAttribute('src', `/widget/preview/?v=${encodeURIComponent(SETTINGS.updated_at)}`);
    const colour = screen.getByRole('textbox', { name: 'Primary colour' });
    await userEvent.clear(colour);
    await userEvent.paste('#777777');
    await userEvent.click(screen.getByRole('button', { name: 'Add question' }));
    await userEvent.click(screen.getByRole('textbox', { name: 'Suggested question 2' }));
    await userEvent.paste('Where is my order?');
    await userEvent.click(screen.getByRole('button', { name: 'Add question' })); // left blank: dropped
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Widget settings saved.')).toBeInTheDocument();
    expect(requestsTo(requests, 'PATCH', SETTINGS_PATH)[0]?.body).toEqual({
      primary_color: '#777777',
      suggested_questions: ['Do you ship to Austria?', 'Where is my order?'],
    });
    await waitFor(() =>
      expect(screen.getByTitle('Widget preview')).toHaveAttribute(
        'src',
        `/widget/preview/?v=${encodeURIComponent(saved.updated_at)}`,
      ),
    );
    expect(screen.getByText('Colour adjusted for contrast')).toBeInTheDocument();
    expect(screen.getByText(/shoppers see #757575/)).toBeInTheDocument();
  });

  it('edits allowed websites and shows a server error for them', async () => {
    const { requests } = renderWidget('owner', {
      [`PATCH ${SETTINGS_PATH}`]: {
        status: 400,
        body: { code: 'invalid', detail: 'Not an origin: ftp://x.', field: 'allowed_origins' },
      },
    });

    await userEvent.type(await screen.findByRole('combobox', { name: 'Allowed websites' }), 'ftp://x{Enter}');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Not an origin: ftp://x.')).toBeInTheDocument();
    expect(requestsTo(requests, 'PATCH', SETTINGS_PATH)[0]?.body).toEqual({
      allowed_origins: ['https://shop.example', 'ftp://x'],
    });
  });

  it('shows the install snippet with a copy button', async () => {
    renderWidget('viewer');

    expect(await screen.findByLabelText('Install snippet')).toHaveTextContent(SNIPPET);
    expect(screen.getByRole('button', { name: 'Copy snippet' })).toBeInTheDocument();
    expect(screen.getByText(/before/)).toHaveTextContent('Paste this tag into your storefront’s HTML, before </body>:');
  });

  it('lists keys and rotates one after confirmation', async () => {
    const { requests } = renderWidget('admin', {
      'POST /api/v1/widget/keys/1/rotate/': { status: 201, body: { ...LIVE, id: 3, key: 'pk_new3' } },
    });

    const table = await screen.findByRole('table', { name: 'Widget keys' });
    expect(within(table).getByText('pk_live1')).toBeInTheDocument();
    expect(within(table).getByText('revoked')).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Rotate pk_old2' })).not.toBeInTheDocument();

    await userEvent.click(within(table).getByRole('button', { name: 'Rotate pk_live1' }));
    const dialog = screen.getByRole('dialog', { name: 'Rotate widget key' });
    expect(dialog).toHaveTextContent('The old key stops working at once');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Rotate' }));

    expect(await screen.findByText('Key rotated. The new key is pk_new3.')).toBeInTheDocument();
    expect(requestsTo(requests, 'POST', '/api/v1/widget/keys/1/rotate/')).toHaveLength(1);
  });

  it('creates and revokes keys', async () => {
    const { requests } = renderWidget('owner', {
      'POST /api/v1/widget/keys/': { status: 201, body: { ...LIVE, id: 4, key: 'pk_four' } },
      'DELETE /api/v1/widget/keys/1/': { status: 204 },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('Widget key pk_four created.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Revoke pk_live1' }));
    await userEvent.click(within(screen.getByRole('dialog', { name: 'Revoke widget key' })).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(requestsTo(requests, 'DELETE', '/api/v1/widget/keys/1/')).toHaveLength(1));
  });

  it('is in the main navigation, marked as the current page', async () => {
    renderWidget('viewer');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Widget' })).toHaveAttribute('aria-current', 'page');
  });

  it('is read-only for a viewer: no save, key actions or creation', async () => {
    renderWidget('viewer');

    expect(await screen.findByRole('textbox', { name: 'Primary colour' })).toBeDisabled();
    expect(screen.getByText('Only owners and admins can change the widget.')).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Widget keys' });
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Create key' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Rotate pk_live1' })).not.toBeInTheDocument();
  });

  it('asks for a key when there is no snippet yet', async () => {
    renderWidget('admin', { [`GET ${SETTINGS_PATH}`]: { body: { ...SETTINGS, snippet: null } } });

    expect(await screen.findByText('Create a widget key to get your install snippet.')).toBeInTheDocument();
  });
});
