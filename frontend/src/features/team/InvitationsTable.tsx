import { Badge, Button } from '@mantine/core';
import { confirmDestructive } from '../../shared/confirm';
import { formatDateTime } from '../../shared/format';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { RoleBadge } from '../../shared/roles';
import { useInvitations, useRevokeInvitation, type Invitation, type InvitationStatus } from './hooks';

const STATUS_COLORS: Record<InvitationStatus, string> = {
  pending: 'blue',
  accepted: 'green',
  expired: 'gray',
  revoked: 'red',
};

/** Shown to owners and admins only: the invitations API is theirs. */
export function InvitationsTable() {
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();

  const confirmRevoke = (invitation: Invitation) =>
    confirmDestructive({
      title: 'Revoke invitation',
      message: `Revoke the invitation for ${invitation.email}? The link in their email will stop working.`,
      confirmLabel: 'Revoke',
      onConfirm: () => revoke.mutate(invitation),
    });

  const columns: Column<Invitation>[] = [
    { header: 'Email', cell: (invitation) => invitation.email },
    { header: 'Role', cell: (invitation) => <RoleBadge role={invitation.role} /> },
    { header: 'Invited by', cell: (invitation) => invitation.invited_by },
    { header: 'Sent', cell: (invitation) => formatDateTime(invitation.created_at) },
    { header: 'Expires', cell: (invitation) => formatDateTime(invitation.expires_at) },
    {
      header: 'Status',
      cell: (invitation) => (
        <Badge color={STATUS_COLORS[invitation.status]} variant="light">
          {invitation.status}
        </Badge>
      ),
    },
    {
      header: 'Actions',
      cell: (invitation) =>
        invitation.status === 'pending' && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={`Revoke invitation for ${invitation.email}`}
            loading={revoke.isPending && revoke.variables.id === invitation.id}
            onClick={() => confirmRevoke(invitation)}
          >
            Revoke
          </Button>
        ),
    },
  ];

  return (
    <PaginatedTable label="Invitations" list={invitations} columns={columns} emptyMessage="No invitations yet." />
  );
}
