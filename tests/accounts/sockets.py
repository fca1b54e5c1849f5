"""The admin events socket as the browser opens it: through the real ASGI application, with the
session cookie a signed-in `Client` holds, from a page on the store's host."""

from __future__ import annotations

from typing import Any

from channels.testing import WebsocketCommunicator
from django.conf import settings
from django.test import Client

from apps.tenants.models import Tenant
from config.asgi import application
from tests.conftest import host_of


def admin_socket(
    tenant: Tenant, client: Client, *, origin: str | None = "own"
) -> WebsocketCommunicator:
    host = host_of(tenant)
    headers = [(b"host", host.encode())]
    if origin is not None:
        headers.append((b"origin", (f"http://{host}" if origin == "own" else origin).encode()))
    session = client.cookies.get(settings.SESSION_COOKIE_NAME)
    if session is not None:
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={session.value}".encode()))
    return WebsocketCommunicator(application, "/ws/app/events/", headers=headers)


async def closed_with(socket: WebsocketCommunicator) -> tuple[Any, Any]:
    """The (code, reason) the server closed the socket with."""
    output = await socket.receive_output(timeout=3)
    assert output["type"] == "websocket.close", output
    return output.get("code"), output.get("reason")
