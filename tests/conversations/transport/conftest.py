"""Chat fixtures: stores A and B each get a widget key and one allowed origin; the answer
pipeline is the scripted fake (tests.conversations.fakes). Channels reaches the database from
its own thread, so these tests commit (transactional_db) and clean the store schemas after."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import connections

from apps.audit.models import AuditEvent
from apps.conversations.models import Conversation
from apps.conversations.transport import turns
from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant
from apps.tenants.services import widget_key_create
from apps.widget.models import WidgetSettings
from apps.widget.services import widget_settings_update
from config.asgi import application
from tests.conversations.fakes import scripted_reply_stream

ORIGIN_A = "https://shop-a.example"
ORIGIN_B = "https://shop-b.example"


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The transports answer with the scripted fake; a test that needs the real pipeline puts
    `apps.conversations.pipeline.run.reply_stream` back the same way."""
    monkeypatch.setattr(turns, "PIPELINE", scripted_reply_stream)


@pytest.fixture(autouse=True)
async def _close_sync_thread_connection(transactional_db: None) -> Any:
    """Channels' sync thread keeps its own connection: close it before the database goes."""
    yield
    await sync_to_async(connections.close_all)()


def _clean(tenant: Tenant) -> None:
    with tenant_context(tenant):
        Conversation.objects.all().delete()
        WidgetSettings.objects.all().delete()
        AuditEvent.objects.filter(action__startswith="widget").delete()


def _widget(tenant: Tenant, origin: str) -> str:
    with tenant_context(tenant):
        key = widget_key_create(tenant=tenant)
        widget_settings_update(allowed_origins=[origin])
    return key.key


@pytest.fixture
def stores(transactional_db: None, tenant_a: Tenant, tenant_b: Tenant) -> Iterator[Any]:
    """(tenant_a, key_a, tenant_b, key_b)."""
    yield tenant_a, _widget(tenant_a, ORIGIN_A), tenant_b, _widget(tenant_b, ORIGIN_B)
    _clean(tenant_a)
    _clean(tenant_b)


def widget_socket(
    key: str, origin: str | None = ORIGIN_A, client: str = "10.0.0.1"
) -> WebsocketCommunicator:
    headers = [(b"origin", origin.encode())] if origin else []
    communicator = WebsocketCommunicator(application, f"/ws/widget/{key}/", headers=headers)
    communicator.scope["client"] = (client, 50000)
    return communicator


async def receive_until(socket: WebsocketCommunicator, kind: str) -> list[dict[str, Any]]:
    """Frames up to and including the first of type `kind`."""
    frames = []
    while True:
        frame = await socket.receive_json_from(timeout=5)
        frames.append(frame)
        if frame["type"] == kind:
            return frames
