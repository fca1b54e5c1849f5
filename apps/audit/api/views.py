from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from apps.accounts.permissions import IsAdmin
from apps.audit.models import AuditEvent
from apps.audit.selectors import audit_event_list
from apps.core.api.views import paginated


class AuditEventOutput(serializers.ModelSerializer[AuditEvent]):
    # A plain string in the API, not an enum: the log keeps actions that were later renamed or
    # retired, and clients must show actions that new features add.
    action = serializers.CharField(read_only=True)
    actor = serializers.CharField(source="actor_email", read_only=True)
    data = serializers.DictField(read_only=True)  # type: ignore[assignment]  # the API's field name

    class Meta:
        model = AuditEvent
        fields = ["id", "action", "actor", "target", "data", "created_at"]
        read_only_fields = fields


class AuditEventListView(GenericAPIView):
    permission_classes = [IsAdmin]
    serializer_class = AuditEventOutput

    @extend_schema(responses=AuditEventOutput(many=True))
    def get(self, request: Request) -> Response:
        return paginated(self, audit_event_list(), AuditEventOutput)
