from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from apps.accounts.principals import request_role
from apps.accounts.roles import Role, role_at_least


class IsTenantMember(BasePermission):
    """The caller belongs to the request's store (any role). Default for the API."""

    message = _("You are not a member of this store.")
    code = "not_a_member"
    minimum_role: str = Role.VIEWER

    def has_permission(self, request: Request, view: Any) -> bool:
        role = request_role(request)
        if role is None:
            return False
        if not role_at_least(role, self.minimum_role):
            self.message = _("Your role in this store does not allow this.")
            self.code = "insufficient_role"
            return False
        return True


class IsEditor(IsTenantMember):
    minimum_role = Role.EDITOR


class IsAdmin(IsTenantMember):
    minimum_role = Role.ADMIN


class IsOwner(IsTenantMember):
    minimum_role = Role.OWNER


class ReadForMembersWriteForAdmins(IsTenantMember):
    write_role: str = Role.ADMIN

    def has_permission(self, request: Request, view: Any) -> bool:
        is_read = request.method in ("GET", "HEAD", "OPTIONS")
        self.minimum_role = Role.VIEWER if is_read else self.write_role
        return super().has_permission(request, view)


class ReadForMembersWriteForEditors(ReadForMembersWriteForAdmins):
    write_role = Role.EDITOR
