"""Taking access away from open WebSockets.

A socket's access is checked once, when it connects. Each change that takes access away
(removing a member, changing a role, suspending a store, signing out, revoking a widget key)
messages the channel-layer group of that principal once its transaction commits, and every
socket opened by the principal has joined that group (`TenantJsonWebsocketConsumer.access_follow`).
On the message a socket closes, or, when asked to re-check, checks again and stays open while
its principal is still allowed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from apps.core.tenancy.channels import ACCESS_REVOKED, tenant_group

if TYPE_CHECKING:
    from apps.tenants.models import Tenant


def store_sockets_group(tenant: Tenant) -> str:
    """Every socket of the store, whoever opened it (suspension)."""
    return tenant_group(tenant, "sockets")


def member_sockets_group(tenant: Tenant, *, user_id: int) -> str:
    """A user's sockets in one store (their membership there changed)."""
    return tenant_group(tenant, f"member.{user_id}")


def user_sockets_group(*, user_id: int) -> str:
    """A user's sockets in every store (signing out). Users are not a store's data, so the
    name carries no tenant."""
    return f"user.{user_id}"


def widget_key_sockets_group(tenant: Tenant, *, key: str) -> str:
    """The shopper sockets opened with one widget key (keys are public: no secret in the name)."""
    return tenant_group(tenant, f"widget-key.{key}")


def access_revoke(*, group: str, code: int, reason: str, recheck: bool = False) -> None:
    """Close every socket in `group` with `code` and `reason` once the current transaction
    commits (at once outside a transaction). With `recheck`, each socket first checks its access
    again and stays open if it still has it (a role change that keeps the socket's access)."""
    message = {"type": ACCESS_REVOKED, "code": code, "reason": reason, "recheck": recheck}
    layer = get_channel_layer()
    assert layer is not None  # CHANNEL_LAYERS is always configured
    transaction.on_commit(lambda: async_to_sync(layer.group_send)(group, message))
