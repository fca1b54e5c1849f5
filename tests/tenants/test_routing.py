"""HTTP edge: which host reaches which store, and who gets in."""

import pytest
from django.test import Client

from apps.accounts.roles import Role
from apps.tenants.models import Tenant
from apps.tenants.services import tenant_suspend
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for


def test_unknown_store_subdomain_is_404_with_a_message(db: None) -> None:
    response = Client(HTTP_HOST="nope.localhost").get("/api/v1/me/")
    assert response.status_code == 404
    assert response.json() == {
        "code": "unknown_store",
        "detail": "There is no store at this address.",
    }


def test_unknown_store_html_page(db: None) -> None:
    response = Client(HTTP_HOST="nope.localhost").get("/app/")
    assert response.status_code == 404
    assert b"There is no store at this address." in response.content


def test_foreign_host_header_is_rejected(db: None) -> None:
    assert Client(HTTP_HOST="evil.example.com").get("/").status_code == 400


def test_anonymous_store_page_goes_through_root_sign_in(tenant_a: Tenant) -> None:
    response = client_for(tenant_a).get("/app/team?x=1")
    assert response.status_code == 302
    assert response["Location"] == "http://localhost/stores/store-a/open/?next=/app/team%3Fx%3D1"


def test_member_of_another_store_is_refused(tenant_a: Tenant, owner_b) -> None:
    response = client_for(tenant_a, owner_b.user).get("/app/")
    assert response.status_code == 403
    assert b"not a member of this store" in response.content


def test_member_gets_the_admin_app(tenant_a: Tenant, owner_a, settings, tmp_path) -> None:
    index = tmp_path / "index.html"
    index.write_text("<div id=root></div>")
    settings.SPA_INDEX_FILE = index
    response = client_for(tenant_a, owner_a.user).get("/app/team")
    assert response.status_code == 200
    assert b"<div id=root>" in response.content
    assert "csrftoken" in response.cookies


def test_suspended_store_answers_403_everywhere_and_keeps_data(tenant_a: Tenant, owner_a) -> None:
    # given
    tenant_suspend(tenant=tenant_a, reason="unpaid")
    client = client_for(tenant_a, owner_a.user)
    # when / then: admin page, API
    page = client.get("/app/")
    assert page.status_code == 403 and b"suspended" in page.content
    api = client.get("/api/v1/members/")
    assert api.status_code == 403
    assert api.json()["code"] == "store_suspended"
    # data is kept
    assert Tenant.objects.get(pk=tenant_a.pk).memberships.filter(pk=owner_a.pk).exists()


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_endpoints_answer_on_store_hosts(tenant_a: Tenant, path: str) -> None:
    assert client_for(tenant_a).get(path).status_code == 200


def test_request_id_is_echoed_or_generated(tenant_a: Tenant) -> None:
    client = client_for(tenant_a)
    assert (
        client.get("/api/v1/me/", HTTP_X_REQUEST_ID="req-12345678")["X-Request-ID"]
        == "req-12345678"
    )
    generated = client.get("/api/v1/me/", HTTP_X_REQUEST_ID="bad id!")["X-Request-ID"]
    assert generated != "bad id!" and len(generated) == 32


def test_viewer_can_open_the_admin_app(tenant_a: Tenant, settings, tmp_path) -> None:
    index = tmp_path / "index.html"
    index.write_text("ok")
    settings.SPA_INDEX_FILE = index
    viewer = MembershipFactory(tenant=tenant_a, role=Role.VIEWER)
    assert client_for(tenant_a, viewer.user).get("/app/").status_code == 200
