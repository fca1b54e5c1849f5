from __future__ import annotations

from rest_framework import serializers

from apps.accounts.models import ApiKey, Invitation, Membership
from apps.accounts.roles import Role
from apps.tenants.models import Tenant


class UserOutput(serializers.Serializer):
    id = serializers.IntegerField()
    email = serializers.EmailField()
    name = serializers.CharField()


class TenantOutput(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    status = serializers.ChoiceField(choices=Tenant.Status.choices)


class StoreOutput(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    role = serializers.ChoiceField(choices=Role.choices)
    url = serializers.URLField()


class MeOutput(serializers.Serializer):
    user = UserOutput(allow_null=True)
    tenant = TenantOutput()
    role = serializers.ChoiceField(choices=Role.choices)
    stores = StoreOutput(many=True)


class MemberOutput(serializers.ModelSerializer[Membership]):
    user = UserOutput()

    class Meta:
        model = Membership
        fields = ["id", "user", "role", "created_at"]
        read_only_fields = fields


class MemberUpdateInput(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)


class InvitationOutput(serializers.ModelSerializer[Invitation]):
    invited_by = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=Invitation.Status.choices, read_only=True)

    class Meta:
        model = Invitation
        fields = ["id", "email", "role", "invited_by", "created_at", "expires_at", "status"]
        read_only_fields = fields

    def get_invited_by(self, invitation: Invitation) -> str | None:
        return invitation.invited_by.email if invitation.invited_by else None


class InvitationCreateInput(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    role = serializers.ChoiceField(choices=Role.choices)


class ApiKeyOutput(serializers.ModelSerializer[ApiKey]):
    created_by = serializers.SerializerMethodField()

    class Meta:
        model = ApiKey
        fields = [
            "id",
            "name",
            "prefix",
            "role",
            "created_by",
            "created_at",
            "last_used_at",
            "revoked_at",
        ]
        # An output: every field is always present (the schema marks them required).
        read_only_fields = fields

    def get_created_by(self, key: ApiKey) -> str | None:
        return key.created_by.email if key.created_by else None


class ApiKeyCreatedOutput(ApiKeyOutput):
    key = serializers.CharField(read_only=True, help_text="The full key. Shown once; store it now.")

    class Meta(ApiKeyOutput.Meta):
        fields = [*ApiKeyOutput.Meta.fields, "key"]
        read_only_fields = fields


class ApiKeyCreateInput(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    role = serializers.ChoiceField(choices=[Role.ADMIN, Role.EDITOR, Role.VIEWER])
