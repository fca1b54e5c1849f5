import { apiFetch } from '../../api/client';
import type { Invitation, Member, Role } from '../../api/types';
import { useApiMutation } from '../../shared/useApiMutation';
import { usePaginatedQuery } from '../../shared/usePaginatedQuery';
import { ME_QUERY_KEY } from '../session/useMeQuery';

const MEMBERS = 'members';
const INVITATIONS = 'invitations';

export function useMembers() {
  return usePaginatedQuery<Member>(MEMBERS, '/members/');
}

export function useUpdateMemberRole() {
  return useApiMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) =>
      apiFetch<Member>(`/members/${member.id}/`, { method: 'PATCH', body: { role } }),
    // The signed-in user's own role may be the one that changed.
    invalidates: [MEMBERS, ME_QUERY_KEY],
    successMessage: (updated) => `${updated.user.email} is now ${updated.role}.`,
  });
}

export function useRemoveMember() {
  return useApiMutation({
    mutationFn: (member: Member) => apiFetch<void>(`/members/${member.id}/`, { method: 'DELETE' }),
    invalidates: [MEMBERS],
    successMessage: (_, member) => `${member.user.email} was removed from the store.`,
  });
}

export function useInvitations() {
  return usePaginatedQuery<Invitation>(INVITATIONS, '/invitations/');
}

export interface InvitationInput {
  email: string;
  role: Role;
}

export function useCreateInvitation() {
  return useApiMutation({
    mutationFn: (input: InvitationInput) => apiFetch<Invitation>('/invitations/', { method: 'POST', body: input }),
    invalidates: [INVITATIONS],
    successMessage: (invitation) => `Invitation sent to ${invitation.email}.`,
    notifyOnError: false,
  });
}

export function useRevokeInvitation() {
  return useApiMutation({
    mutationFn: (invitation: Invitation) => apiFetch<void>(`/invitations/${invitation.id}/`, { method: 'DELETE' }),
    invalidates: [INVITATIONS],
    successMessage: (_, invitation) => `Invitation for ${invitation.email} revoked.`,
  });
}
