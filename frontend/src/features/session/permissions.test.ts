import { describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles';
import { apiKeyRoles, assignableRoles, canEditContent, canManage, canManageMember } from './permissions';

describe('permissions', () => {
  it('lets only owners and admins manage', () => {
    expect(ROLES.filter(canManage)).toEqual(['owner', 'admin']);
  });

  it('lets everyone but viewers edit content', () => {
    expect(ROLES.filter(canEditContent)).toEqual(['owner', 'admin', 'editor']);
  });

  it('lets only an owner grant the owner role', () => {
    expect(assignableRoles('owner')).toEqual(['owner', 'admin', 'editor', 'viewer']);
    expect(assignableRoles('admin')).toEqual(['admin', 'editor', 'viewer']);
    expect(assignableRoles('editor')).toEqual([]);
  });

  it('lets only an owner act on an owner', () => {
    expect(canManageMember('owner', 'owner')).toBe(true);
    expect(canManageMember('admin', 'owner')).toBe(false);
    expect(canManageMember('admin', 'editor')).toBe(true);
    expect(canManageMember('editor', 'viewer')).toBe(false);
  });

  it('never offers owner for an API key', () => {
    expect(apiKeyRoles('owner')).toEqual(['admin', 'editor', 'viewer']);
    expect(apiKeyRoles('viewer')).toEqual([]);
  });
});
