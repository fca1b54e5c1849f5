import { Badge, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('team');
  const invitations = useInvitations();
  const revoke = useRevokeInvitation();

  const confirmRevoke = (invitation: Invitation) =>
    confirmDestructive({
      title: t('confirmRevoke.title'),
      message: t('confirmRevoke.message', { email: invitation.email }),
      confirmLabel: t('revoke'),
      onConfirm: () => revoke.mutate(invitation),
    });

  const columns: Column<Invitation>[] = [
    { header: t('column.email'), cell: (invitation) => invitation.email },
    { header: t('column.role'), cell: (invitation) => <RoleBadge role={invitation.role} /> },
    { header: t('column.invitedBy'), cell: (invitation) => invitation.invited_by },
    { header: t('column.sent'), cell: (invitation) => formatDateTime(invitation.created_at) },
    { header: t('column.expires'), cell: (invitation) => formatDateTime(invitation.expires_at) },
    {
      header: t('column.status'),
      cell: (invitation) => (
        <Badge color={STATUS_COLORS[invitation.status]} variant="light">
          {t(`invitationStatus.${invitation.status}`)}
        </Badge>
      ),
    },
    {
      header: t('column.actions'),
      cell: (invitation) =>
        invitation.status === 'pending' && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={t('revokeInvitationFor', { email: invitation.email })}
            loading={revoke.isPending && revoke.variables.id === invitation.id}
            onClick={() => confirmRevoke(invitation)}
          >
            {t('revoke')}
          </Button>
        ),
    },
  ];

  return (
    <PaginatedTable label={t('invitations')} list={invitations} columns={columns} emptyMessage={t('noInvitations')} />
  );
}
