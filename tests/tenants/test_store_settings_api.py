"""The store settings API (/api/v1/store/): members read, admins and owners change the name and
currency, changes are validated and audited, and each store only ever sees itself."""

from __future__ import annotations

import pytest

from apps.accounts.roles import Role
from apps.audit.models import AuditEvent
from apps.core.tenancy import tenant_context
from apps.tenants.models import Tenant
from apps.tenants.selectors import tenant_get_by_widget_key
from apps.tenants.services import widget_key_create
from apps.widget.selectors import widget_config_store_part
from tests.accounts.factories import MembershipFactory
from tests.conftest import client_for

URL = "/api/v1/store/"


def _patch(client, body: dict):  # type: ignore[no-untyped-def]
    return client.patch(URL, body, content_type="application/json")


def test_members_read_their_own_stores_settings_only(tenant_a, tenant_b) -> None:
    # given a viewer of store A
    viewer = MembershipFactory(tenant=tenant_a, role=Role.VIEWER)

    # when they read the settings on store A's host and on store B's
    own = client_for(tenant_a, viewer.user).get(URL)
    other = client_for(tenant_b, viewer.user).get(URL)

    # then store A's come back and store B refuses a non-member
    assert own.status_code == 200
    assert own.json() | {"updated_at": None} == {
        "slug": "store-a",
        "name": "Store A",
        "currency": "USD",
        "status": "active",
        "updated_at": None,
    }
    assert (other.status_code, other.json()["code"]) == (403, "not_a_member")


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EDITOR])
def test_roles_below_admin_cannot_change_the_settings(tenant_a, role) -> None:
    # given a member below admin
    member = MembershipFactory(tenant=tenant_a, role=role)

    # when they try to rename the store
    response = _patch(client_for(tenant_a, member.user), {"name": "Mine now"})

    # then it is refused and nothing changed
    assert (response.status_code, response.json()["code"]) == (403, "insufficient_role")
    assert Tenant.objects.get(pk=tenant_a.pk).name == "Store A"


def test_an_admin_changes_name_and_currency_and_it_is_audited(tenant_a, tenant_b) -> None:
    # given an admin of store A
    admin = MembershipFactory(tenant=tenant_a, role=Role.ADMIN)

    # when they change the name and the currency (lower case is fine)
    client = client_for(tenant_a, admin.user)
    response = _patch(client, {"name": "  Alpine Goods ", "currency": "eur"})

    # then the normalised values are saved and returned, and store A's log has the change
    assert response.status_code == 200
    assert (response.json()["name"], response.json()["currency"]) == ("Alpine Goods", "EUR")
    stored = Tenant.objects.get(pk=tenant_a.pk)
    assert (stored.name, stored.currency, stored.slug) == ("Alpine Goods", "EUR", "store-a")
    with tenant_context(tenant_a):
        event = AuditEvent.objects.get(action="store.settings_changed")
    assert event.actor_email == admin.user.email
    assert event.data == {"name": "Alpine Goods", "currency": "EUR"}
    # and store B is untouched, its log included
    assert Tenant.objects.get(pk=tenant_b.pk).name == "Store B"
    with tenant_context(tenant_b):
        assert not AuditEvent.objects.filter(action="store.settings_changed").exists()


def test_saving_unchanged_values_records_nothing(tenant_a, owner_a) -> None:
    response = _patch(client_for(tenant_a, owner_a.user), {"name": "Store A", "currency": "USD"})

    assert response.status_code == 200
    with tenant_context(tenant_a):
        assert not AuditEvent.objects.filter(action="store.settings_changed").exists()


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({"currency": "EURO"}, "currency", "invalid_currency"),
        ({"currency": "XYZ"}, "currency", "invalid_currency"),
        ({"currency": ""}, "currency", "invalid_currency"),
        ({"name": "   "}, "name", "required"),
        ({"name": "x" * 101}, "name", "name_length"),
        ({"name": "Shop\u200b"}, "name", "name_charset"),
    ],
)
def test_bad_values_are_refused_with_field_and_code(tenant_a, owner_a, body, field, code) -> None:
    # when an owner sends a bad value next to a good one
    response = _patch(client_for(tenant_a, owner_a.user), {"name": "Renamed", **body})

    # then nothing is written
    assert response.status_code == 400
    assert (response.json()["code"], response.json()["field"]) == (code, field)
    assert Tenant.objects.get(pk=tenant_a.pk).name == "Store A"


def test_the_slug_cannot_be_changed(tenant_a, owner_a) -> None:
    response = _patch(client_for(tenant_a, owner_a.user), {"slug": "new-address"})

    assert response.status_code == 200
    assert Tenant.objects.get(pk=tenant_a.pk).slug == "store-a"


def test_the_widget_sees_the_new_name_at_once(tenant_a, owner_a) -> None:
    # given a widget key and the public config, both cached with the old name
    with tenant_context(tenant_a):
        key = widget_key_create(tenant=tenant_a)
        assert widget_config_store_part()["store"]["name"] == "Store A"
    assert tenant_get_by_widget_key(key=key.key).name == "Store A"

    # when the owner renames the store
    _patch(client_for(tenant_a, owner_a.user), {"name": "Store Alpha"})

    # then neither cache answers with the old name
    assert tenant_get_by_widget_key(key=key.key).name == "Store Alpha"
    with tenant_context(Tenant.objects.get(pk=tenant_a.pk)):
        assert widget_config_store_part()["store"]["name"] == "Store Alpha"
