import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from './hooks';
import { me, page } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

function event(id: number, action: string): AuditEvent {
  return {
    id,
    action,
    actor: 'ann@example.com',
    target: 'bob@example.com',
    data: { from: 'viewer', to: 'editor' },
    created_at: '2025-01-15T10:00:00Z',
  };
}

describe('Audit log screen', () => {
  it('lists events and pages through them', async () => {
    const { requests } = renderApp('/audit', {
      'GET /api/v1/me/': { body: me('admin') },
      'GET /api/v1/audit-events/?page=1': {
        body: page([event(1, 'member.role_changed'), event(2, 'invitation.created')], {
          count: 3,
          next: '/api/v1/audit-events/?page=2',
        }),
      },
      'GET /api/v1/audit-events/?page=2': {
        body: page([event(3, 'api_key.revoked')], { count: 3, previous: '/api/v1/audit-events/?page=1' }),
      },
    });

    const table = await screen.findByRole('table', { name: 'Audit events' });
    expect(within(table).getByText('member.role_changed')).toBeInTheDocument();
    expect(within(table).getAllByText('{"from":"viewer","to":"editor"}')).toHaveLength(2);
    const pager = screen.getByRole('navigation', { name: 'Audit events pages' });
    expect(within(pager).getAllByRole('button', { name: /^Page/ })).toHaveLength(2);
    expect(within(pager).getByRole('button', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');

    await userEvent.click(within(pager).getByRole('button', { name: 'Page 2' }));

    expect(await within(table).findByText('api_key.revoked')).toBeInTheDocument();
    expect(within(table).queryByText('member.role_changed')).not.toBeInTheDocument();
    expect(within(pager).getByRole('button', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    expect(requests.map((request) => request.url)).toContain('/api/v1/audit-events/?page=2');
  });

  it('shows the no-access state on 403', async () => {
    renderApp('/audit', {
      'GET /api/v1/me/': { body: me('viewer') },
      'GET /api/v1/audit-events/': {
        status: 403,
        body: { code: 'permission_denied', detail: 'You do not have permission to perform this action.' },
      },
    });

    expect(await screen.findByRole('heading', { name: "You don't have access" })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows the server detail for other errors', async () => {
    renderApp('/audit', {
      'GET /api/v1/me/': { body: me('owner') },
      'GET /api/v1/audit-events/': { status: 500, body: { code: 'server_error', detail: 'Audit storage is down.' } },
    });

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Audit storage is down.'));
  });
});
