"""Oversized request bodies are refused before Django buffers them (apps/core/body_limit.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from asgiref.testing import ApplicationCommunicator
from django.conf import settings
from django.core.asgi import get_asgi_application

from apps.core.body_limit import RequestBodyLimit

GIGABYTES_2 = 2 * 1024**3


def _scope(path: str, headers: list[tuple[bytes, bytes]], method: str = "POST") -> dict:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"localhost"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


async def _response(communicator: ApplicationCommunicator) -> tuple[int, dict[str, Any]]:
    start = await communicator.receive_output(timeout=5)
    body = await communicator.receive_output(timeout=5)
    return start["status"], json.loads(body["body"])


async def test_an_announced_2_gb_body_is_refused_unread() -> None:
    # Given an app that would record being called
    calls = []

    async def app(scope, receive, send) -> None:
        calls.append(scope)

    limited = RequestBodyLimit(app, max_bytes=500 * 1024 * 1024)
    communicator = ApplicationCommunicator(
        limited,
        _scope("/api/v1/catalog/imports/", [(b"content-length", str(GIGABYTES_2).encode())]),
    )
    # When the request starts, before any body arrives
    status, body = await _response(communicator)
    # Then it is refused at once with a clear JSON error, and the app never ran
    assert status == 413 and body["code"] == "request_too_large" and "500 MB" in body["detail"]
    assert calls == []


@pytest.mark.django_db
async def test_a_chunked_body_past_the_limit_is_cut_off_and_refused() -> None:
    limited = RequestBodyLimit(get_asgi_application(), max_bytes=64 * 1024)
    communicator = ApplicationCommunicator(
        limited, _scope("/api/v1/catalog/imports/", [(b"transfer-encoding", b"chunked")])
    )
    for _ in range(5):  # 5 x 32 KB without a Content-Length
        await communicator.send_input(
            {"type": "http.request", "body": b"x" * 32 * 1024, "more_body": True}
        )
    status, body = await _response(communicator)
    assert status == 413 and body["code"] == "request_too_large"


@pytest.mark.django_db
async def test_a_body_within_the_limit_reaches_django() -> None:
    limited = RequestBodyLimit(get_asgi_application(), max_bytes=64 * 1024)
    communicator = ApplicationCommunicator(
        limited, _scope("/healthz", [(b"content-length", b"2")], method="GET")
    )
    await communicator.send_input({"type": "http.request", "body": b"{}"})
    start = await communicator.receive_output(timeout=5)
    assert start["status"] == 200


def test_the_production_asgi_app_applies_the_limit() -> None:
    from config.asgi import application

    http = application.application_mapping["http"]
    assert isinstance(http, RequestBodyLimit)
    assert http.max_bytes >= settings.CATALOG_MAX_IMPORT_BYTES
