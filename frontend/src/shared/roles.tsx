import { Badge, type ComboboxItem } from '@mantine/core';
import type { Schema } from '../api/client';
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

const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  editor: 'Editor',
  viewer: 'Viewer',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={ROLE_COLORS[role]} variant="light">
      {ROLE_LABELS[role]}
    </Badge>
  );
}

/** Options for a role Select. */
export function roleOptions(roles: Role[]): ComboboxItem<Role>[] {
  return roles.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
}
