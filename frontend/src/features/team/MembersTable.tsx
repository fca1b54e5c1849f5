import { Badge, Button, Group, Select } from '@mantine/core';
import { confirmDestructive } from '../../shared/confirm';
import { formatDateTime } from '../../shared/format';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { RoleBadge, roleOptions, type Role } from '../../shared/roles';
import { assignableRoles, canManage, canManageMember } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { useMembers, useRemoveMember, useUpdateMemberRole, type Member } from './hooks';

export function MembersTable() {
  const { role: actorRole, user, tenant } = useSession();
  const members = useMembers();
  const updateRole = useUpdateMemberRole();
  const removeMember = useRemoveMember();

  const confirmRemove = (member: Member) =>
    confirmDestructive({
      title: 'Remove member',
      message: `Remove ${member.user.email} from ${tenant.name}? They will lose access immediately.`,
      confirmLabel: 'Remove',
      onConfirm: () => removeMember.mutate(member),
    });

  const columns: Column<Member>[] = [
    { header: 'Email', cell: (member) => member.user.email },
    {
      header: 'Name',
      cell: (member) => (
        <Group gap="xs">
          {member.user.name || '—'}
          {member.user.id === user.id && (
            <Badge size="xs" variant="outline">
              you
            </Badge>
          )}
        </Group>
      ),
    },
    {
      header: 'Role',
      cell: (member) =>
        canManageMember(actorRole, member.role) ? (
          <Select<Role>
            aria-label={`Role for ${member.user.email}`}
            data={roleOptions(assignableRoles(actorRole))}
            value={member.role}
            allowDeselect={false}
            disabled={updateRole.isPending}
            onChange={(role) => {
              if (role && role !== member.role) updateRole.mutate({ member, role });
            }}
            w={130}
          />
        ) : (
          <RoleBadge role={member.role} />
        ),
    },
    { header: 'Joined', cell: (member) => formatDateTime(member.created_at) },
  ];

  if (canManage(actorRole)) {
    columns.push({
      header: 'Actions',
      cell: (member) =>
        canManageMember(actorRole, member.role) && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={`Remove ${member.user.email}`}
            loading={removeMember.isPending && removeMember.variables.id === member.id}
            onClick={() => confirmRemove(member)}
          >
            Remove
          </Button>
        ),
    });
  }

  return <PaginatedTable label="Members" list={members} columns={columns} emptyMessage="No members yet." />;
}
