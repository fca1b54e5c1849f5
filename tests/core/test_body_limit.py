"""Request bodies are refused from their headers, before daphne reads them
(apps/core/body_limit.py decides, apps/core/daphne_server.py refuses): the limits, then a real
daphne answering raw HTTP whose bodies are never sent (so nothing past the headers can have been
read), a chunked body cut off as it arrives, and an upload within the limit stored as before."""

from __future__ import annotations

import json
import select
import socket
import subprocess
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from django.conf import settings

from apps.accounts.roles import Role
from apps.accounts.services.api_keys import api_key_create
from apps.audit.models import AuditEvent
from apps.core import processes
from apps.core.body_limit import BodyLimits
from apps.core.tenancy import tenant_context
from apps.knowledge.models import Source
from apps.tenants.models import Tenant
from apps.widget.keys import WIDGET_KEY_HEADER
from tests.accounts.factories import MembershipFactory
from tests.conftest import child_env

# The daphne fixture needs the test database set up even when only daphne's tests are selected.
pytestmark = pytest.mark.django_db

MB = 1024 * 1024
ANY_KEY = {"X-Aisle-Widget-Key": "pk_any"}  # presence is what counts at the door


def test_the_longest_matching_prefix_sets_the_limit() -> None:
    limits = BodyLimits.from_settings()
    # when / then
    chat = limits.for_request(raw_path=b"/api/v1/chat/messages/?x=1", credentials=True)
    upload = limits.for_request(raw_path=b"/api/v1/knowledge/sources/upload/", credentials=True)
    other = limits.for_request(raw_path=b"/api/v1/catalog/products/", credentials=True)
    assert chat.max_bytes == settings.CHAT_MAX_REQUEST_BYTES < 64 * 1024
    assert upload.max_bytes > settings.KNOWLEDGE_MAX_UPLOAD_BYTES
    assert other.max_bytes == settings.MAX_REQUEST_BODY_BYTES
    assert {chat.status, upload.status, other.status} == {413}


def test_without_credentials_only_the_anonymous_limit_applies() -> None:
    limits = BodyLimits.from_settings()
    # when / then: past the anonymous limit the answer is 401, below it the path's own 413
    upload = limits.for_request(raw_path=b"/api/v1/knowledge/sources/upload/", credentials=False)
    chat = limits.for_request(raw_path=b"/api/v1/chat/messages/", credentials=False)
    assert (upload.max_bytes, upload.status) == (settings.ANONYMOUS_MAX_REQUEST_BYTES, 401)
    assert (chat.max_bytes, chat.status) == (settings.CHAT_MAX_REQUEST_BYTES, 413)


def test_a_session_cookie_an_api_key_or_a_widget_key_is_a_credential() -> None:
    limits = BodyLimits.from_settings()
    cookie = settings.SESSION_COOKIE_NAME.encode()
    # when / then
    assert limits.carries_credentials(headers=set(), cookies={cookie: b"x"})
    assert limits.carries_credentials(headers={b"authorization"}, cookies={})
    assert limits.carries_credentials(headers={WIDGET_KEY_HEADER.lower().encode()}, cookies={})
    assert not limits.carries_credentials(headers={b"content-type"}, cookies={b"csrftoken": b"x"})


# --- against a real daphne -------------------------------------------------------------------


@pytest.fixture(scope="module")
def port(django_db_setup: None, _stores: None) -> Iterator[int]:
    port = processes.free_port()
    server = processes.daphne_server(
        port=port, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    yield port
    processes.processes_stop([server], timeout=15)


def _head(method: str, path: str, headers: dict[str, str]) -> bytes:
    lines = [
        f"{method} {path} HTTP/1.1",
        "Host: localhost",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def _response(sock: socket.socket) -> tuple[int, dict[str, str], Any]:
    """Status, headers and JSON body of an answer that closes the connection."""
    raw = b""
    while chunk := sock.recv(65536):
        raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    pairs = (line.split(": ", 1) for line in header_lines)
    headers = {name.lower(): value for name, value in pairs}
    return int(status_line.split()[1]), headers, json.loads(body)


def _headers_only(port: int, method: str, path: str, headers: dict[str, str]):
    """Sends only the request's headers, then reads the answer: a server that waited for the
    body would time out here."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(_head(method, path, headers))
        return _response(sock)


def test_a_600_mb_announced_body_is_refused_from_its_headers(port: int) -> None:
    # given a credentialed upload announcing 600 MB, more than any endpoint takes
    headers = {"Authorization": "Bearer ak_x", "Content-Length": str(600 * MB)}
    # when only its headers are sent
    status, response_headers, body = _headers_only(
        port, "POST", "/api/v1/catalog/imports/", headers
    )
    # then the API's JSON error comes back at once, and the connection is closed
    assert status == 413 and body["code"] == "request_too_large" and "MB" in body["detail"]
    assert response_headers["connection"].lower() == "close"
    assert response_headers["content-type"] == "application/json"


def test_an_anonymous_30_mb_body_is_answered_401_instead_of_100_continue(port: int) -> None:
    # given an upload without any credential, waiting for leave to send its 30 MB
    headers = {"Content-Length": str(30 * MB), "Expect": "100-continue"}
    # when its headers are sent
    status, response_headers, body = _headers_only(
        port, "POST", "/api/v1/knowledge/sources/upload/", headers
    )
    # then the final answer is 401, never "100 Continue"
    assert status == 401 and body["code"] == "not_authenticated"
    assert response_headers["www-authenticate"] == "Bearer"


def test_a_chat_message_may_carry_kilobytes_not_more(port: int) -> None:
    # given a chat message announcing 40 KB (a message is at most 2,000 characters)
    headers = {**ANY_KEY, "Content-Type": "application/json", "Content-Length": str(40 * 1024)}
    # when / then
    status, _, body = _headers_only(port, "POST", "/api/v1/chat/messages/", headers)
    assert status == 413 and body["detail"] == "The request is larger than 32 KB."


def test_a_chunked_body_is_refused_once_it_passes_the_limit(port: int) -> None:
    # given a chunked chat message without a length
    head = _head("POST", "/api/v1/chat/messages/", {**ANY_KEY, "Transfer-Encoding": "chunked"})
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head)
        # when 8 KB chunks follow until the server answers
        while not select.select([sock], [], [], 0.2)[0]:
            assert sent <= 1024 * 1024, "still reading a chunked body well past its limit"
            sock.sendall(b"2000\r\n" + b"x" * 8192 + b"\r\n")
            sent += 8192
        status, _, body = _response(sock)
    # then it is refused as soon as it passed 32 KB, the body still unfinished
    assert status == 413 and body["code"] == "request_too_large"
    assert settings.CHAT_MAX_REQUEST_BYTES < sent <= settings.CHAT_MAX_REQUEST_BYTES + 8192


@pytest.fixture
def api_key(transactional_db: None, tenant_a: Tenant) -> Iterator[str]:
    """An editor's API key of store A, committed for daphne's process to see."""
    with tenant_context(tenant_a):
        owner = MembershipFactory(tenant=tenant_a, role=Role.OWNER)
        yield api_key_create(actor=owner, name="uploads", role=Role.EDITOR)[1]
        Source.objects.all().delete()
        AuditEvent.objects.all().delete()


def test_an_upload_within_the_limit_is_stored(port: int, api_key: str, tenant_a: Tenant) -> None:
    # given a 200 KB text file, above the anonymous limit, from a store's API key
    text = b"Returns are free within 60 days.\n" * 6200
    # when it is uploaded through daphne
    response = httpx.post(
        f"http://127.0.0.1:{port}/api/v1/knowledge/sources/upload/",
        headers={"Host": f"{tenant_a.slug}.localhost", "Authorization": f"Bearer {api_key}"},
        files={"file": ("returns.txt", text, "text/plain")},
        timeout=30,
    )
    # then the store has it
    assert response.status_code == 201, response.text
    with tenant_context(tenant_a):
        assert Source.objects.get(pk=response.json()["id"]).name == "returns.txt"


def test_deep_json_within_the_limit_reaches_the_app_and_is_a_400(
    port: int, api_key: str, tenant_a: Tenant
) -> None:
    # given 40 KB of JSON nested 20,000 levels deep, within the default limit, from an API key
    deep = ("[" * 20_000 + "]" * 20_000).encode()
    headers = {
        "Host": f"{tenant_a.slug}.localhost",
        "Authorization": f"Bearer {api_key}",
        "Content-Type": "application/json",
    }
    # when it is posted through daphne
    response = httpx.post(
        f"http://127.0.0.1:{port}/api/v1/knowledge/sources/", content=deep, headers=headers
    )
    # then Django reads it and refuses it clearly, never with a 500
    assert response.status_code == 400 and response.json()["code"] == "too_deeply_nested"
