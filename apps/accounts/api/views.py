from __future__ import annotations

from typing import Any

from django.http import Http404
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
    def get(self, request: Request) -> Response:
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
            "tenant": request.tenant,  # type: ignore[attr-defined]
            "role": request_role(request),
            "stores": stores,
        }
        return Response(s.MeOutput(data).data)


class MemberListView(GenericAPIView):
    permission_classes = [IsTenantMember]
    serializer_class = s.MemberOutput

    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(member_list(tenant=request.tenant))  # type: ignore[attr-defined]
        return self.get_paginated_response(s.MemberOutput(page, many=True).data)


class MemberDetailView(GenericAPIView):
    permission_classes = [ReadForMembersWriteForAdmins]

    def _member(self, request: Request, member_id: int) -> Membership:
        member = member_get(tenant=request.tenant, membership_id=member_id)  # type: ignore[attr-defined]
        if member is None:
            raise Http404
        return member

    @extend_schema(responses=s.MemberOutput)
    def get(self, request: Request, member_id: int) -> Response:
        return Response(s.MemberOutput(self._member(request, member_id)).data)

    @extend_schema(request=s.MemberUpdateInput, responses=s.MemberOutput)
    def patch(self, request: Request, member_id: int) -> Response:
        payload = s.MemberUpdateInput(data=request.data)
        payload.is_valid(raise_exception=True)
        member = membership_role_change(
            actor=_actor(request),
            membership=self._member(request, member_id),
            **payload.validated_data,
        )
        return Response(s.MemberOutput(member).data)

    def delete(self, request: Request, member_id: int) -> Response:
        membership_remove(actor=_actor(request), membership=self._member(request, member_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class InvitationListView(GenericAPIView):
    permission_classes = [IsAdmin]
    serializer_class = s.InvitationOutput

    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(invitation_list(tenant=request.tenant))  # type: ignore[attr-defined]
        return self.get_paginated_response(s.InvitationOutput(page, many=True).data)

    @extend_schema(request=s.InvitationCreateInput, responses={201: s.InvitationOutput})
    def post(self, request: Request) -> Response:
        payload = s.InvitationCreateInput(data=request.data)
        payload.is_valid(raise_exception=True)
        invitation, _token = invitation_create(actor=_actor(request), **payload.validated_data)
        return Response(s.InvitationOutput(invitation).data, status=status.HTTP_201_CREATED)


class InvitationDetailView(GenericAPIView):
    permission_classes = [IsAdmin]

    def delete(self, request: Request, invitation_id: int) -> Response:
        invitation = invitation_get(tenant=request.tenant, invitation_id=invitation_id)  # type: ignore[attr-defined]
        if invitation is None:
            raise Http404
        invitation_revoke(actor=_actor(request), invitation=invitation)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ApiKeyListView(GenericAPIView):
    permission_classes = [IsAdmin]
    serializer_class = s.ApiKeyOutput

    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(api_key_list(tenant=request.tenant))  # type: ignore[attr-defined]
        return self.get_paginated_response(s.ApiKeyOutput(page, many=True).data)

    @extend_schema(request=s.ApiKeyCreateInput, responses={201: s.ApiKeyCreatedOutput})
    def post(self, request: Request) -> Response:
        payload = s.ApiKeyCreateInput(data=request.data)
        payload.is_valid(raise_exception=True)
        key, raw = api_key_create(actor=_actor(request), **payload.validated_data)
        key.key = raw  # type: ignore[attr-defined]
        return Response(s.ApiKeyCreatedOutput(key).data, status=status.HTTP_201_CREATED)


class ApiKeyDetailView(GenericAPIView):
    permission_classes = [IsAdmin]

    def delete(self, request: Request, key_id: int) -> Response:
        key = api_key_get(tenant=request.tenant, key_id=key_id)  # type: ignore[attr-defined]
        if key is None:
            raise Http404
        api_key_revoke(actor=_actor(request), key=key)
        return Response(status=status.HTTP_204_NO_CONTENT)
