"""A short, seeded fuzz of every operation of the store API: generated requests never get a 500,
and every answer matches the response the committed schema documents for it.

Schemathesis generates the requests from `frontend/openapi.json` (which `test_api_schema.py`
keeps equal to the code), so a new endpoint is fuzzed the day it appears. They are sent as store
A's owner (signed in again before each one, since a generated request may sign out or remove
the key it came with), or with a widget key from an allowed origin on the shopper endpoints.
The seed is fixed (`derandomize`) and the examples per operation bounded, so CI is repeatable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
import schemathesis
from django.conf import settings
from django.http import HttpResponseBase
from django.test import Client
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.transport import Response
from schemathesis.specs.openapi.checks import response_schema_conformance

from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant
from apps.tenants.services import widget_key_create
from apps.widget.services import widget_settings_update
from tests.conftest import host_of

SCHEMA = schemathesis.openapi.from_path(Path(settings.BASE_DIR) / "frontend" / "openapi.json")
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]
EXAMPLES = 10
ORIGIN = "https://shop.fuzz.example"
# Headers the test client sets itself, or that would override how the request is signed in.
DROPPED_HEADERS = {"host", "content-length", "content-type", "cookie", "authorization"}


def _uses_widget_key(operation: Any) -> bool:
    return any("widgetKey" in entry for entry in operation.definition.raw.get("security", []))


def _send(client: Client, kwargs: dict[str, Any]) -> Response:
    prepared = requests.Request(
        method=kwargs["method"],
        url=kwargs["url"],
        headers=kwargs.get("headers"),
        params=kwargs.get("params"),
        json=kwargs.get("json"),
        data=kwargs.get("data"),
        files=kwargs.get("files"),
        cookies=kwargs.get("cookies"),
    ).prepare()
    url = urlsplit(prepared.url or "")
    body = prepared.body or b""
    headers = {
        name: value
        for name, value in prepared.headers.items()
        if name.lower() not in DROPPED_HEADERS
    }
    answer: HttpResponseBase = client.generic(
        prepared.method or "GET",
        f"{url.path}?{url.query}" if url.query else url.path,
        data=body.encode() if isinstance(body, str) else body,
        content_type=prepared.headers.get("Content-Type", ""),
        headers=headers,
    )
    content = (
        b"".join(answer.streaming_content)  # type: ignore[attr-defined]
        if answer.streaming
        else answer.content
    )
    return Response(
        status_code=answer.status_code,
        headers={name: [value] for name, value in answer.items()},
        content=content,
        request=prepared,
        elapsed=0.0,
        verify=True,
        message=answer.reason_phrase,
    )


@pytest.fixture
def widget_key(tenant_a: Tenant) -> str:
    with tenant_context(tenant_a):
        key = widget_key_create(tenant=tenant_a)
        widget_settings_update(allowed_origins=[ORIGIN])
    return key.key


@pytest.mark.parametrize(
    "operation", OPERATIONS, ids=[f"{op.method.upper()} {op.path}" for op in OPERATIONS]
)
def test_generated_requests_get_no_500_and_a_documented_answer(
    operation: Any, tenant_a: Tenant, owner_a: Any, widget_key: str
) -> None:
    client = Client(HTTP_HOST=host_of(tenant_a))
    base_url = f"http://{host_of(tenant_a)}"
    shopper = _uses_widget_key(operation)

    @given(case=operation.as_strategy())
    @hypothesis_settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    def check(case: Any) -> None:
        # given the owner signed in (or a shopper on an allowed storefront)
        client.force_login(owner_a.user)
        kwargs = case.as_transport_kwargs(base_url=base_url)
        if shopper:
            client.logout()
            kwargs["headers"] = {
                **kwargs.get("headers", {}),
                "X-Aisle-Widget-Key": widget_key,
                "Origin": ORIGIN,
            }
        # when the generated request is sent
        response = _send(client, kwargs)
        # then the server did not fail and answered as its schema says
        case.validate_response(response, checks=[not_a_server_error, response_schema_conformance])

    check()
