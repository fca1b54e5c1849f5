from __future__ import annotations

from django.db.models import QuerySet

from apps.accounts.models import ApiKey, Invitation, Membership, User
from apps.tenants.models import Tenant


def membership_get(*, user: User, tenant: Tenant) -> Membership | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.select_related("user", "tenant").filter(user=user, tenant=tenant).first()
    )


def membership_list_for_user(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.select_related("tenant")
        .filter(user=user)
        .exclude(tenant__schema_name="public")
        .order_by("tenant__name")
    )


def member_list(*, tenant: Tenant) -> QuerySet[Membership]:
    return Membership.objects.select_related("user").filter(tenant=tenant).order_by("created_at")


def member_get(*, tenant: Tenant, membership_id: int) -> Membership | None:
    return member_list(tenant=tenant).filter(pk=membership_id).first()


def invitation_list(*, tenant: Tenant) -> QuerySet[Invitation]:
    return Invitation.objects.select_related("invited_by").filter(tenant=tenant)


def invitation_get(*, tenant: Tenant, invitation_id: int) -> Invitation | None:
    return invitation_list(tenant=tenant).filter(pk=invitation_id).first()


def invitation_list_pending_for_user(*, user: User) -> list[Invitation]:
    """Open invitations addressed to one of the user's verified email addresses."""
    from allauth.account.models import EmailAddress

    emails = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    candidates = Invitation.objects.select_related("tenant", "invited_by").filter(
        email__in=[email.lower() for email in emails],
        accepted_at__isnull=True,
        revoked_at__isnull=True,
    )
    return [
        invitation for invitation in candidates if invitation.status == Invitation.Status.PENDING
    ]


def api_key_list(*, tenant: Tenant) -> QuerySet[ApiKey]:
    return ApiKey.objects.select_related("created_by").filter(tenant=tenant)


def api_key_get(*, tenant: Tenant, key_id: int) -> ApiKey | None:
    return api_key_list(tenant=tenant).filter(pk=key_id).first()
