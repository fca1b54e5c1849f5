"""API keys: shown once, stored hashed, scoped to one store and a role."""

from django.test import Client

from apps.accounts.models import ApiKey
from apps.accounts.roles import Role
from apps.accounts.services import api_keys
from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for


def api_key_create(*, actor, name: str, role: str):
    """Create a key the way the API does: on the store's connection."""
    with tenant_context(actor.tenant):
        return api_keys.api_key_create(actor=actor, name=name, role=role)


def _bearer(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_create_shows_key_once_and_stores_only_a_hash(tenant_a: Tenant, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)
    created = client.post(
        "/api/v1/api-keys/", {"name": "CI", "role": "viewer"}, content_type="application/json"
    ).json()
    raw = created["key"]
    assert raw.startswith(created["prefix"] + "_")
    stored = ApiKey.objects.get(pk=created["id"])
    assert raw.split("_", 2)[2] not in stored.secret_hash
    listed = client.get("/api/v1/api-keys/").json()["results"][0]
    assert "key" not in listed and listed["prefix"] == created["prefix"]


def test_key_authenticates_on_its_store_with_its_role(tenant_a: Tenant, owner_a) -> None:
    _, raw = api_key_create(actor=owner_a, name="reader", role=Role.VIEWER)
    client = Client(HTTP_HOST="store-a.localhost")
    me = client.get("/api/v1/me/", **_bearer(raw))
    assert me.status_code == 200 and me.json()["role"] == "viewer" and me.json()["user"] is None
    # a viewer key cannot manage keys
    assert client.get("/api/v1/api-keys/", **_bearer(raw)).status_code == 403


def test_key_of_another_store_is_refused(tenant_a: Tenant, tenant_b: Tenant, owner_b) -> None:
    _, raw_b = api_key_create(actor=owner_b, name="b", role=Role.ADMIN)
    response = Client(HTTP_HOST="store-a.localhost").get("/api/v1/members/", **_bearer(raw_b))
    assert response.status_code == 403
    assert response.json()["code"] == "api_key_wrong_store"


def test_key_on_root_domain_routes_to_its_own_store(tenant_b: Tenant, owner_a, owner_b) -> None:
    _, raw_b = api_key_create(actor=owner_b, name="b", role=Role.ADMIN)
    response = Client(HTTP_HOST="localhost").get("/api/v1/members/", **_bearer(raw_b))
    assert response.status_code == 200
    emails = [row["user"]["email"] for row in response.json()["results"]]
    assert emails == [owner_b.user.email]


def test_revoked_and_malformed_keys_are_401(tenant_a: Tenant, owner_a) -> None:
    key, raw = api_key_create(actor=owner_a, name="old", role=Role.VIEWER)
    client = client_for(tenant_a, owner_a.user)
    assert client.delete(f"/api/v1/api-keys/{key.pk}/").status_code == 204
    anonymous = Client(HTTP_HOST="store-a.localhost")
    revoked = anonymous.get("/api/v1/me/", **_bearer(raw))
    assert revoked.status_code == 401 and revoked.json()["code"] == "invalid_api_key"
    tampered = anonymous.get("/api/v1/me/", **_bearer(raw[:-2] + "xx"))
    assert tampered.status_code == 401


def test_keys_cannot_change_the_team(tenant_a: Tenant, owner_a) -> None:
    _, raw = api_key_create(actor=owner_a, name="admin key", role=Role.ADMIN)
    target = MembershipFactory(tenant=tenant_a, role=Role.VIEWER)
    response = Client(HTTP_HOST="store-a.localhost").patch(
        f"/api/v1/members/{target.pk}/",
        {"role": "editor"},
        content_type="application/json",
        **_bearer(raw),
    )
    assert response.status_code == 403


def test_owner_role_keys_are_refused(tenant_a: Tenant, owner_a) -> None:
    response = client_for(tenant_a, owner_a.user).post(
        "/api/v1/api-keys/", {"name": "god", "role": "owner"}, content_type="application/json"
    )
    assert response.status_code == 400 and response.json()["field"] == "role"


def test_another_stores_keys_are_invisible(tenant_a: Tenant, owner_a, owner_b) -> None:
    key_b, _ = api_key_create(actor=owner_b, name="b", role=Role.VIEWER)
    client = client_for(tenant_a, owner_a.user)
    assert client.get("/api/v1/api-keys/").json()["count"] == 0
    assert client.delete(f"/api/v1/api-keys/{key_b.pk}/").status_code == 404
    assert ApiKey.objects.get(pk=key_b.pk).revoked_at is None


def test_a_key_is_checked_once_per_request(tenant_b, owner_b, monkeypatch) -> None:
    from apps.accounts import authentication

    _, raw_b = api_key_create(actor=owner_b, name="b", role=Role.ADMIN)
    calls = []
    real = authentication.api_key_authenticate

    def counting(*, raw: str):
        calls.append(raw)
        return real(raw=raw)

    monkeypatch.setattr(authentication, "api_key_authenticate", counting)
    response = Client(HTTP_HOST="localhost").get("/api/v1/members/", **_bearer(raw_b))
    assert response.status_code == 200 and len(calls) == 1  # routing and DRF share the check
