import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { goTo } from '../shared/navigation';
import { requestsTo } from '../test/fetchMock';
import { me } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

vi.mock('../shared/navigation', () => ({ goTo: vi.fn() }));

describe('App shell', () => {
  it('shows a loader, then the store, role and overview', async () => {
    renderApp('/', { 'GET /api/v1/me/': { body: me('editor') }, 'GET /api/v1/onboarding/': { body: { steps: [] } } });

    expect(screen.getByLabelText('Loading your store')).toBeInTheDocument();
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('button', { name: /Switch store/ })).toHaveTextContent('Demo StoreEditor');
    expect(within(nav).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');

    const details = screen.getByLabelText('Store details');
    expect(details).toHaveTextContent('Slugdemo');
    expect(details).toHaveTextContent('Statusactive');
    expect(details).toHaveTextContent('Your roleEditor');
  });

  it('links to the other stores from the store switcher', async () => {
    renderApp('/', { 'GET /api/v1/me/': { body: me('owner') } });

    await userEvent.click(await screen.findByRole('button', { name: /Switch store/ }));

    expect(screen.getByRole('menuitem', { name: /Other Shop/ })).toHaveAttribute('href', 'http://other.localhost:8000/app/');
    expect(screen.getByRole('menuitem', { name: /Demo Store/ })).toBeDisabled();
  });

  it('logs out with the CSRF token, then goes to the login page', async () => {
    document.cookie = 'csrftoken=abc';
    const { requests } = renderApp('/', {
      'GET /api/v1/me/': { body: me('viewer') },
      'POST /accounts/logout/': { status: 200 },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Account menu for ann@example.com' }));
    await userEvent.click(screen.getByRole('menuitem', { name: 'Log out' }));

    await waitFor(() => expect(goTo).toHaveBeenCalledWith('/accounts/login/'));
    const [logout] = requestsTo(requests, 'POST', '/accounts/logout/');
    expect(logout?.headers.get('X-CSRFToken')).toBe('abc');
  });

  it('renders the not-found page for unknown paths', async () => {
    renderApp('/nope', { 'GET /api/v1/me/': { body: me('owner') } });

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to overview' })).toHaveAttribute('href', '/app');
  });

  it('asks to sign in again when the session has ended', async () => {
    renderApp('/', {
      'GET /api/v1/me/': {
        status: 403,
        body: { code: 'not_authenticated', detail: 'Authentication credentials were not provided.' },
      },
    });

    expect(await screen.findByRole('heading', { name: 'Your session has ended' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/accounts/login/');
  });
});
