"""The store's own Aisle hosts count as allowed origins (the admin site's widget preview runs
on them), with the scheme and port the request itself came in on; another store's never do."""

from __future__ import annotations

import pytest
from channels.testing import WebsocketCommunicator
from django.test import Client

from config.asgi import application


def _socket(key: str, origin: str, host: str = "localhost:8000") -> WebsocketCommunicator:
    headers = [(b"origin", origin.encode()), (b"host", host.encode())]
    communicator = WebsocketCommunicator(application, f"/ws/widget/{key}/", headers=headers)
    communicator.scope["client"] = ("10.0.0.1", 50000)
    return communicator


@pytest.mark.parametrize(
    ("origin", "accepted"),
    [
        ("http://store-a.localhost:8000", True),
        ("http://store-a.localhost", False),
        ("https://store-a.localhost:8000", False),
        ("http://store-b.localhost:8000", False),
    ],
)
async def test_the_widget_socket_accepts_the_stores_own_hosts(stores, origin, accepted) -> None:
    _tenant_a, key_a, *_ = stores
    socket = _socket(key_a, origin)
    assert (await socket.connect())[0]
    if accepted:
        await socket.send_json_to({"type": "ping"})
        assert await socket.receive_json_from(timeout=5) == {"type": "pong"}
        await socket.disconnect()
    else:
        closed = await socket.receive_output(timeout=5)
        assert (closed["code"], closed["reason"]) == (4403, "origin_not_allowed")


def test_chat_over_http_accepts_the_stores_own_hosts(stores) -> None:
    _tenant_a, key_a, *_ = stores

    def history_status(origin: str) -> int:
        client = Client(HTTP_HOST="localhost:8000", HTTP_X_AISLE_WIDGET_KEY=key_a)
        path = "/api/v1/chat/conversations/00000000-0000-0000-0000-000000000000/messages/"
        return client.get(path, {"session_id": "session-1"}, HTTP_ORIGIN=origin).status_code

    assert history_status("http://store-a.localhost:8000") == 404  # past the origin check
    assert history_status("http://store-b.localhost:8000") == 403
