"""Widget keys and allowed origins: admin API, roles, store isolation, key lookups."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from apps.accounts.roles import Role
from apps.core.tenancy import tenant_context
from apps.tenants.selectors import tenant_get_by_widget_key
from apps.tenants.services import tenant_suspend, widget_key_create, widget_key_revoke
from apps.core.origins import origin_matches, origin_normalize, ws_origin_for
from apps.widget.selectors import widget_settings_find
from apps.widget.services import widget_settings_update
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for


def test_admins_create_rotate_and_revoke_keys(tenant_a, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)

    created = client.post("/api/v1/widget/keys/").json()
    rotated = client.post(f"/api/v1/widget/keys/{created['id']}/rotate/").json()

    assert created["key"].startswith("pk_") and rotated["key"] != created["key"]
    assert tenant_get_by_widget_key(key=created["key"]) is None
    assert tenant_get_by_widget_key(key=rotated["key"]) == tenant_a
    assert client.delete(f"/api/v1/widget/keys/{rotated['id']}/").status_code == 204
    assert tenant_get_by_widget_key(key=rotated["key"]) is None
    listed = client.get("/api/v1/widget/keys/").json()["results"]
    assert {k["id"] for k in listed} == {created["id"], rotated["id"]}
    assert all(k["revoked_at"] for k in listed)


def test_editors_read_but_do_not_change_keys_or_origins(tenant_a) -> None:
    editor = client_for(tenant_a, MembershipFactory(tenant=tenant_a, role=Role.EDITOR).user)
    assert editor.get("/api/v1/widget/keys/").status_code == 200
    assert editor.post("/api/v1/widget/keys/").status_code == 403
    assert editor.get("/api/v1/widget/settings/").status_code == 200
    changed = editor.patch(
        "/api/v1/widget/settings/",
        {"allowed_origins": ["https://shop.example"]},
        content_type="application/json",
    )
    assert changed.status_code == 403


def test_another_stores_keys_are_invisible(tenant_a, tenant_b, owner_a) -> None:
    with tenant_context(tenant_b):
        key_b = widget_key_create(tenant=tenant_b)
    client = client_for(tenant_a, owner_a.user)
    assert client.get("/api/v1/widget/keys/").json()["results"] == []
    assert client.delete(f"/api/v1/widget/keys/{key_b.pk}/").status_code == 404
    assert client.post(f"/api/v1/widget/keys/{key_b.pk}/rotate/").status_code == 404


def test_another_stores_widget_settings_are_invisible_and_untouched(
    tenant_a, tenant_b, owner_a
) -> None:
    # given store B with its own origins, look and key
    with tenant_context(tenant_b):
        widget_settings_update(allowed_origins=["https://shop-b.example"], greeting="Hi from B")
        key_b = widget_key_create(tenant=tenant_b).key
    client = client_for(tenant_a, owner_a.user)
    # when store A's admin reads and changes its widget settings
    read = client.get("/api/v1/widget/settings/").json()
    client.patch(
        "/api/v1/widget/settings/",
        {"greeting": "Hi from A"},
        content_type="application/json",
    )
    # then A saw none of B's settings or its key, and B's settings are as they were
    assert read["allowed_origins"] == [] and read["greeting"] != "Hi from B"
    assert read["snippet"] is None
    with tenant_context(tenant_b):
        assert widget_settings_find().greeting == "Hi from B"
    assert key_b not in str(read)


def test_allowed_origins_are_normalised_and_validated(tenant_a, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)
    saved = client.patch(
        "/api/v1/widget/settings/",
        {"allowed_origins": ["https://Shop.Example:443/", "http://localhost:3000"]},
        content_type="application/json",
    )
    assert saved.json()["allowed_origins"] == ["https://shop.example", "http://localhost:3000"]
    refused = client.patch(
        "/api/v1/widget/settings/",
        {"allowed_origins": ["https://*.example.com"]},
        content_type="application/json",
    )
    assert (refused.status_code, refused.json()["field"]) == (400, "allowed_origins")


@pytest.mark.parametrize(
    "value", ["ftp://shop.example", "https://shop.example/path", "shop.example", "https://u:p@x.io"]
)
def test_only_bare_http_origins_are_accepted(value: str) -> None:
    with pytest.raises(ValidationError):
        origin_normalize(value)


def test_origins_match_exactly_scheme_host_and_port() -> None:
    allowed = ["https://shop.example"]
    assert origin_matches(origin="https://shop.example:443", allowed=allowed)
    assert not origin_matches(origin="http://shop.example", allowed=allowed)
    assert not origin_matches(origin="https://shop.example:8443", allowed=allowed)
    assert not origin_matches(origin="https://evil-shop.example", allowed=allowed)
    assert not origin_matches(origin="null", allowed=allowed)


def test_websocket_origins_keep_the_host_and_the_security() -> None:
    assert ws_origin_for("http://localhost:8000") == "ws://localhost:8000"
    assert ws_origin_for("https://store-a.aisle.example") == "wss://store-a.aisle.example"


def test_key_lookups_follow_the_stores_status(tenant_a) -> None:
    with tenant_context(tenant_a):
        key = widget_key_create(tenant=tenant_a)
    assert tenant_get_by_widget_key(key=key.key).is_active  # cached now
    tenant_suspend(tenant=tenant_a, reason="test")
    assert not tenant_get_by_widget_key(key=key.key).is_active


def test_appearance_is_saved_and_returned_with_the_effective_theme(tenant_a, owner_a) -> None:
    # Given an owner of store A
    client = client_for(tenant_a, owner_a.user)
    # When they change the look
    saved = client.patch(
        "/api/v1/widget/settings/",
        {
            "primary_color": "#FFD400",
            "position": "left",
            "launcher_icon": "bag",
            "greeting": "Hello there!",
            "suggested_questions": ["Do you ship to Austria?", "Where is my order?"],
            "locale": "de",
        },
        content_type="application/json",
    ).json()
    # Then it is stored as given, and the theme shows the contrast-corrected colours
    assert saved["primary_color"] == "#FFD400"
    assert (saved["position"], saved["launcher_icon"], saved["locale"]) == ("left", "bag", "de")
    assert saved["suggested_questions"] == ["Do you ship to Austria?", "Where is my order?"]
    assert saved["theme"] == {
        "primary": "#ffd400",
        "on_primary": "#111111",
        "position": "left",
        "icon": "bag",
    }
    assert client.get("/api/v1/widget/settings/").json()["greeting"] == "Hello there!"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("primary_color", "blue"),
        ("primary_color", "#12345"),
        ("position", "top"),
        ("launcher_icon", "rocket"),
        ("greeting", "x" * 301),
        ("suggested_questions", ["ok"] * 7),
        ("suggested_questions", ["fine", "   "]),
        ("suggested_questions", ["y" * 121]),
        ("locale", "it"),
    ],
)
def test_invalid_appearance_is_refused_with_its_field(tenant_a, owner_a, field, value) -> None:
    client = client_for(tenant_a, owner_a.user)
    refused = client.patch(
        "/api/v1/widget/settings/", {field: value}, content_type="application/json"
    )
    assert (refused.status_code, refused.json()["field"]) == (400, field)


def test_the_snippet_uses_the_newest_active_key_and_the_requests_host(tenant_a, owner_a) -> None:
    client = client_for(tenant_a, owner_a.user)
    # Given no key yet, there is no snippet
    assert client.get("/api/v1/widget/settings/").json()["snippet"] is None
    # When keys are created and the newest revoked, the older active one is shown
    with tenant_context(tenant_a):
        older = widget_key_create(tenant=tenant_a)
        widget_key_revoke(key=widget_key_create(tenant=tenant_a))
    snippet = client.get("/api/v1/widget/settings/").json()["snippet"]
    assert snippet == (
        f'<script async src="http://store-a.localhost/widget.js" data-key="{older.key}"></script>'
    )
