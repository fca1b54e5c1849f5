import { ROLES, type Role } from '../../shared/roles';

/** Owners and admins manage the team, invitations and API keys. */
export function canManage(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

/** Owners, admins and editors edit content such as knowledge sources; viewers only look. */
export function canEditContent(role: Role): boolean {
  return role !== 'viewer';
}

/** Roles `actor` may grant: only an owner may grant the owner role. */
export function assignableRoles(actor: Role): Role[] {
  if (!canManage(actor)) return [];
  return actor === 'owner' ? [...ROLES] : ROLES.filter((role) => role !== 'owner');
}

/** Whether `actor` may change the role of, or remove, a member whose role is `target`. */
export function canManageMember(actor: Role, target: Role): boolean {
  return canManage(actor) && (target !== 'owner' || actor === 'owner');
}

/** Roles an API key may be created with: never owner. */
export function apiKeyRoles(actor: Role): Role[] {
  return assignableRoles(actor).filter((role) => role !== 'owner');
}
