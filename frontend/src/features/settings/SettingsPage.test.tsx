import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles';
import { requestsTo, type Routes } from '../../test/fetchMock';
import { me } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import type { StoreSettings } from './hooks';

const STORE_PATH = '/api/v1/store/';

const STORE: StoreSettings = {
  slug: 'demo',
  name: 'Demo Store',
  currency: 'USD',
  status: 'active',
  updated_at: '2025-01-15T10:00:00Z',
};

function renderSettings(role: Role, extra: Routes = {}) {
  return renderApp('/settings', {
    'GET /api/v1/me/': { body: me(role) },
    [`GET ${STORE_PATH}`]: { body: STORE },
    ...extra,
  });
}

describe('Settings page', () => {
  it('saves only what changed and refreshes the store name in the shell', async () => {
    const { requests } = renderSettings('admin', {
      [`PATCH ${STORE_PATH}`]: { body: { ...STORE, currency: 'EUR' } },
    });

    const currency = await screen.findByRole('combobox', { name: 'Currency' });
    expect(currency).toHaveValue('USD — US Dollar');
    await userEvent.click(currency);
    await userEvent.click(await screen.findByRole('option', { name: 'EUR — Euro' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Store settings saved.')).toBeInTheDocument();
    expect(requestsTo(requests, 'PATCH', STORE_PATH)[0]?.body).toEqual({ currency: 'EUR' });
    await waitFor(() => expect(requestsTo(requests, 'GET', '/api/v1/me/')).toHaveLength(2));
  });

  it('shows the slug but never sends it', async () => {
    const { requests } = renderSettings('owner', {
      [`PATCH ${STORE_PATH}`]: { body: { ...STORE, name: 'Alpine Goods' } },
    });

    expect(await screen.findByRole('textbox', { name: 'Store address' })).toHaveValue('demo');
    expect(screen.getByRole('textbox', { name: 'Store address' })).toBeDisabled();
    const name = screen.getByRole('textbox', { name: 'Store name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Alpine Goods');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(requestsTo(requests, 'PATCH', STORE_PATH)[0]?.body).toEqual({ name: 'Alpine Goods' }));
  });

  it('shows a server field error under its field', async () => {
    renderSettings('owner', {
      [`PATCH ${STORE_PATH}`]: {
        status: 400,
        body: { code: 'name_length', detail: 'The store name can be at most 100 characters.', field: 'name' },
      },
    });

    const name = await screen.findByRole('textbox', { name: 'Store name' });
    await userEvent.type(name, '!');
    await userEvent.click(screen.getByRole('button', { name: 'Save settings' }));

    await waitFor(() =>
      expect(name).toHaveAccessibleDescription(expect.stringContaining('The store name can be at most 100 characters.')),
    );
  });

  it('is read-only below admin', async () => {
    renderSettings('editor');

    expect(await screen.findByRole('textbox', { name: 'Store name' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Currency' })).toBeDisabled();
    expect(screen.getByText('Only owners and admins can change the store’s settings.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
  });

  it('is in the main navigation, next to Team', async () => {
    renderSettings('viewer');

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const labels = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(labels.indexOf('Settings')).toBe(labels.indexOf('Team') + 1);
    expect(within(nav).getByRole('link', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  });
});
