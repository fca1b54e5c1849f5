"""The public widget config a storefront's loader fetches: shape, refusals, CORS, store
isolation and cache invalidation."""

from __future__ import annotations

import pytest
from django.test import Client

from apps.conversations.services.assistant_settings import assistant_settings_update
from apps.core.tenancy import tenant_context
from apps.tenants.services import tenant_suspend, widget_key_create, widget_key_revoke
from apps.widget.selectors import widget_settings_find
from apps.widget.services import widget_settings_update
from tests.catalog.test_orders import order
from tests.widget.conftest import PANEL_FILE

SHOP = "https://shop-a.example"


@pytest.fixture
def key_a(tenant_a, widget_dist) -> str:
    with tenant_context(tenant_a):
        widget_settings_update(allowed_origins=[SHOP], greeting="Hi from A")
        return widget_key_create(tenant=tenant_a).key


def get_config(key: str, origin: str | None = SHOP, host: str = "localhost"):
    headers = {"HTTP_ORIGIN": origin} if origin else {}
    return Client(HTTP_HOST=host).get(f"/api/v1/widget/config/{key}/", **headers)


def test_config_has_the_agreed_shape(tenant_a, key_a) -> None:
    response = get_config(key_a)
    assert response.status_code == 200
    assert response.json() == {
        "store": {"name": "Store A"},
        "assistant": {"name": "Assistant", "handoff_enabled": True},
        "theme": {
            "primary": "#1f6feb",
            "on_primary": "#ffffff",
            "position": "right",
            "icon": "chat",
        },
        "greeting": "Hi from A",
        "suggested_questions": [],
        "locale": "",
        "order_lookup": False,
        "panel_url": f"http://localhost/widget/{PANEL_FILE}",
        "ws_url": f"ws://localhost/ws/widget/{key_a}/",
        "http_url": "http://localhost/api/v1/chat/",
    }
    assert response["Access-Control-Allow-Origin"] == response["Timing-Allow-Origin"] == SHOP
    assert "Origin" in response["Vary"]
    assert response["Cache-Control"] == "public, max-age=60"
    assert not response.cookies


def test_urls_follow_the_host_the_loader_came_from(tenant_a, key_a) -> None:
    config = get_config(key_a, host="store-a.localhost").json()
    assert config["ws_url"] == f"ws://store-a.localhost/ws/widget/{key_a}/"
    assert config["panel_url"] == f"http://store-a.localhost/widget/{PANEL_FILE}"


def test_order_lookup_is_offered_once_the_store_has_orders(tenant_a, key_a) -> None:
    from apps.catalog.models import ProductSource
    from apps.catalog.services.orders import orders_upsert

    with tenant_context(tenant_a):
        source = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="Orders")
        orders_upsert(source=source, records=[order("#1001")])
    assert get_config(key_a).json()["order_lookup"] is True


@pytest.mark.parametrize("origin", [None, "null", "https://evil.example", "http://shop-a.example"])
def test_missing_or_disallowed_origins_are_refused_without_cors(tenant_a, key_a, origin) -> None:
    response = get_config(key_a, origin=origin)
    assert (response.status_code, response.json()["code"]) == (403, "origin_not_allowed")
    assert "Access-Control-Allow-Origin" not in response


def test_unknown_and_revoked_keys_are_not_found(tenant_a, key_a) -> None:
    assert get_config("pk_" + "x" * 32).json()["code"] == "not_found"
    assert get_config("nonsense").status_code == 404
    with tenant_context(tenant_a):
        key = tenant_a.widget_keys.get(key=key_a)
        widget_key_revoke(key=key)
    response = get_config(key_a)
    assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_a_suspended_store_is_refused(tenant_a, key_a) -> None:
    tenant_suspend(tenant=tenant_a, reason="test")
    response = get_config(key_a)
    assert (response.status_code, response.json()["code"]) == (403, "store_suspended")


def test_a_key_never_returns_another_stores_settings(tenant_a, tenant_b, key_a) -> None:
    # Given store B with its own look, and the same origin allowed
    with tenant_context(tenant_b):
        widget_settings_update(allowed_origins=[SHOP], greeting="Hi from B", position="left")
        key_b = widget_key_create(tenant=tenant_b).key
    # Then each key returns its own store's settings, also with both cached
    for _ in range(2):
        a, b = get_config(key_a).json(), get_config(key_b).json()
        assert (a["store"]["name"], a["greeting"], a["theme"]["position"]) == (
            "Store A",
            "Hi from A",
            "right",
        )
        assert (b["store"]["name"], b["greeting"], b["theme"]["position"]) == (
            "Store B",
            "Hi from B",
            "left",
        )
    # And on store B's host, store A's key is unknown
    assert get_config(key_a, host="store-b.localhost").status_code == 404
    # And an origin allowed by B only does not open A's widget
    with tenant_context(tenant_b):
        widget_settings_update(allowed_origins=["https://shop-b.example"])
    assert get_config(key_a, origin="https://shop-b.example").status_code == 403


def test_changes_to_widget_or_assistant_settings_show_at_once(tenant_a, key_a) -> None:
    # Given a cached config
    assert get_config(key_a).json()["greeting"] == "Hi from A"
    # When the widget's and the assistant's settings change
    with tenant_context(tenant_a):
        widget_settings_update(greeting="Welcome back", primary_color="#ffd400")
        assistant_settings_update(actor=None, name="Skye", handoff_enabled=False)
    # Then the next config shows them
    config = get_config(key_a).json()
    assert config["greeting"] == "Welcome back"
    assert config["theme"]["on_primary"] == "#111111"
    assert config["assistant"] == {"name": "Skye", "handoff_enabled": False}


def test_a_cached_config_is_answered_without_the_database(
    tenant_a, key_a, django_assert_num_queries
) -> None:
    # Given a config served once (key, store part and allowed origins now cached)
    assert get_config(key_a).status_code == 200
    # Then the next storefront's request reads no row
    with django_assert_num_queries(0):
        assert get_config(key_a).status_code == 200


def test_the_stores_own_hosts_are_allowed_for_the_admin_preview(tenant_a, key_a) -> None:
    # The preview on store-a.localhost loads the widget from the root domain
    preview = get_config(key_a, origin="http://store-a.localhost")
    assert preview.status_code == 200
    # and shows each save at once: browsers must not reuse the config
    assert preview["Cache-Control"] == "no-cache"
    # with the request's scheme and port only, and never another store's host
    assert get_config(key_a, origin="https://store-a.localhost").status_code == 403
    assert get_config(key_a, origin="http://store-a.localhost:8443").status_code == 403
    assert get_config(key_a, origin="http://store-b.localhost").status_code == 403


def test_the_config_answers_503_without_a_widget_build(tenant_a, key_a, settings, tmp_path) -> None:
    settings.WIDGET_DIST_DIR = tmp_path / "missing"
    response = get_config(key_a)
    assert (response.status_code, response.json()["code"]) == (503, "unavailable")


def test_a_store_that_never_saved_its_widget_settings_gets_the_defaults_without_a_write(
    tenant_a, widget_dist
) -> None:
    # given a store with a key and no widget settings row
    with tenant_context(tenant_a):
        key = widget_key_create(tenant=tenant_a).key
        assert widget_settings_find() is None
    # when its admin site's live preview fetches the config
    response = get_config(key, origin="http://store-a.localhost", host="store-a.localhost")
    # then it answers with the default look, and the read created no row
    assert response.status_code == 200
    assert response.json()["theme"]["primary"] == "#1f6feb"
    with tenant_context(tenant_a):
        assert widget_settings_find() is None
