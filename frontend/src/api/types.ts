export const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Paginated<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

export interface User {
  id: number;
  email: string;
  name: string;
}

export interface Tenant {
  slug: string;
  name: string;
  status: string;
}

export interface StoreLink {
  slug: string;
  name: string;
  role: Role;
  url: string;
}

export interface Me {
  user: User;
  tenant: Tenant;
  role: Role;
  stores: StoreLink[];
}

export interface Member {
  id: number;
  user: User;
  role: Role;
  created_at: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export interface Invitation {
  id: number;
  email: string;
  role: Role;
  invited_by: string;
  created_at: string;
  expires_at: string;
  status: InvitationStatus;
}

export interface ApiKey {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Returned once, on creation: includes the full secret key. */
export interface CreatedApiKey extends ApiKey {
  key: string;
}

export interface AuditEvent {
  id: number;
  action: string;
  actor: string;
  target: string;
  data: Record<string, unknown>;
  created_at: string;
}
