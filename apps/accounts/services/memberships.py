from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from apps.accounts.models import Membership, User
from apps.accounts.roles import Role, role_at_least
from apps.audit.models import AuditAction
from apps.audit.services import audit_record
from apps.core.tenancy.channels import CLOSE_FORBIDDEN
from apps.core.tenancy.revocation import access_revoke, member_sockets_group
from apps.tenants.models import Tenant
from apps.tenants.services import tenant_provision


def membership_create(*, user: User, tenant: Tenant, role: str) -> Membership:
    membership, _created = Membership.objects.get_or_create(
        user=user, tenant=tenant, defaults={"role": Role(role)}
    )
    return membership


def store_create(*, user: User, name: str, slug: str) -> Tenant:
    """Self-service signup: provision the store and make `user` its owner, all or nothing."""
    with transaction.atomic():
        tenant = tenant_provision(name=name, slug=slug)
        membership_create(user=user, tenant=tenant, role=Role.OWNER)
    return tenant


def team_manage_check(*, actor: Membership, target_role: str, new_role: str | None = None) -> None:
    if not role_at_least(actor.role, Role.ADMIN):
        raise PermissionDenied(_("Only owners and admins can manage the team."))
    touches_owner = Role.OWNER in (target_role, new_role)
    if touches_owner and actor.role != Role.OWNER:
        raise PermissionDenied(_("Only an owner can grant or change the owner role."))


def _check_not_last_owner(membership: Membership) -> None:
    if membership.role != Role.OWNER:
        return
    owners = Membership.objects.select_for_update().filter(
        tenant=membership.tenant_id, role=Role.OWNER
    )
    if len(owners) <= 1:
        raise ValidationError(
            _("A store needs at least one owner. Make someone else an owner first."),
            code="last_owner",
        )


@transaction.atomic
def membership_role_change(*, actor: Membership, membership: Membership, role: str) -> Membership:
    """Once committed, the member's open sockets in the store re-check their access."""
    new_role = Role(role)
    team_manage_check(actor=actor, target_role=membership.role, new_role=new_role)
    if new_role != Role.OWNER:
        _check_not_last_owner(membership)
    previous = membership.role
    membership.role = new_role
    membership.save(update_fields=["role"])
    access_revoke(
        group=member_sockets_group(membership.tenant, user_id=membership.user_id),
        code=CLOSE_FORBIDDEN,
        reason="role_changed",
        recheck=True,
    )
    audit_record(
        action=AuditAction.MEMBER_ROLE_CHANGED,
        actor=actor.user,
        target=membership.user.email,
        data={"from": previous, "to": new_role},
    )
    return membership


@transaction.atomic
def membership_remove(*, actor: Membership, membership: Membership) -> None:
    """Once committed, the removed member's open sockets in the store close (4403)."""
    if actor.pk != membership.pk:
        team_manage_check(actor=actor, target_role=membership.role)
    _check_not_last_owner(membership)
    email = membership.user.email
    access_revoke(
        group=member_sockets_group(membership.tenant, user_id=membership.user_id),
        code=CLOSE_FORBIDDEN,
        reason="member_removed",
    )
    membership.delete()
    audit_record(
        action=AuditAction.MEMBER_REMOVED,
        actor=actor.user,
        target=email,
        data={"role": membership.role},
    )
