from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from apps.accounts import tokens
from apps.accounts.models import Invitation, Membership, User
from apps.accounts.roles import Role
from apps.accounts.selectors import invitation_list_pending_for_user
from apps.accounts.services.memberships import membership_create, team_manage_check
from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.tenants.selectors import host_url


class InvitationUnusable(Exception):
    """The token is unknown, expired, revoked or already used; `code` says which."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def invitation_accept_url(token: str) -> str:
    return host_url(path=f"/invitations/{token}/")


def _send_invitation_email(*, invitation: Invitation, token: str) -> None:
    context = {
        "store": invitation.tenant.name,
        "role": invitation.get_role_display(),
        "inviter": invitation.invited_by.email if invitation.invited_by else "",
        "url": invitation_accept_url(token),
        "expires_at": invitation.expires_at,
    }
    send_mail(
        subject=_("You're invited to %(store)s on Aisle") % {"store": invitation.tenant.name},
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


@transaction.atomic
def invitation_create(*, actor: Membership, email: str, role: str) -> tuple[Invitation, str]:
    """Invite `email` to the actor's store. Re-inviting replaces the open invitation.
    The email is sent after commit; the raw token is returned once and never stored."""
    team_manage_check(actor=actor, target_role=Role(role), new_role=Role(role))
    email = User.objects.normalize_email(email).lower()
    tenant = actor.tenant
    if Membership.objects.filter(tenant=tenant, user__email__iexact=email).exists():
        raise ValidationError(
            _("%(email)s is already a member of this store.") % {"email": email},
            code="already_member",
        )
    now = timezone.now()
    Invitation.objects.filter(
        tenant=tenant, email=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    token = tokens.new_secret()
    invitation = Invitation.objects.create(
        tenant=tenant,
        email=email,
        role=Role(role),
        token_hash=tokens.digest(token),
        invited_by=actor.user,
        expires_at=now + timedelta(days=settings.INVITATION_TTL_DAYS),
    )
    audit_record(
        action=AuditAction.INVITATION_CREATED, actor=actor.user, target=email, data={"role": role}
    )
    transaction.on_commit(lambda: _send_invitation_email(invitation=invitation, token=token))
    return invitation, token


@transaction.atomic
def invitation_revoke(*, actor: Membership, invitation: Invitation) -> Invitation:
    team_manage_check(actor=actor, target_role=invitation.role)
    if invitation.status == Invitation.Status.PENDING:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_record(
            action=AuditAction.INVITATION_REVOKED, actor=actor.user, target=invitation.email
        )
    return invitation


def invitation_get_usable(*, token: str) -> Invitation:
    invitation = (
        Invitation.objects.select_related("tenant", "invited_by")
        .filter(token_hash=tokens.digest(token))
        .first()
    )
    if invitation is None:
        raise InvitationUnusable("invalid_token", _("This invitation link is not valid."))
    status = invitation.status
    if status == Invitation.Status.ACCEPTED:
        raise InvitationUnusable("already_used", _("This invitation has already been used."))
    if status == Invitation.Status.REVOKED:
        raise InvitationUnusable("revoked", _("This invitation was withdrawn by the store."))
    if status == Invitation.Status.EXPIRED:
        raise InvitationUnusable(
            "expired", _("This invitation has expired. Ask the store for a new one.")
        )
    return invitation


def _accept(*, invitation: Invitation, user: User) -> Membership:
    membership = membership_create(user=user, tenant=invitation.tenant, role=invitation.role)
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def invitation_accept_pending(*, invitation_id: int, user: User) -> Membership:
    """Accept from the store picker: the invitation must be pending and addressed to one of the
    user's verified emails (which proves ownership as well as the emailed token does)."""
    if invitation_id not in {i.pk for i in invitation_list_pending_for_user(user=user)}:
        raise InvitationUnusable("not_found", _("This invitation is not open for your account."))
    invitation = (
        Invitation.objects.select_for_update().select_related("tenant").get(pk=invitation_id)
    )
    if invitation.status != Invitation.Status.PENDING:
        raise InvitationUnusable("already_used", _("This invitation has already been used."))
    return _accept(invitation=invitation, user=user)


@transaction.atomic
def invitation_accept(*, token: str, user: User) -> Membership:
    invitation = invitation_get_usable(token=token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_get_usable(token=token)  # re-check under the row lock: tokens are single-use
    if user.email.lower() != invitation.email.lower():
        raise PermissionDenied(
            _("This invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email}
        )
    return _accept(invitation=invitation, user=user)
