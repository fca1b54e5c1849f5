from __future__ import annotations

from typing import Any

from apps.audit.models import AuditAction, AuditEvent
from apps.core import tenancy
from apps.core.logging import current_request_id


def audit_record(
    *, action: AuditAction, actor: Any = None, target: str = "", data: dict[str, Any] | None = None
) -> AuditEvent:
    """Record an event in the active tenant's audit log (call on a tenant connection)."""
    if tenancy.is_public():
        raise RuntimeError("audit_record needs a store's schema to be active")
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        action=action,
        actor_id=actor.pk if is_user else None,
        actor_email=getattr(actor, "email", "") if is_user else str(actor or ""),
        target=target,
        data=data or {},
        request_id=current_request_id() or "",
    )
