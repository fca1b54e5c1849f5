import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Invitation } from './hooks';
import { requestsTo } from '../../test/fetchMock';
import { me, member, page } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';

const MEMBERS = [
  member(1, 'ann@example.com', 'owner', 'Ann'),
  member(2, 'bob@example.com', 'editor', 'Bob'),
  member(3, 'cat@example.com', 'owner', 'Cat'),
];

const INVITATION: Invitation = {
  id: 3,
  email: 'dan@example.com',
  role: 'viewer',
  invited_by: 'ann@example.com',
  created_at: '2025-01-15T10:00:00Z',
  expires_at: '2025-01-22T10:00:00Z',
  status: 'pending',
};

function renderTeam(role: Parameters<typeof me>[0], extra = {}) {
  return renderApp('/team', {
    'GET /api/v1/me/': { body: me(role) },
    'GET /api/v1/members/': { body: page(MEMBERS) },
    'GET /api/v1/invitations/': { body: page([INVITATION]) },
    ...extra,
  });
}

describe('Team screen', () => {
  it('lists members and lets an owner change roles, remove members and invite', async () => {
    renderTeam('owner');

    const table = await screen.findByRole('table', { name: 'Members' });
    expect(within(table).getByText('bob@example.com')).toBeInTheDocument();
    expect(within(table).getByText('Bob')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Role for bob@example.com' })).toHaveValue('Editor');
    expect(screen.getByRole('button', { name: 'Remove bob@example.com' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Invite' })).toBeInTheDocument();
    expect(await screen.findByRole('table', { name: 'Invitations' })).toHaveTextContent('dan@example.com');
  });

  it('shows a read-only view to a viewer', async () => {
    const { requests } = renderTeam('viewer');

    const table = await screen.findByRole('table', { name: 'Members' });
    expect(within(table).getByText('bob@example.com')).toBeInTheDocument();
    expect(within(table).getAllByText('Owner')).toHaveLength(2);
    expect(screen.queryByRole('combobox', { name: /^Role for/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Invite' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Invitations' })).not.toBeInTheDocument();
    expect(requestsTo(requests, 'GET', '/api/v1/invitations/')).toHaveLength(0);
  });

  it('does not let an admin change or remove an owner', async () => {
    renderTeam('admin');

    await screen.findByRole('table', { name: 'Members' });
    expect(screen.queryByRole('combobox', { name: 'Role for cat@example.com' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove cat@example.com' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('combobox', { name: 'Role for bob@example.com' }));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Admin', 'Editor', 'Viewer']);
  });

  it('changes a role with PATCH', async () => {
    const { requests } = renderTeam('owner', {
      'PATCH /api/v1/members/2/': { body: { ...MEMBERS[1], role: 'viewer' } },
    });

    await userEvent.click(await screen.findByRole('combobox', { name: 'Role for bob@example.com' }));
    await userEvent.click(within(screen.getByRole('listbox')).getByRole('option', { name: 'Viewer' }));

    await waitFor(() => expect(requestsTo(requests, 'PATCH', '/api/v1/members/2/')).toHaveLength(1));
    expect(requestsTo(requests, 'PATCH', '/api/v1/members/2/')[0]?.body).toEqual({ role: 'viewer' });
    expect(await screen.findByText('bob@example.com is now Viewer.')).toBeInTheDocument();
  });

  it('shows the server error when removing the last owner fails', async () => {
    const { requests } = renderTeam('owner', {
      'DELETE /api/v1/members/1/': {
        status: 400,
        body: { code: 'last_owner', detail: 'A store needs at least one owner.' },
      },
    });

    await userEvent.click(await screen.findByRole('button', { name: 'Remove ann@example.com' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));

    expect(await screen.findByText('A store needs at least one owner.')).toBeInTheDocument();
    expect(requestsTo(requests, 'DELETE', '/api/v1/members/1/')).toHaveLength(1);
  });

  it('asks before removing a member and does nothing on cancel', async () => {
    const { requests } = renderTeam('owner', { 'DELETE /api/v1/members/2/': { status: 204 } });

    await userEvent.click(await screen.findByRole('button', { name: 'Remove bob@example.com' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent('Remove bob@example.com from Demo Store?');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requestsTo(requests, 'DELETE', '/api/v1/members/2/')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Remove bob@example.com' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(requestsTo(requests, 'DELETE', '/api/v1/members/2/')).toHaveLength(1));
  });

  it('revokes a pending invitation after confirmation', async () => {
    const { requests } = renderTeam('owner', { 'DELETE /api/v1/invitations/3/': { status: 204 } });

    await userEvent.click(await screen.findByRole('button', { name: 'Revoke invitation for dan@example.com' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Revoke' }));

    await waitFor(() => expect(requestsTo(requests, 'DELETE', '/api/v1/invitations/3/')).toHaveLength(1));
    expect(await screen.findByText('Invitation for dan@example.com revoked.')).toBeInTheDocument();
  });
});

describe('Invite modal', () => {
  async function openInvite(extra = {}) {
    const rendered = renderTeam('owner', extra);
    await userEvent.click(await screen.findByRole('button', { name: 'Invite' }));
    return { ...rendered, dialog: screen.getByRole('dialog', { name: 'Invite a team member' }) };
  }

  it('shows a server field error under the field', async () => {
    const { dialog, requests } = await openInvite({
      'POST /api/v1/invitations/': {
        status: 400,
        body: { code: 'already_member', detail: 'bob@example.com is already a member.', field: 'email' },
      },
    });

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'bob@example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    const email = within(dialog).getByRole('textbox', { name: 'Email' });
    await waitFor(() => expect(email).toHaveAccessibleDescription('bob@example.com is already a member.'));
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(requestsTo(requests, 'POST', '/api/v1/invitations/')[0]?.body).toEqual({
      email: 'bob@example.com',
      role: 'editor',
    });
    expect(screen.getByRole('dialog', { name: 'Invite a team member' })).toBeInTheDocument();
  });

  it('shows an error that names no field above the form', async () => {
    const { dialog } = await openInvite({
      'POST /api/v1/invitations/': { status: 429, body: { code: 'throttled', detail: 'Too many invitations.' } },
    });

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'eve@example.com');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Too many invitations.');
  });

  it('validates the email before sending', async () => {
    const { dialog, requests } = await openInvite();

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'not-an-email');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(await within(dialog).findByText('Enter a valid email address.')).toBeInTheDocument();
    expect(requestsTo(requests, 'POST', '/api/v1/invitations/')).toHaveLength(0);
  });

  it('sends the invitation, closes and refreshes the list', async () => {
    const { dialog, requests } = await openInvite({
      'POST /api/v1/invitations/': { status: 201, body: { ...INVITATION, id: 4, email: 'eve@example.com' } },
    });

    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'eve@example.com');
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Role' }));
    await userEvent.click(screen.getByRole('option', { name: 'Admin' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));

    expect(await screen.findByText('Invitation sent to eve@example.com.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(requestsTo(requests, 'POST', '/api/v1/invitations/')[0]?.body).toEqual({ email: 'eve@example.com', role: 'admin' });
    expect(requestsTo(requests, 'GET', '/api/v1/invitations/')).toHaveLength(2);
  });
});
