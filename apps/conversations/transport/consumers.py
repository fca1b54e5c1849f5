"""The shopper widget's WebSocket: `/ws/widget/<widget key>/` (protocol: README, "Chat
protocol").

The store comes from the key and the page's Origin must be one of the store's allowed origins;
refusals accept and then close with a 44xx code and a reason, so the widget can tell why.
Open sockets close the same way when their key is revoked (4404) or the store is suspended
(4403): apps.core.tenancy.revocation.
Each answer is generated in its own task, so `stop`, `ping` and `feedback` are handled while
it streams; closing the socket stops the generation (the pipeline stores it as stopped).
After `hello` the socket joins its conversation's channel-layer group (`live.py`), through
which the store's team replies (`message`, role agent) and status changes (`conversation`)
reach the shopper.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from channels.db import database_sync_to_async
from django.conf import settings
from django.utils.translation import gettext as _

from apps.conversations.limits import Refused, session_id_check
from apps.conversations.models import Conversation
from apps.conversations.pipeline import events
from apps.conversations.selectors import message_list_after
from apps.conversations.services.chat import conversation_open, message_feedback_set
from apps.conversations.services.threads import in_store
from apps.conversations.transport.admission import turn_begin
from apps.conversations.transport.live import conversation_group
from apps.conversations.transport.shopper import shopper_email_check
from apps.conversations.transport.turns import Turn, turn_frames
from apps.conversations.transport.wire import message_frame, ready_frame
from apps.core.asgi_scope import scope_header, scope_server_origin
from apps.core.jsonsafe import json_loads_untrusted
from apps.core.tenancy.channels import CLOSE_FORBIDDEN, TenantJsonWebsocketConsumer
from apps.core.tenancy.revocation import store_sockets_group, widget_key_sockets_group
from apps.tenants.models import Tenant
from apps.tenants.selectors import tenant_get_by_widget_key
from apps.widget.selectors import widget_origin_allowed

logger = logging.getLogger(__name__)

# How long a closed socket's generation may take to wind down before it is cancelled.
STOP_GRACE_S = 10.0


def frame_limit() -> int:
    """Largest text frame read (JSON escaping can take 6 characters per character of text)."""
    return max(16_384, settings.CHAT_MAX_MESSAGE_CHARS * 6 + 1024)


class WidgetChatConsumer(TenantJsonWebsocketConsumer):
    conversation: Conversation | None = None
    session_id: str = ""
    # The storefront's signed-in shopper (hello/identify): for order lookups only, never stored.
    shopper_email: str | None = None
    group: str | None = None
    turn: Turn | None = None
    task: asyncio.Task[None] | None = None
    closed = False

    async def resolve_tenant(self) -> Tenant | None:
        key = self.scope["url_route"]["kwargs"]["key"]
        return await database_sync_to_async(tenant_get_by_widget_key)(key=key)

    async def refuse(self, code: int, reason: str) -> None:
        await self.accept()
        await self.close(code=code, reason=reason)

    async def tenant_connect(self) -> None:
        await self.access_follow(
            store_sockets_group(self.tenant),
            widget_key_sockets_group(self.tenant, key=self.scope["url_route"]["kwargs"]["key"]),
        )
        origin = scope_header(self.scope, b"origin")
        allowed = await self.db(
            widget_origin_allowed, origin=origin, server_origin=scope_server_origin(self.scope)
        )
        if not allowed:
            await self.refuse(CLOSE_FORBIDDEN, "origin_not_allowed")
            return
        await self.accept()

    # --- frames in ------------------------------------------------------------------------
    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        received_at = time.perf_counter()
        content: Any = None
        try:
            if text_data is None:
                raise Refused("invalid", _("Frames must be JSON text, not binary."))
            if len(text_data) > frame_limit():
                raise Refused("too_large", _("This frame is too large."))
            try:
                content = json_loads_untrusted(text_data)
            except ValueError as error:
                raise Refused("invalid", _("Frames must be JSON objects.")) from error
            if not isinstance(content, dict):
                raise Refused("invalid", _("Frames must be JSON objects."))
            handler = self._handlers().get(content.get("type"))  # type: ignore[arg-type]
            if handler is None:
                raise Refused("invalid", _("Unknown frame type."))
            await handler(content, received_at)
        except Refused as refused:
            await self._error(refused.code, refused.detail, content)
        except Exception:
            logger.exception("widget frame failed")
            await self._error("internal", _("Something went wrong. Try again."), content)

    def _handlers(self) -> dict[str, Callable[[dict[str, Any], float], Awaitable[None]]]:
        return {
            "hello": self._hello,
            "message": self._message,
            "stop": self._stop,
            "feedback": self._feedback,
            "ping": self._ping,
            "identify": self._identify,
            "handoff": self._handoff,
        }

    async def _hello(self, content: dict[str, Any], received_at: float) -> None:
        self._not_generating()
        session_id = session_id_check(content.get("session_id"))
        last_seq = content.get("last_seq", 0)
        if not isinstance(last_seq, int) or isinstance(last_seq, bool) or last_seq < 0:
            raise Refused("invalid", _("last_seq must be a whole number."))
        email = shopper_email_check(content.get("email"))
        conversation = await self.db(
            conversation_open,
            channel=Conversation.Channel.WIDGET,
            session_id=session_id,
            conversation_id=content.get("conversation_id"),
            locale=content.get("locale"),
        )
        missed = await self.db(message_list_after, conversation=conversation, seq=last_seq)
        self.conversation, self.session_id = conversation, session_id
        self.shopper_email = email
        await self._group_join(conversation_group(self.tenant, conversation.public_id))
        await self._send(ready_frame(conversation))
        for message in missed:
            await self._send(message_frame(message))

    async def _message(self, content: dict[str, Any], received_at: float) -> None:
        await self._turn_start(content, received_at, handoff=False)

    async def _handoff(self, content: dict[str, Any], received_at: float) -> None:
        await self._turn_start(content, received_at, handoff=True)

    async def _turn_start(
        self, content: dict[str, Any], received_at: float, *, handoff: bool
    ) -> None:
        conversation = self._conversation()
        self._not_generating()
        self.turn = await in_store(
            self.tenant,
            turn_begin,
            tenant=self.tenant,
            channel=conversation.channel,
            session_id=self.session_id,
            ip=self._ip(),
            received_at=received_at,
            text=content.get("text"),
            email=self.shopper_email,
            order=content.get("order"),
            handoff=handoff,
            conversation=conversation,
            client_id=_client_id(content),
        )
        self.task = asyncio.create_task(self._generate(self.turn))

    async def _identify(self, content: dict[str, Any], received_at: float) -> None:
        self.shopper_email = shopper_email_check(content.get("email"))

    async def _stop(self, content: dict[str, Any], received_at: float) -> None:
        if self.turn is not None:
            self.turn.stop.set()

    async def _feedback(self, content: dict[str, Any], received_at: float) -> None:
        message = await self.db(
            message_feedback_set,
            conversation=self._conversation(),
            message_id=content.get("message_id"),
            value=content.get("value"),
            comment=content.get("comment", ""),
        )
        await self._send(
            {"type": "feedback", "message_id": str(message.public_id), "value": message.feedback}
        )

    async def _ping(self, content: dict[str, Any], received_at: float) -> None:
        await self._send({"type": "pong"})

    # --- generation -----------------------------------------------------------------------
    def _conversation(self) -> Conversation:
        if self.conversation is None:
            raise Refused("invalid", _("Send hello first."))
        return self.conversation

    def _not_generating(self) -> None:
        if self.turn is not None and not self.turn.over:
            raise Refused("busy", _("Wait for the current answer to finish, or stop it."))

    async def _generate(self, turn: Turn) -> None:
        try:
            async for frame in turn_frames(turn):
                await self._send(frame)
        except Exception:  # the socket went away mid-send: turn_frames has cleaned up
            logger.exception("widget generation ended abnormally")

    async def disconnect(self, code: int) -> None:
        self.closed = True
        await super().disconnect(code)
        await self._group_join(None)
        if self.task is None or self.task.done() or self.turn is None:
            return
        self.turn.stop.set()
        try:
            await asyncio.wait_for(asyncio.shield(self.task), STOP_GRACE_S)
        except TimeoutError:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task

    # --- live pushes from the store's team ---------------------------------------------------
    async def _group_join(self, group: str | None) -> None:
        """Follow `group` (None: none) instead of the previous conversation's."""
        if self.group == group:
            return
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)
        self.group = group
        if group is not None:
            await self.channel_layer.group_add(group, self.channel_name)

    async def shopper_frame(self, event: dict[str, Any]) -> None:
        await self._send(event["frame"])

    # --- frames out -----------------------------------------------------------------------
    async def _send(self, frame: dict[str, Any]) -> None:
        if not self.closed:
            await self.send_json(frame)

    async def _error(self, code: events.ErrorCode, detail: str, content: Any) -> None:
        frame = events.to_json(events.Error(message_id=None, code=code, detail=detail))
        client_id = _client_id(content) if isinstance(content, dict) else None
        if client_id is not None:
            frame["client_id"] = client_id
        await self._send(frame)

    def _ip(self) -> str:
        client = self.scope.get("client")
        return str(client[0]) if client else "unknown"


def _client_id(content: dict[str, Any]) -> str | None:
    value = content.get("client_id")
    return value[:64] if isinstance(value, str) else None
