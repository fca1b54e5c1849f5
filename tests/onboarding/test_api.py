"""The getting-started checklist: each step's state comes from the store's own data, and another
store's data never counts."""

from __future__ import annotations

from apps.accounts.roles import Role
from apps.catalog.models import ProductSource
from apps.catalog.services.products import products_upsert
from apps.conversations.services.assistant_settings import assistant_settings_update
from apps.conversations.services.conversations import conversation_start, messages_append
from apps.core.tenancy import tenant_context
from apps.knowledge.models import Source
from apps.tenants.models import Tenant
from apps.tenants.services import widget_key_create, widget_key_revoke
from apps.widget.services import widget_settings_get, widget_settings_update
from tests.accounts.factories import MembershipFactory
from tests.catalog.conftest import product, variant
from tests.conftest import client_for

URL = "/api/v1/onboarding/"
STEPS = ["knowledge", "catalog", "assistant", "widget", "install", "live"]


def _steps(tenant: Tenant) -> dict[str, dict]:
    viewer = MembershipFactory(tenant=tenant, role=Role.VIEWER)
    response = client_for(tenant, viewer.user).get(URL)
    assert response.status_code == 200
    steps = response.json()["steps"]
    assert [step["key"] for step in steps] == STEPS
    return {step["key"]: step for step in steps}


def _complete_every_step(tenant: Tenant) -> None:
    # A ready source is what a finished sync leaves (the sync itself is tested in knowledge).
    Source.objects.create(kind=Source.Kind.TEXT, name="FAQ", status=Source.Status.READY)
    catalog = ProductSource.objects.create(kind=ProductSource.Kind.FILE, name="Catalog")
    products_upsert(source=catalog, records=[product("tent", "Tent", [variant("T-1", "99.00")])])
    assistant_settings_update(actor=None, name="Juniper")
    widget_settings_update(allowed_origins=["https://shop.example"])
    widget_key_create(tenant=tenant)
    conversation = conversation_start(channel="widget", session_id="shopper-1")
    messages_append(conversation=conversation, messages=[{"role": "user", "content": "Hi"}])


def test_a_new_store_has_every_step_still_to_do(tenant_a) -> None:
    # given a store where only the settings rows were opened (reading them creates them)
    with tenant_context(tenant_a):
        widget_settings_get()

    # when a viewer reads the checklist
    steps = _steps(tenant_a)

    # then nothing is done, and each step says what is missing
    assert not any(step["done"] for step in steps.values())
    assert steps["knowledge"]["detail"] == "No knowledge sources yet."
    assert steps["install"]["detail"] == "Add your storefront's address to the allowed domains."


def test_each_step_is_done_from_the_stores_data(tenant_a) -> None:
    # given store A with knowledge, a product, a named assistant, an allowed origin with an
    # active key, and a shopper's first widget message
    with tenant_context(tenant_a):
        _complete_every_step(tenant_a)

    # when
    steps = _steps(tenant_a)

    # then every step but the widget's look is done (allowed origins are not a customisation)
    assert {key: step["done"] for key, step in steps.items()} == {
        "knowledge": True,
        "catalog": True,
        "assistant": True,
        "widget": False,
        "install": True,
        "live": True,
    }
    assert steps["knowledge"]["detail"] == "1 source ready"
    assert steps["catalog"]["detail"] == "1 active product"
    assert steps["install"]["detail"] == "1 allowed domain and an active key."


def test_a_revoked_key_or_a_playground_chat_does_not_count(tenant_a) -> None:
    # given an allowed origin whose only key was revoked, and a conversation in the playground
    with tenant_context(tenant_a):
        widget_settings_update(allowed_origins=["https://shop.example"])
        widget_key_revoke(key=widget_key_create(tenant=tenant_a))
        conversation = conversation_start(channel="playground", session_id="member-1")
        messages_append(conversation=conversation, messages=[{"role": "user", "content": "Hi"}])

    # when
    steps = _steps(tenant_a)

    # then
    assert steps["install"] == {
        "key": "install",
        "done": False,
        "detail": "Create a widget key for the snippet.",
    }
    assert steps["live"]["done"] is False


def test_another_stores_progress_is_invisible(tenant_a, tenant_b) -> None:
    # given store B has done everything
    with tenant_context(tenant_b):
        _complete_every_step(tenant_b)

    # when store A reads its checklist
    steps = _steps(tenant_a)

    # then none of B's data counts for A
    assert not any(step["done"] for step in steps.values())


def test_only_members_read_the_checklist(tenant_a, owner_b) -> None:
    response = client_for(tenant_a, owner_b.user).get(URL)
    assert response.status_code == 403
