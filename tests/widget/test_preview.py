"""The admin site's widget preview page (members only, real snippet, strict CSP)."""

from __future__ import annotations

from django.test import Client

from apps.core.tenancy import tenant_context
from apps.tenants.services import widget_key_create
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for


def test_members_see_the_real_snippet_under_a_strict_csp(tenant_a, owner_a) -> None:
    # Given a store with a key, and a viewer of it (any member may preview)
    with tenant_context(tenant_a):
        key = widget_key_create(tenant=tenant_a).key
    viewer = MembershipFactory(tenant=tenant_a, role="viewer").user
    client = Client(HTTP_HOST="store-a.localhost:8000")
    client.force_login(viewer)
    # When they open the preview
    response = client.get("/widget/preview/")
    # Then it embeds the snippet, loading from the root domain on the same scheme and port
    assert response.status_code == 200
    snippet = f'<script async src="http://localhost:8000/widget.js" data-key="{key}"></script>'
    assert snippet in response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "script-src http://localhost:8000;" in csp
    assert "connect-src http://localhost:8000 ws://localhost:8000;" in csp
    assert "'unsafe-inline'" not in csp


def test_without_an_active_key_the_preview_says_so(tenant_a, owner_a) -> None:
    response = client_for(tenant_a, owner_a.user).get("/widget/preview/")
    assert response.status_code == 200
    assert b"<script" not in response.content
    assert b"no active widget key" in response.content


def test_anonymous_visitors_and_other_stores_members_do_not_see_it(tenant_a, owner_b) -> None:
    anonymous = client_for(tenant_a).get("/widget/preview/")
    assert anonymous.status_code == 302 and "/stores/store-a/open/" in anonymous["Location"]
    outsider = client_for(tenant_a, owner_b.user).get("/widget/preview/")
    assert outsider.status_code == 403
