"""Malformed requests get a clear 4xx, never a 500: OPTIONS on every operation, JSON nested
beyond the limit (with and without credentials), and numbers JSON cannot hold."""

from __future__ import annotations

import json
import re

import pytest
from django.conf import settings
from django.test import Client

from apps.core.api.errors import exception_handler
from apps.core.tenancy import tenant_context
from apps.knowledge.models import Source
from apps.tenants.services import widget_key_create
from tests.conftest import client_for

_SCHEMA = json.loads((settings.BASE_DIR / "frontend" / "openapi.json").read_text())
PATHS = sorted(_SCHEMA["paths"])
DEEP = "[" * 10_000 + "]" * 10_000


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


@pytest.mark.parametrize("path", PATHS)
def test_options_never_fails_on_any_operation(path, tenant_a, owner_a) -> None:
    # given a member of the store and every path of the API
    client = client_for(tenant_a, owner_a.user)

    # when OPTIONS is asked of it
    response = client.options(_concrete(path))

    # then the answer is a description or a clear refusal, never a server error
    assert response.status_code < 500, response.content[:300]


def test_options_on_the_chat_endpoints_with_a_public_widget_key(tenant_a) -> None:
    # given only a store's public widget key, as any page holds it
    with tenant_context(tenant_a):
        key = widget_key_create(tenant=tenant_a).key
    anonymous = Client(HTTP_HOST="localhost", HTTP_X_AISLE_WIDGET_KEY=key)

    # when OPTIONS is sent to each chat endpoint
    statuses = [
        anonymous.options(path).status_code
        for path in ("/api/v1/chat/messages/", "/api/v1/chat/stream/")
    ]

    # then none fails
    assert all(code < 500 for code in statuses), statuses


def test_deep_json_without_credentials_is_refused_not_a_server_error(tenant_a) -> None:
    # given no credentials at all, on the root domain and on a store host
    for host in ("localhost", f"{tenant_a.slug}.localhost"):
        client = Client(HTTP_HOST=host)

        # when a body nested 10,000 levels deep is posted where a widget key may be in the body
        response = client.post("/api/v1/chat/messages/", DEEP, content_type="application/json")

        # then it is refused without a server error
        assert 400 <= response.status_code < 500, (host, response.status_code)


def test_deep_json_from_a_member_is_a_400_naming_the_limit(tenant_a, owner_a) -> None:
    # given a member changing a setting
    client = client_for(tenant_a, owner_a.user)

    # when the JSON body is nested deeper than the limit
    response = client.patch("/api/v1/store/", DEEP, content_type="application/json")

    # then it is a 400 with a stable code and nothing changed
    assert response.status_code == 400
    assert response.json()["code"] == "too_deeply_nested"


@pytest.mark.parametrize("number", ["1e999999", "-1e999999", "NaN", "Infinity"])
def test_numbers_json_cannot_hold_are_refused(number, tenant_a, owner_a) -> None:
    # given a member sending a number that is not finite
    client = client_for(tenant_a, owner_a.user)

    # when it is in the body
    response = client.patch(
        "/api/v1/store/", f'{{"name": {number}}}', content_type="application/json"
    )

    # then the request is refused as out of range, not stored as "inf"
    assert response.status_code == 400
    assert response.json()["code"] == "number_out_of_range"


def test_an_object_deleted_while_a_request_used_it_is_a_404_not_a_500() -> None:
    # given a request whose object was deleted by another request after it was found (an edit
    # that locks the row again after a concurrent delete gets Model.DoesNotExist)
    # when the API turns the exception into an answer
    response = exception_handler(Source.DoesNotExist(), {})
    # then it is the API's 404
    assert response is not None
    assert (response.status_code, response.data["code"]) == (404, "not_found")
