from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from apps.accounts.api import serializers as s
from apps.accounts.models import Membership
from apps.accounts.permissions import IsAdmin, IsTenantMember, ReadForMembersWriteForAdmins
from apps.accounts.principals import ApiKeyPrincipal, request_membership, request_role
from apps.accounts.selectors import (
    api_key_get,
    api_key_list,
    invitation_get,
    invitation_list,
    member_get,
    member_list,
    membership_list_for_user,
)
from apps.accounts.services.api_keys import api_key_create, api_key_revoke
from apps.accounts.services.invitations import invitation_create, invitation_revoke
from apps.accounts.services.memberships import membership_remove, membership_role_change
from apps.core.api.views import found, paginated, validated
from apps.tenants.requests import StoreRequest
from apps.tenants.selectors import store_open_url


def _actor(request: Request) -> Membership:
    """Team actions need a person: API keys may read the team but not change it."""
    membership = request_membership(request)
    if membership is None:
        from rest_framework.exceptions import PermissionDenied

        raise PermissionDenied("Team changes need a signed-in member, not an API key.")
    return membership


class MeView(GenericAPIView):
    permission_classes = [IsTenantMember]

    @extend_schema(responses=s.MeOutput)
    def get(self, request: StoreRequest) -> Response:
        user: Any = request.user  # a User, or an ApiKeyPrincipal for API-key calls
        is_person = not isinstance(user, ApiKeyPrincipal)
        stores = [
            {
                "slug": m.tenant.slug,
                "name": m.tenant.name,
                "role": m.role,
                "url": store_open_url(tenant=m.tenant),
            }
            for m in (membership_list_for_user(user=user) if is_person else [])
        ]
        data = {
            "user": {"id": user.pk, "email": user.email, "name": user.name} if is_person else None,
            "tenant": request.tenant,
            "role": request_role(request),
            "stores": stores,
        }
        return Response(s.MeOutput(data).data)


class MemberListView(GenericAPIView):
    permission_classes = [IsTenantMember]
    serializer_class = s.MemberOutput

    @extend_schema(responses=s.MemberOutput(many=True))
    def get(self, request: StoreRequest) -> Response:
        return paginated(self, member_list(tenant=request.tenant), s.MemberOutput)


class MemberDetailView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]

    def _member(self, request: StoreRequest, member_id: int) -> Membership:
        return found(member_get(tenant=request.tenant, membership_id=member_id))

    @extend_schema(responses=s.MemberOutput)
    def get(self, request: StoreRequest, member_id: int) -> Response:
        return Response(s.MemberOutput(self._member(request, member_id)).data)

    @extend_schema(request=s.MemberUpdateInput, responses=s.MemberOutput)
    def patch(self, request: StoreRequest, member_id: int) -> Response:
        changes = validated(s.MemberUpdateInput, request.data)
        member = membership_role_change(
            actor=_actor(request), membership=self._member(request, member_id), **changes
        )
        return Response(s.MemberOutput(member).data)

    @extend_schema(responses={204: None})
    def delete(self, request: StoreRequest, member_id: int) -> Response:
        membership_remove(actor=_actor(request), membership=self._member(request, member_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class InvitationListView(GenericAPIView):
    permission_classes = [IsAdmin]
    serializer_class = s.InvitationOutput

    @extend_schema(responses=s.InvitationOutput(many=True))
    def get(self, request: StoreRequest) -> Response:
        return paginated(self, invitation_list(tenant=request.tenant), s.InvitationOutput)

    @extend_schema(request=s.InvitationCreateInput, responses={201: s.InvitationOutput})
    def post(self, request: StoreRequest) -> Response:
        fields = validated(s.InvitationCreateInput, request.data)
        invitation, _token = invitation_create(actor=_actor(request), **fields)
        return Response(s.InvitationOutput(invitation).data, status=status.HTTP_201_CREATED)


class InvitationDetailView(GenericAPIView):
    permission_classes = [IsAdmin]

    @extend_schema(responses={204: None})
    def delete(self, request: StoreRequest, invitation_id: int) -> Response:
        invitation = found(invitation_get(tenant=request.tenant, invitation_id=invitation_id))
        invitation_revoke(actor=_actor(request), invitation=invitation)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ApiKeyListView(GenericAPIView):
    permission_classes = [IsAdmin]
    serializer_class = s.ApiKeyOutput

    @extend_schema(responses=s.ApiKeyOutput(many=True))
    def get(self, request: StoreRequest) -> Response:
        return paginated(self, api_key_list(tenant=request.tenant), s.ApiKeyOutput)

    @extend_schema(request=s.ApiKeyCreateInput, responses={201: s.ApiKeyCreatedOutput})
    def post(self, request: StoreRequest) -> Response:
        fields = validated(s.ApiKeyCreateInput, request.data)
        key, raw = api_key_create(actor=_actor(request), **fields)
        key.key = raw  # type: ignore[attr-defined]
        return Response(s.ApiKeyCreatedOutput(key).data, status=status.HTTP_201_CREATED)


class ApiKeyDetailView(GenericAPIView):
    permission_classes = [IsAdmin]

    @extend_schema(responses={204: None})
    def delete(self, request: StoreRequest, key_id: int) -> Response:
        key = found(api_key_get(tenant=request.tenant, key_id=key_id))
        api_key_revoke(actor=_actor(request), key=key)
        return Response(status=status.HTTP_204_NO_CONTENT)
