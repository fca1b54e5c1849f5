import { api, type Schema } from '../../api/client';
import { useApiMutation } from '../../shared/useApiMutation';
import { usePaginatedQuery } from '../../shared/usePaginatedQuery';
import { ME_QUERY_KEY } from '../session/useMeQuery';

export type Member = Schema<'MemberOutput'>;
export type Invitation = Schema<'InvitationOutput'>;
export type InvitationStatus = Schema<'InvitationStatusEnum'>;
export type InvitationInput = Schema<'InvitationCreateInputRequest'>;

const MEMBERS = 'members';
const INVITATIONS = 'invitations';

export function useMembers() {
  return usePaginatedQuery([MEMBERS], (query) => api.get('/members/', { query }));
}

export function useUpdateMemberRole() {
  return useApiMutation({
    mutationFn: ({ member, role }: { member: Member; role: Member['role'] }) =>
      api.patch('/members/{member_id}/', { params: { member_id: member.id }, body: { role } }),
    // The signed-in user's own role may be the one that changed.
    invalidates: [MEMBERS, ME_QUERY_KEY],
    successMessage: (updated) => `${updated.user.email} is now ${updated.role}.`,
  });
}

export function useRemoveMember() {
  return useApiMutation({
    mutationFn: (member: Member) => api.delete('/members/{member_id}/', { params: { member_id: member.id } }),
    invalidates: [MEMBERS],
    successMessage: (_, member) => `${member.user.email} was removed from the store.`,
  });
}

export function useInvitations() {
  return usePaginatedQuery([INVITATIONS], (query) => api.get('/invitations/', { query }));
}

export function useCreateInvitation() {
  return useApiMutation({
    mutationFn: (input: InvitationInput) => api.post('/invitations/', { body: input }),
    invalidates: [INVITATIONS],
    successMessage: (invitation) => `Invitation sent to ${invitation.email}.`,
    notifyOnError: false,
  });
}

export function useRevokeInvitation() {
  return useApiMutation({
    mutationFn: (invitation: Invitation) =>
      api.delete('/invitations/{invitation_id}/', { params: { invitation_id: invitation.id } }),
    invalidates: [INVITATIONS],
    successMessage: (_, invitation) => `Invitation for ${invitation.email} revoked.`,
  });
}
