"""Opening a store from the root domain signs the member in on the store's host."""

from urllib.parse import parse_qs, urlsplit

from django.test import Client

from apps.accounts.handoff import handoff_token_issue
from apps.tenants.models import Tenant
from tests.accounts.factories import UserFactory
from tests.conftest import client_for


def _open(user, slug: str, next_path: str = "/app/team") -> str:
    root = Client(HTTP_HOST="localhost")
    root.force_login(user)
    response = root.get(f"/stores/{slug}/open/", {"next": next_path})
    assert response.status_code == 302, response.content
    return response["Location"]


def test_member_is_handed_over_and_signed_in_on_the_store_host(tenant_a: Tenant, owner_a) -> None:
    location = urlsplit(_open(owner_a.user, "store-a"))
    assert location.netloc == "store-a.localhost" and location.path == "/accounts/handoff/"
    store = client_for(tenant_a)
    landed = store.get(location.path, parse_qs(location.query))
    assert landed.status_code == 302 and landed["Location"] == "/app/team"
    assert store.session["_auth_user_id"] == str(owner_a.user.pk)


def test_token_works_once(tenant_a: Tenant, owner_a) -> None:
    location = urlsplit(_open(owner_a.user, "store-a"))
    query = parse_qs(location.query)
    assert client_for(tenant_a).get(location.path, query).status_code == 302
    replay = client_for(tenant_a).get(location.path, query)
    assert replay.status_code == 403 and b"expired or was already used" in replay.content


def test_token_for_one_store_does_not_open_another(
    tenant_a: Tenant, tenant_b: Tenant, owner_a
) -> None:
    token = handoff_token_issue(user=owner_a.user, tenant=tenant_a)
    response = client_for(tenant_b).get("/accounts/handoff/", {"token": token})
    assert response.status_code == 403
    assert "_auth_user_id" not in client_for(tenant_b).session


def test_forged_token_is_refused(tenant_a: Tenant) -> None:
    response = client_for(tenant_a).get("/accounts/handoff/", {"token": "eyJ1IjoxfQ:forged:sig"})
    assert response.status_code == 403


def test_non_member_cannot_open_a_store(tenant_a: Tenant) -> None:
    root = Client(HTTP_HOST="localhost")
    root.force_login(UserFactory())
    assert root.get("/stores/store-a/open/").status_code == 404


def test_open_only_redirects_within_the_store(tenant_a: Tenant, owner_a) -> None:
    location = _open(owner_a.user, "store-a", next_path="//evil.example.com/")
    query = parse_qs(urlsplit(location).query)
    assert query["next"] == ["/app/"]
