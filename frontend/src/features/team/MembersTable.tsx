import { Badge, Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { confirmDestructive } from '../../shared/confirm';
import { formatDateTime } from '../../shared/format';
import { PaginatedTable, type Column } from '../../shared/PaginatedTable';
import { RoleBadge, roleOptions, type Role } from '../../shared/roles';
import { assignableRoles, canManage, canManageMember } from '../session/permissions';
import { useSession } from '../session/SessionContext';
import { useMembers, useRemoveMember, useUpdateMemberRole, type Member } from './hooks';

export function MembersTable() {
  const { t } = useTranslation('team');
  const { role: actorRole, user, tenant } = useSession();
  const members = useMembers();
  const updateRole = useUpdateMemberRole();
  const removeMember = useRemoveMember();

  const confirmRemove = (member: Member) =>
    confirmDestructive({
      title: t('confirmRemove.title'),
      message: t('confirmRemove.message', { email: member.user.email, store: tenant.name }),
      confirmLabel: t('remove'),
      onConfirm: () => removeMember.mutate(member),
    });

  const columns: Column<Member>[] = [
    { header: t('column.email'), cell: (member) => member.user.email },
    {
      header: t('column.name'),
      cell: (member) => (
        <Group gap="xs">
          {member.user.name || '—'}
          {member.user.id === user.id && (
            <Badge size="xs" variant="outline">
              {t('you')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      header: t('column.role'),
      cell: (member) =>
        canManageMember(actorRole, member.role) ? (
          <Select<Role>
            aria-label={t('roleFor', { email: member.user.email })}
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
    { header: t('column.joined'), cell: (member) => formatDateTime(member.created_at) },
  ];

  if (canManage(actorRole)) {
    columns.push({
      header: t('column.actions'),
      cell: (member) =>
        canManageMember(actorRole, member.role) && (
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={t('removeMember', { email: member.user.email })}
            loading={removeMember.isPending && removeMember.variables.id === member.id}
            onClick={() => confirmRemove(member)}
          >
            {t('remove')}
          </Button>
        ),
    });
  }

  return <PaginatedTable label={t('members')} list={members} columns={columns} emptyMessage={t('noMembers')} />;
}
