"""Admitting a shopper's turn, the same for every transport (WebSocket, SSE, JSON, playground).

`turn_begin` checks what the client sent, resolves the store's turn configuration, takes the
session's generation lock (counting the rate limits, `limits.turn_admit`) and only then opens
the conversation, so a refused message leaves nothing behind. Everything it refuses is a
`Refused`, with the `error` code every transport sends.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from apps.conversations.limits import (
    Refused,
    message_text_check,
    session_id_check,
    turn_admit,
)
from apps.conversations.models import Conversation
from apps.conversations.pipeline.config import turn_config_for_store
from apps.conversations.pipeline.turn import Shopper
from apps.conversations.services.chat import conversation_open
from apps.conversations.transport.shopper import order_query_check, shopper_email_check
from apps.conversations.transport.turns import Turn
from apps.tenants.models import Tenant


def turn_begin(
    *,
    tenant: Tenant,
    channel: str,
    session_id: Any,
    ip: str,
    received_at: float,
    text: Any = None,
    email: Any = None,
    order: Any = None,
    handoff: bool = False,
    conversation: Conversation | None = None,
    conversation_id: Any = None,
    locale: Any = None,
    client_id: str | None = None,
) -> Turn:
    """A turn ready to stream, holding the session's generation lock. Runs in the store, on a
    thread that may block. `conversation` is the one the client is in (the WebSocket's, after
    `hello`); without it the session's `conversation_id` is resumed, or a conversation started.
    A `handoff` turn has no text. Raises Refused(invalid | too_large | busy | rate_limited |
    unavailable)."""
    text = "" if handoff else message_text_check(text)
    session_id = session_id_check(session_id)
    shopper_email = shopper_email_check(email)
    order_query = order_query_check(order)
    config = turn_config_for_store(tenant=tenant)
    if handoff and not config.persona.handoff_enabled:
        raise Refused("invalid", _("This store does not hand conversations to its team."))
    lock = turn_admit(tenant=tenant, session_id=session_id, ip=ip)
    try:
        conversation = conversation or conversation_open(
            channel=channel,
            session_id=session_id,
            conversation_id=str(conversation_id) if conversation_id else None,
            locale=locale,
        )
    except BaseException:
        lock.release()
        raise
    return Turn(
        tenant=tenant,
        conversation=conversation,
        text=text,
        config=config,
        lock=lock,
        received_at=received_at,
        shopper=Shopper(email=shopper_email, order=order_query, handoff=handoff, ip=ip),
        client_id=client_id,
    )
