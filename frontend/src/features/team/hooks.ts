import { api, type Schema } from '../../api/client';
import { i18n } from '../../i18n';
import { useApiMutation } from '../../shared/useApiMutation';
import { usePaginatedQuery } from '../../shared/usePaginatedQuery';
import { roleLabel } from '../../shared/roles';
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
    successMessage: (updated) =>
      i18n.t('team:notify.roleChanged', { email: updated.user.email, role: roleLabel(updated.role) }),
  });
}

export function useRemoveMember() {
  return useApiMutation({
    mutationFn: (member: Member) => api.delete('/members/{member_id}/', { params: { member_id: member.id } }),
    invalidates: [MEMBERS],
    successMessage: (_, member) => i18n.t('team:notify.removed', { email: member.user.email }),
  });
}

export function useInvitations() {
  return usePaginatedQuery([INVITATIONS], (query) => api.get('/invitations/', { query }));
}

export function useCreateInvitation() {
  return useApiMutation({
    mutationFn: (input: InvitationInput) => api.post('/invitations/', { body: input }),
    invalidates: [INVITATIONS],
    successMessage: (invitation) => i18n.t('team:notify.invited', { email: invitation.email }),
    notifyOnError: false,
  });
}

export function useRevokeInvitation() {
  return useApiMutation({
    mutationFn: (invitation: Invitation) =>
      api.delete('/invitations/{invitation_id}/', { params: { invitation_id: invitation.id } }),
    invalidates: [INVITATIONS],
    successMessage: (_, invitation) => i18n.t('team:notify.invitationRevoked', { email: invitation.email }),
  });
}
