import { Badge, type ComboboxItem } from '@mantine/core';
import type { Schema } from '../api/client';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';
import { roleEnumValues } from '../api/schema';

export type Role = Schema<'RoleEnum'>;
/** Every role, highest first. */
export const ROLES = roleEnumValues;

const ROLE_COLORS: Record<Role, string> = {
  owner: 'grape',
  admin: 'blue',
  editor: 'teal',
  viewer: 'gray',
};

/** The role's name in the interface's language. */
export function roleLabel(role: Role): string {
  return i18n.t(`common:role.${role}`);
}

export function RoleBadge({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <Badge color={ROLE_COLORS[role]} variant="light">
      {t(`role.${role}`)}
    </Badge>
  );
}

/** Options for a role Select. */
export function roleOptions(roles: Role[]): ComboboxItem<Role>[] {
  return roles.map((role) => ({ value: role, label: roleLabel(role) }));
}
